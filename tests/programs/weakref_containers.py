# weakref: WeakValueDictionary, WeakKeyDictionary and WeakSet lose an entry when its object dies (also when the collector frees a cycle)
import weakref, gc, sys


class A:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "A(%d)" % self.n


d = weakref.WeakValueDictionary()
print(repr(d).startswith("<WeakValueDictionary at 0x"), type(d).__name__, type(d).__module__)
a = A(1)
b = A(2)
d["a"] = a
d["b"] = b
print(len(d), d["a"], "a" in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("x"), d.get("a"), d.get("x", 0), sys.getrefcount(a))
del a
print(len(d), list(d), "a" in d)
try:
    d["a"]
except KeyError as e:
    print("KeyError", e)
try:
    d["x"] = 1
except TypeError as e:
    print("TypeError:", e)
k = weakref.WeakKeyDictionary()
print(repr(k).startswith("<WeakKeyDictionary at 0x"))
x = A(3)
k[x] = "three"
print(len(k), k[x], x in k, list(k.items()), k.get(x), k.get(A(7), "none"))
try:
    k[1] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    k[A(9)]
except KeyError:
    print("KeyError")
print(1 in k, "s" in k)
del x
print(len(k), list(k))
s = weakref.WeakSet()
print(repr(s), s)
y = A(4)
s.add(y)
s.add(y)
print(len(s), y in s, list(s))
try:
    s.add(1)
except TypeError as e:
    print("TypeError:", e)
print(1 in s)
try:
    s.remove(A(5))
except KeyError:
    print("KeyError")
del y
print(len(s), repr(s))
c1 = A(5)
c2 = A(6)
c1.o = c2
c2.o = c1
d["c"] = c1
del c1, c2
print(len(d))
gc.collect()
print(len(d))
print(d.pop("b"), len(d))
print(d.setdefault("z", b), len(d))
d2 = weakref.WeakValueDictionary({"q": b})
print(len(d2), list(d2.keys()))
d2.update(r=b)
print(sorted(d2))
del d2["q"]
print(list(d2))
print(d2 == d2, bool(d2), bool(weakref.WeakSet()), len(weakref.WeakSet([b, b])))
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError", e)
print(d.pop("nope", "dflt"))
ws = weakref.WeakSet([b])
ws.discard(A(1))
print(len(ws), ws.pop() is b, len(ws))
try:
    ws.pop()
except KeyError as e:
    print("KeyError", e)
kd = weakref.WeakKeyDictionary({b: 1})
print(kd[b], len(kd.copy()), len(d2.copy()))
del b
print(len(kd), len(d2), len(d))
