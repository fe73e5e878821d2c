# Adding decimals whose exponents are far apart: what rounding cannot see of the smaller
# one counts as a sticky digit (decimal.py's _normalize), with CPython's results and flags
# in every rounding mode, and zero keeps the other operand's digits.
from decimal import (Decimal, localcontext, ROUND_UP, ROUND_DOWN, ROUND_CEILING,
                     ROUND_FLOOR, ROUND_HALF_EVEN, Inexact, Rounded)

big, tiny = Decimal("1e50"), Decimal("1e-50")
for mode in (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN):
    with localcontext() as ctx:
        ctx.rounding = mode
        ctx.clear_flags()
        print(mode, big + tiny, big - tiny, -big + tiny, tiny - big,
              ctx.flags[Inexact], ctx.flags[Rounded])

print(Decimal("123456789e40") + Decimal("-7e-60"))
print(Decimal(0) + Decimal("1e100"), Decimal("0e-100") + Decimal("1e100"))
print(Decimal("1e-100") + 0, Decimal("-0e5") + Decimal("0e-5"))
print(Decimal("1e999990") + 1, Decimal(5) - Decimal("1e-999990"))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal("99999e10") + Decimal("6e4"), Decimal("99999e10") + Decimal("4e-40"))
try:
    Decimal("1e999999999") + 1
except ArithmeticError as e:
    print(type(e).__name__, e)
