# The decimal context: precision and rounding apply to every result; localcontext changes
# them for a with block only.
from decimal import Decimal, getcontext, localcontext, Context, ROUND_DOWN, ROUND_HALF_UP
from decimal import ROUND_HALF_EVEN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP

ctx = getcontext()
print(ctx.prec, ctx.rounding, Decimal(1) / 7, Decimal(2).sqrt())
ctx.prec = 6
print(Decimal(1) / 7, Decimal("123456789") + 0, Decimal("1.2345678") * 1)
ctx.prec = 28

with localcontext() as local:
    local.prec = 3
    local.rounding = ROUND_DOWN
    print(Decimal(2) / 3, Decimal("9.999") + 0, getcontext() is local)
print(Decimal(2) / 3, getcontext() is ctx)
with localcontext(prec=4):
    print(Decimal(1) / 3)

x = Decimal("2.345")
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING,
             ROUND_HALF_DOWN, ROUND_05UP]:
    print(mode, x.quantize(Decimal("0.01"), rounding=mode), (-x).quantize(Decimal("0.01"), mode),
          Decimal("2.5").to_integral_value(mode))

money = Context(prec=10, rounding=ROUND_HALF_UP)
print(money.prec, money.rounding, money.create_decimal("3.14159265358979"))
print(Decimal("1.2300").normalize(), Decimal("120.00").normalize(), Decimal("5").quantize(Decimal("1.00")))
print(Decimal("1234567.895"), f"{Decimal('1234567.895'):,.2f}", format(Decimal("0.075"), ".1%"))
