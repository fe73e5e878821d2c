from collections import deque, defaultdict, Counter, OrderedDict
import copy
import sys


class Stack(deque):
    __slots__ = ()


s = Stack([1])
try:
    s.x = 1
except AttributeError as e:
    print(e)
print(s, Stack.__mro__[1].__name__)


class Ring(deque):
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args)
        return super().__new__(cls)


r = Ring([1, 2, 3], maxlen=2)
print(r, r.maxlen)
r.me = r
print(sys.getrefcount(r))
del r


class Graph(defaultdict):
    def __init__(self):
        super().__init__(list)
        self.edges = 0

    def add(self, a, b):
        self[a].append(b)
        self.edges += 1


g = Graph()
g.add(1, 2)
g.add(1, 3)
print(g, g.edges, g.default_factory)
g.default_factory = set
print(g.default_factory, g[5], g)


class Bag(Counter):
    def most_common(self, n=None):
        return sorted(self.items())


b = Bag(b=2, a=1)
print(b)
print(b + Bag("a"), -b)
b2 = copy.deepcopy(b)
print(type(b2).__name__, b2 == b)


class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if len(self) > self.size:
            oldest = next(iter(self))
            del self[oldest]


cache = LRU(2)
cache["a"] = 1
cache["b"] = 2
cache["a"]
cache["c"] = 3
print(cache, cache.size)
cache.update(d=4)
print(list(cache.items()))
try:
    cache["zz"]
except KeyError as e:
    print("KeyError", e)


class Missing(dict):
    pass


class Odd(defaultdict):
    def __missing__(self, key):
        return key * 2


o = Odd(None)
print(o[21], o)
try:
    defaultdict(5)
except TypeError as e:
    print(e)
try:
    Odd(5)
except TypeError as e:
    print(e)
print(isinstance(o, dict), issubclass(Odd, defaultdict), Odd.__mro__)
d2 = deque.__new__(Stack)
print(type(d2).__name__, d2)
try:
    deque.__new__(int)
except TypeError as e:
    print(e)
