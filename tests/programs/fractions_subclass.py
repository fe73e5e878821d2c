# Classes derived from Fraction: which results are the class, which plain Fractions.
import copy
from fractions import Fraction


class Money(Fraction):
    def dollars(self):
        return f"${float(self):.2f}"


m = Money(7, 4)
print(m, repr(m), m.dollars(), type(m).__name__, isinstance(m, Fraction))
print(type(m + 1).__name__, type(m * m).__name__, type(-m).__name__, type(abs(m)).__name__)
print(type(Money.from_float(0.5)).__name__, repr(Money.from_decimal(3)), repr(Money.from_float(2)))
print(Money(3, 6), Money("1/3"), Money(0.25), m == Fraction(7, 4), hash(m) == hash(Fraction(7, 4)))
print(m.numerator, m.denominator, m.limit_denominator(1), type(m.limit_denominator(1)).__name__)
print(round(m), round(m, 1), type(round(m, 1)).__name__, int(m), float(m))
m.note = "rent"
print(m.__dict__, m.note)
try:
    Money.from_decimal(0.5)
except TypeError as e:
    print("TypeError:", e)


class Logged(Fraction):
    def __new__(cls, n, d=1):
        print("  new", n, d)
        return super().__new__(cls, n, d)


p = Logged(1, 2)
print(repr(p), repr(p + p), repr(Logged.from_float(0.25)))
print(repr(copy.copy(m)), repr(copy.deepcopy(p)), copy.copy(m).__dict__)
print(m.as_integer_ratio(), divmod(m, 1), m // 1, m % 1, m ** 2, type(m ** 2).__name__)
print(Money(1, 3) < 1, sorted([Money(1, 2), Fraction(1, 3), 0.4]))
print(sum([Money(1, 4)] * 4), type(sum([Money(1, 4)] * 4)).__name__)
try:
    Fraction.__new__(int, 1)
except TypeError as e:
    print("TypeError:", e)
