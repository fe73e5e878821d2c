# 1e999999999 + 1: the 1 is far below the digits rounding keeps, so the sum aligns a few
# dozen digits and overflows at once, as in CPython (aligning a billion digits hung)
from decimal import Decimal

print(Decimal("1e999999999") + 1)
