class MyList(list):
    pass

a = MyList([1, 2, 3])
a.name = "x"
print(a, type(a), isinstance(a, list), len(a), a[0], a.name)
a.append(4)
print(a, a + [5], type(a + [5]))

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]

s = Stack()
s.push(1); s.push(2)
print(s, s.peek(), s.pop(), s)

class LoggingList(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
    def append(self, x):
        print("append", x)
        super().append(x)
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)
    def __repr__(self):
        return "LoggingList(" + super().__repr__() + ", " + repr(self.tag) + ")"

l = LoggingList([1, 2], "t")
l.append(3)
l.extend([4, 5])
print(l[0])
l[1] = 20
print(l, str(l), list(l))
print(sorted(l), sum(l), 3 in l, [x for x in l])

class MyDict(dict):
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)

d = MyDict(a=1)
d["b"] = 2
d.update(c=3)
d.setdefault("e", 5)
print(d, type(d), d.get("a"), dict(d))

class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % int(self)

x = MyInt(5)
print(x, x + 1, type(x + 1), type(x), x == 5, hash(x) == hash(5), -x, type(-x))
print(int(x), type(int(x)), isinstance(x, int), str(x), f"{x}")

class Celsius(float):
    def __new__(cls, deg):
        print("new", deg)
        return super().__new__(cls, deg)

c = Celsius(21.5)
print(c, c * 2, type(c), round(c))

class Name(str):
    def shout(self):
        return self.upper() + "!"

n = Name("bob")
print(n, repr(n), n.shout(), type(n.upper()), n + "x", type(n + "x"), len(n), n == "bob")
n.title_ = 1
print(n.__dict__)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]

p = Point(1, 2)
print(p, p.x, type(p), p + (3,), type(p + (3,)), len(p), hash(p) == hash((1, 2)))

class S(set):
    pass
s = S([1, 2])
print(s, s | {3}, type(s | {3}), S(), type(s.copy()))
class F(frozenset):
    pass
f = F([1])
print(f, F(), hash(f) == hash(frozenset([1])))
print(MyList.__mro__, list.__new__(MyList), type(list.__new__(MyList)))
print(a.__dict__, vars(a))

# what the built-ins' C code does never calls the subclass's methods
class Loud(dict):
    def __setitem__(self, k, v):
        print("loud set", k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("loud get", k)
        return super().__getitem__(k)
    def keys(self):
        print("loud keys")
        return super().keys()

ld = Loud({"a": 1})
ld["b"] = 2
ld.update({"c": 3})
print(ld.get("a"), ld["a"], dict(ld), {**ld}, list(ld.items()))
print(ld.pop("c"), ld, len(ld), "a" in ld)

class Counted(list):
    count_appends = 0
    def append(self, x):
        Counted.count_appends += 1
        super().append(x)

cl = Counted()
cl.append(1)
cl.extend([2, 3])
cl += [4]
cl.insert(0, 0)
print(cl, Counted.count_appends, type(cl), cl * 2, type(cl[1:]), cl[1:])

# equality, ordering, hashing
class Vec(tuple):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))

v = Vec([1, 2]) + Vec([3, 4])
print(v, type(v), v == (4, 6), v < (5,), sorted([Vec([2]), Vec([1])]))

class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
    def __eq__(self, other):
        return str.__eq__(self, other.upper())
    __hash__ = str.__hash__

u = Upper("hi")
print(u, u == "hi", u != "hi", u < "Z", {u: 1}, u.lower(), type(u.lower()))

class Even(int):
    def __new__(cls, n):
        if n % 2:
            raise ValueError("odd: %d" % n)
        return super().__new__(cls, n)
    def half(self):
        return Even(self // 2) if (self // 2) % 2 == 0 else self // 2

e = Even(8)
print(e, e.half(), type(e.half()), e.half().half(), type(e.half().half()), e * 1.5, bool(Even(0)))
try:
    Even(3)
except ValueError as exc:
    print("ValueError:", exc)
print(MyInt("12"), MyInt("ff", 16), MyInt(), Celsius(1) + Celsius(2), type(Celsius(1) + Celsius(2)))

# subclass of a subclass, with attributes set in __init__
class Tagged(Stack):
    def __init__(self, *items, tag=None):
        super().__init__(items)
        self.tag = tag

t = Tagged(1, 2, tag="t")
print(t, t.tag, t.peek(), isinstance(t, Stack), isinstance(t, list), Tagged.__mro__)
print(list.__hash__, int.__add__(3, 4), float.__radd__(1.5, 2))
print(list.__getitem__(l, 0), dict.__repr__(d), str.__len__(n))

# errors as CPython reports them
for make in (lambda: MyList(1, 2), lambda: MyDict(1, 2), lambda: S(1, 2), lambda: MyInt("x"),
             lambda: int.__new__(dict), lambda: list.__new__(5), lambda: object.__new__(MyList),
             lambda: MyInt(1, 2, 3), lambda: Name(b=1), lambda: MyList(x=1), lambda: hash(MyList()),
             lambda: MyList() + 1, lambda: Name("a") - 1):
    try:
        print(make())
    except Exception as exc:
        print(type(exc).__name__ + ":", exc)

class Bad(bool):
    pass
