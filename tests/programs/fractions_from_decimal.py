# Fraction.from_decimal: Heapscope has no decimal, so ints (Decimal(int(x)) in CPython) and
# CPython's TypeError for anything that is not a Decimal.
from fractions import Fraction

print(Fraction.from_decimal(3), Fraction.from_decimal(-7), repr(Fraction.from_decimal(True)))
for bad in [1.5, "1.5", None, 2j, [1]]:
    try:
        Fraction.from_decimal(bad)
    except TypeError as e:
        print("TypeError:", e)

print(Fraction.from_decimal(10**30), Fraction.from_decimal(0).denominator)
