from collections import deque, defaultdict, Counter, OrderedDict


class History(deque):
    """A deque that remembers how many items it was given."""

    def __init__(self, items=(), maxlen=None):
        super().__init__(items, maxlen)
        self.added = len(self)

    def append(self, item):
        self.added += 1
        super().append(item)


h = History([1, 2], 3)
h.append(3)
h.append(4)
h.extend([5])          # deque.extend does not call the override
print(h, h.added, len(h), h.maxlen)
print(type(h).__name__, isinstance(h, deque), h[0], h[-1])
print(repr(History()))
h2 = h.copy()
print(type(h2).__name__, h2, h2.added)
h3 = h + History([9])
print(type(h3).__name__, h3)
print(h == deque([3, 4, 5]), list(reversed(h)))


class Plain(deque):
    pass


p = Plain("ab")
p.tag = "x"
print(p, p.tag, p.__dict__)
p.appendleft("z")
print(p.popleft(), p.pop(), p)


class Tally(defaultdict):
    def __missing__(self, key):
        print("missing", key)
        return super().__missing__(key)

    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


t = Tally(int)
t["a"] += 1
t["a"] += 1
print(t, t.default_factory, dict(t))
t2 = Tally(list, {"x": [1]})
print(t2, t2.copy())


class Zero(defaultdict):
    pass


z = Zero(lambda: 0, k=1)
z.note = "n"
print(z["q"], sorted(z.items()), z.note)
print(repr(Zero()))


class MyCounter(Counter):
    def __missing__(self, key):
        return -1

    def total_len(self):
        return sum(len(k) for k in self)


c = MyCounter("hello")
print(c, c["zz"], c.total_len())
print(c.most_common(2), type(c.copy()).__name__)
c.update("ll")
print(c)
print(type(c + MyCounter("h")).__name__, c + MyCounter("h"), c == MyCounter("hello"), c <= c)


class Loud(Counter):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)


lc = Loud("aba")
lc.subtract("a")
print(lc)


class Recent(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


r = Recent(a=1, b=2)
r["a"] = 3
print(r, list(r))
r.extra = True
print(r.extra, r.copy(), type(r.copy()).__name__)


class Empty(OrderedDict):
    pass


print(Empty(), Empty([(1, 2)]))
