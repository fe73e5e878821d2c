# The built-in types' dunders are CPython 3.11's: a slot wrapper exists where CPython's
# type dict has one (list has __add__ and __rmul__, not __and__ or __sub__), so hasattr()
# and the operator fallbacks agree with CPython.
import collections

NAMES = ["__add__", "__sub__", "__mul__", "__rmul__", "__radd__", "__and__", "__or__",
         "__xor__", "__rand__", "__ror__", "__rsub__", "__truediv__", "__floordiv__",
         "__mod__", "__rmod__", "__pow__", "__lshift__", "__rshift__", "__invert__", "__neg__",
         "__iadd__", "__imul__", "__isub__", "__iand__", "__ior__", "__ixor__",
         "__bool__", "__len__", "__iter__", "__next__", "__reversed__", "__getnewargs__",
         "__class_getitem__", "__contains__", "__getitem__", "__setitem__", "__delitem__",
         "__hash__", "__int__", "__float__", "__index__", "__abs__"]

samples = [1, True, 1.5, "s", [1], (1,), {1: 2}, {1}, frozenset({1}), None, ...,
           collections.deque([1]), collections.defaultdict(int), collections.Counter("ab"),
           collections.OrderedDict(a=1)]
for x in samples:
    t = type(x)
    print(t.__name__, [n for n in NAMES if hasattr(x, n)])
    print(" " * len(t.__name__), [n for n in NAMES if hasattr(t, n)])

print(hasattr([], "__and__"), hasattr("", "__sub__"), hasattr({}, "__add__"))
print(list.__hash__, dict.__hash__, set.__hash__)
print([1, 2].__rmul__(2), "ab".__rmul__(2), (1,).__rmul__(2))
a = [1]
print(a.__iadd__([2]) is a, a, a.__imul__(2), a)
s = {1, 2}
print(s.__iand__({2, 3}) is s, s, s.__ior__({4}), s.__isub__({4}), s.__ixor__({5}))
print(s.__iand__([1]), {1}.__rand__({1}), {1}.__rsub__({1, 2}), {1}.__ror__({2}))
d = {1: 2}
print(d.__ior__({3: 4}) is d, d, d.__ior__([(5, 6)]))
print(list(reversed(d)), list(d.__reversed__()), list([1, 2, 3].__reversed__()))
print(type([].__reversed__()).__name__, type({}.__reversed__()).__name__)
print("abc".__getnewargs__(), (1, 2).__getnewargs__())
t = (1, 2)
print(t.__getnewargs__()[0] is t, "".__getnewargs__()[0] is "")
print(list.__class_getitem__(int), dict.__class_getitem__((str, int)), tuple[int, ...])


class L(list):
    pass


class D(dict):
    def __reversed__(self):
        return iter(["mine"])


print(L[int], list(reversed(L([1, 2]))), list(reversed(D(a=1))))
print(collections.OrderedDict.__class_getitem__(int), collections.deque[str])
try:
    [].__and__
except AttributeError as e:
    print(e)
try:
    [1] - [1]
except TypeError as e:
    print(e)
try:
    [].__reversed__(1)
except TypeError as e:
    print(e)
