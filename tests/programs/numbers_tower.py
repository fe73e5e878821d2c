import numbers
from fractions import Fraction

print(numbers.__all__)
print(numbers.Number, numbers.Integral, numbers.Real.__mro__)
for value in (1, True, 2.5, 1 + 2j, Fraction(1, 3), 'x', None, [1]):
    print(repr(value).ljust(16),
          [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real,
                                numbers.Rational, numbers.Integral) if isinstance(value, c)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational),
      issubclass(bool, numbers.Number), issubclass(complex, numbers.Real),
      issubclass(numbers.Integral, numbers.Complex), issubclass(str, numbers.Number))
print(sorted(numbers.Complex.__abstractmethods__))
print(sorted(numbers.Real.__abstractmethods__))
print(sorted(numbers.Rational.__abstractmethods__))
print(sorted(numbers.Integral.__abstractmethods__))
print(numbers.Number.__abstractmethods__, numbers.Number.__hash__, numbers.Complex.__hash__)
print(numbers.Number.__module__, numbers.Real.__name__, numbers.Real.__qualname__)


def total(xs):
    if not all(isinstance(x, numbers.Number) for x in xs):
        raise TypeError('numbers only')
    return sum(xs)


print(total([1, 2.5, Fraction(1, 2)]))
try:
    total([1, 'two'])
except TypeError as e:
    print('TypeError:', e)


class Thing(numbers.Number):
    pass


t = Thing()
print(isinstance(t, numbers.Number), isinstance(t, numbers.Complex))
try:
    hash(t)
except TypeError as e:
    print('TypeError:', e)


class Half(numbers.Real):
    pass


try:
    Half()
except TypeError as e:
    print('TypeError:', e)


class Nat(numbers.Integral):
    def __init__(self, n):
        self.n = n

    def __int__(self):
        return self.n

    def __repr__(self):
        return f'Nat({self.n})'


try:
    Nat(3)
except TypeError as e:
    print('TypeError:', e)


class Meters(numbers.Real):
    def __init__(self, v):
        self.v = v

    def __float__(self): return float(self.v)
    def __trunc__(self): return int(self.v)
    def __floor__(self): return int(self.v // 1)
    def __ceil__(self): return -int(-self.v // 1)
    def __round__(self, ndigits=None): return round(self.v, ndigits)
    def __floordiv__(self, o): return Meters(self.v // float(o))
    def __rfloordiv__(self, o): return Meters(float(o) // self.v)
    def __mod__(self, o): return Meters(self.v % float(o))
    def __rmod__(self, o): return Meters(float(o) % self.v)
    def __lt__(self, o): return self.v < float(o)
    def __le__(self, o): return self.v <= float(o)
    def __add__(self, o): return Meters(self.v + float(o))
    def __radd__(self, o): return Meters(float(o) + self.v)
    def __neg__(self): return Meters(-self.v)
    def __pos__(self): return Meters(self.v)
    def __mul__(self, o): return Meters(self.v * float(o))
    def __rmul__(self, o): return Meters(float(o) * self.v)
    def __truediv__(self, o): return Meters(self.v / float(o))
    def __rtruediv__(self, o): return Meters(float(o) / self.v)
    def __pow__(self, o): return Meters(self.v ** float(o))
    def __rpow__(self, o): return Meters(float(o) ** self.v)
    def __abs__(self): return Meters(abs(self.v))
    def __eq__(self, o): return self.v == float(o)
    def __repr__(self): return f'Meters({self.v})'


m = Meters(7.5)
print(m, m - 2, 10 - m, divmod(m, 2), divmod(20, m))
print(m.real, m.imag, m.conjugate(), m.__complex__(), bool(m), bool(Meters(0)))
print(isinstance(m, numbers.Complex), float(m), m < 8, m == 7.5)
print(abs(Meters(-1)), round(m), Meters(3) ** 2)


class Ratio(numbers.Rational):
    def __init__(self, n, d):
        self._n, self._d = n, d

    @property
    def numerator(self):
        return self._n

    @property
    def denominator(self):
        return self._d


try:
    Ratio(1, 2)
except TypeError as e:
    print('TypeError:', e)

print(numbers.Rational.__float__(Fraction(1, 4)), numbers.Integral.__float__(7),
      numbers.Integral.__index__(True), numbers.Real.__divmod__(7, 2))
print(numbers.Integral.numerator.fget(5), numbers.Integral.denominator.fget(5))
print(numbers.Complex.real.__isabstractmethod__, numbers.Real.real.__isabstractmethod__)
try:
    numbers.Complex.__add__(1, 2)
except NotImplementedError as e:
    print('NotImplementedError', repr(e))
print(numbers.Complex.__bool__(0j), numbers.Complex.__sub__(5, 3), numbers.Complex.__rsub__(5, 3))
numbers.Real.register(Fraction)
print(isinstance(Fraction(2, 3), numbers.Real), isinstance(3, numbers.Rational))
print(Half())
