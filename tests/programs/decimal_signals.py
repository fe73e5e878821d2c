# The decimal context's flags and traps: every signal an operation raises is noted in
# ctx.flags, and raised as an exception when ctx.traps says so; Emax and Emin bound the
# exponents (Overflow, Underflow, Subnormal, Clamped).
from decimal import (Decimal, Context, getcontext, setcontext, localcontext, Inexact, Rounded,
                     Overflow, Underflow, Subnormal, Clamped, InvalidOperation, DivisionByZero,
                     ROUND_DOWN, ROUND_HALF_UP)

ctx = getcontext()
print(ctx.traps)
print(Decimal(1) / 3, ctx.flags[Inexact], ctx.flags[Rounded], ctx.flags[Overflow])
raised = [s.__name__ for s in ctx.flags if ctx.flags[s]]
print(raised, len(ctx.flags), Inexact in ctx.flags)
ctx.clear_flags()

ctx.traps[Inexact] = True
try:
    Decimal(10) / 3
except Inexact as e:
    print("trapped:", type(e).__name__, e.args)
print(Decimal(10) / 4)
ctx.traps[Inexact] = False

small = Context(prec=5, Emax=10, Emin=-10, traps=[DivisionByZero])
for text in ["9.9999e10", "1e11", "1.23456e-12", "1e-16", "0e20"]:
    small.clear_flags()
    d = small.create_decimal(text)
    print(text, "->", d, [s.__name__ for s in small.flags if small.flags[s]])
small.rounding = ROUND_DOWN
print(small.create_decimal("1e11"), small.Etiny(), small.Etop())

with localcontext() as local:
    local.Emax = 3
    try:
        Decimal(9999) * 10
    except Overflow as e:
        print("Overflow:", e)
    local.traps[Overflow] = False
    print(Decimal(9999) * 10, local.flags[Overflow])
print(getcontext().flags[Overflow])

try:
    Context(traps={Inexact: True})
except KeyError as e:
    print("KeyError", e)
try:
    del ctx.traps[Inexact]
except ValueError as e:
    print("ValueError", e)


class Money(Decimal):
    """An amount in euros, rounded to cents when shown."""

    def __str__(self):
        return format(self.quantize(Decimal("0.01"), ROUND_HALF_UP), ",.2f") + " EUR"


price = Money("1234.565")
total = price * 2
print(price, repr(price), type(total).__name__, total, isinstance(price, Decimal))
price.label = "lamp"
print(price.label, price == Decimal("1234.565"), Money(total) > price)
