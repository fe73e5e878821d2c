# The dunders of built-in types return NotImplemented exactly where CPython's slot
# wrappers do ((1).__eq__(1.0) is float's to answer), sequences' __add__/__mul__ raise as
# sq_concat/sq_repeat do, object's comparisons, and set-like dict views.


def check(a, op, b):
    try:
        r = getattr(a, op)(b)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(type(a).__name__, op, type(b).__name__, r)


check(1, '__eq__', 1.0)
check(1.0, '__eq__', 1)
check('a', '__eq__', 1)
check([], '__eq__', ())
check((), '__eq__', [])
check(1, '__lt__', 2.0)
check(1.0, '__lt__', 2)
check(1, '__add__', 1.0)
check(1.0, '__add__', 1)
check(1, '__radd__', 1.0)
check(True, '__eq__', 1)
check(1, '__eq__', True)
check({}, '__eq__', [])
check(set(), '__eq__', frozenset())
check(frozenset(), '__eq__', set())
check(1j, '__eq__', 1)
check(1, '__eq__', 1j)
check(1j, '__lt__', 1)
check('a', '__lt__', 'b')
check([1], '__lt__', [2])
check([1], '__add__', (2,))
check((1,), '__add__', [2])
check('a', '__add__', 1)
check('a', '__mul__', 2)
check([1], '__mul__', 2.0)
check(2, '__mul__', 'a')
check(2, '__mul__', [1])
check(1.5, '__mul__', 'a')
check(range(3), '__eq__', [0, 1, 2])
check(b'a', '__eq__', 'a')
check(b'a', '__eq__', bytearray(b'a'))
check(bytearray(b'a'), '__eq__', b'a')
check({1: 2}.keys(), '__eq__', {1})
check(None, '__eq__', None)
check(None, '__eq__', 0)
check(1, '__ne__', 1.0)
check(1.0, '__ne__', 'x')
check(1, '__truediv__', 2.0)
check(1.0, '__floordiv__', 2)
check(10, '__mod__', 3.0)
check({1}, '__or__', [2])
check({1}, '__sub__', frozenset({1}))
check(1, '__eq__', 1)
check(object(), '__eq__', 1)
check(1.0, '__eq__', True)
check(2, '__pow__', 2.0)
check(2.0, '__pow__', 2)
check(1, '__and__', True)
check(True, '__and__', 1)
check(True, '__and__', False)


class A:
    def __eq__(self, other):
        return super().__eq__(other)


a = A()
print(a == a, a == 1, a != a, object.__eq__(a, a), object.__ne__(a, 1), object.__lt__(a, a))
print(type(None).__eq__(None, None), None.__ne__(None), (5).__ne__(5.0), 'a'.__ne__('a'))
try:
    hash(a)
except TypeError as e:
    print('TypeError:', e)


class B:
    def __lt__(self, other):
        return True


b = B()
print(b == b, b != B(), b < 1, b.__eq__(b), b.__ne__(b))
k = {1: 2, 3: 4}.keys()
print(k == {1, 3}, k != {1, 3}, k < {1, 3, 5}, k <= {1, 3}, k > {1}, k >= {1, 3}, k > {9})
print(k == [1, 3], k == {1: 0, 3: 0}.keys(), k.__eq__(frozenset({1, 3})), k.__eq__([1, 3]))
i = {1: 2}.items()
print(i == {(1, 2)}, i <= {(1, 2), 5}, i == k, {1}.__eq__(k), frozenset({3, 1}) == k)
print([1].__mul__(True), 'ab'.__mul__(2), (1,).__add__((2,)))
