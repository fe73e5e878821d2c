# pow(a, b, m): CPython's ternary dispatch (the base's __pow__(other, mod), then the
# exponent's and the modulus's types), int.__pow__ with a modulus, and the errors.
class M:
    def __init__(self, v): self.v = v
    def __pow__(self, other, mod=None):
        print('pow', other, mod)
        return M(self.v ** other % mod if mod else self.v ** other)
    def __rpow__(self, other, mod=None):
        print('rpow', other, mod)
        return 7
    def __repr__(self): return 'M(%r)' % self.v
print(pow(M(3), 4, 5))
print(pow(M(3), 4))
print(M(2) ** 3)
print(2 ** M(3))
print(pow(2, M(3)))
try:
    print(pow(2, M(3), 5))
except TypeError as e:
    print('TypeError:', e)
print(int.__pow__(3, 4, 5), (3).__pow__(4, 5), (3).__pow__(4))
print(int.__pow__(3, 4, None))
print((2).__rpow__(3), int.__rpow__(2, 3, 5) if hasattr(int, '__rpow__') else '')
print((3).__pow__(4.0), (3).__pow__(4, 5.0))
print(float.__pow__(2.0, 3), (2.0).__pow__(3, None))
try:
    (2.0).__pow__(3, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError:', e)
class N:
    def __pow__(self, other):
        return 'two-arg'
print(pow(N(), 2))
try:
    pow(N(), 2, 3)
except TypeError as e:
    print('TypeError:', e)
print(pow(3, -1, 7), pow(True, 2, 3))
import operator
print(operator.pow(M(2), 2))
