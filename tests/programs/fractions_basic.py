# fractions.Fraction: exact rational arithmetic, mixed with ints and floats.
from fractions import Fraction
import math

half = Fraction(1, 2)
third = Fraction("1/3")
print(half, third, repr(half), half.numerator, half.denominator)
print(Fraction(), Fraction(7), Fraction(6, -4), Fraction(2.25), Fraction(0.1))
print(Fraction(" -3/4 "), Fraction("1.25"), Fraction("1e3"), Fraction("-.5"), Fraction("1_000/3"))
print(Fraction(Fraction(1, 7), 5), Fraction(Fraction(1, 7), Fraction(2, 3)), Fraction(True))

total = half + third
print(total, half - third, half * third, half / third, half ** 2, half ** -3)
print(half + 1, 1 + half, 2 - half, half * 4, 3 / half, half + 0.25, 0.25 * half)
print(Fraction(7, 2) // 2, Fraction(7, 2) % 2, divmod(Fraction(7, 2), Fraction(2, 3)))
print(7 // Fraction(2, 3), -7 % Fraction(2, 3), divmod(7, Fraction(2, 3)))
print(2 ** Fraction(3), 2 ** Fraction(-3), Fraction(4) ** Fraction(1, 2), 2 ** Fraction(1, 2))
print(-half, +half, abs(Fraction(-5, 3)), bool(Fraction(0)), bool(third))

print(half == 0.5, third == 1 / 3, Fraction(2) == 2, half < 1, half < 0.6, half != Fraction(2, 4))
print(half < float("inf"), half == float("nan"), 0.5 == half, 1 < Fraction(3, 2))
print(sorted([half, 0.3, 1, third, Fraction(-1, 8)]))
print(hash(half) == hash(0.5), hash(Fraction(5)) == hash(5), hash(Fraction(-1, 3)))
print({half: "half"}[0.5], len({0.5, half, Fraction(2, 4)}))

pi = Fraction("3.141592653589793")
print(pi, pi.limit_denominator(10), pi.limit_denominator(100), pi.limit_denominator())
print(Fraction(0.1).limit_denominator(), Fraction(5, 2).limit_denominator(1))
print(half.as_integer_ratio(), Fraction.from_float(0.25), Fraction.from_float(3))
print(math.floor(Fraction(7, 2)), math.ceil(Fraction(7, 2)), math.trunc(Fraction(-7, 2)))
print(round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 2), round(Fraction(1234), -2))
print(int(Fraction(-7, 2)), float(third), math.sqrt(Fraction(1, 4)), f"{third}")
print(sum([Fraction(1, 10)] * 10), sum(Fraction(1, n) for n in range(1, 6)))
print(Fraction(10**30, 3) * 3, Fraction(2, 3) ** 40)

for bad in ("Fraction(1, 0)", "Fraction('abc')", "Fraction('1 / 2')", "Fraction([])",
            "Fraction(1.5, 2)", "Fraction(float('nan'))", "Fraction(float('inf'))",
            "half / 0", "half // 0", "half % 0", "Fraction(0) ** -1", "half + 'a'",
            "half < 'a'", "~half", "Fraction(1, 2, 3)", "half.limit_denominator(0)",
            "Fraction.from_float('x')", "format(half, '.2f')"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
try:
    half.numerator = 3
except AttributeError as e:
    print("AttributeError:", e)
