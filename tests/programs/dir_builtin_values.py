# dir() of complex, bytes, bytearray, the iterators and the dict views, and what it lists
z = 3 + 4j
print(dir(z))
print(dir(complex) == dir(z), abs(z), z.__abs__(), z.__complex__() is z, z.__getnewargs__())
b = b"heap"
print(dir(b))
print(dir(bytes) == dir(b), b.__bytes__() is b, b.__getnewargs__())
ba = bytearray(b"scope")
print(dir(ba))
print(dir(bytearray) == dir(ba), "__alloc__" in dir(ba), "__bytes__" in dir(ba))

items = [10, 20, 30, 40]
for it in [iter(items), reversed(items), iter((1, 2, 3)), iter("héllo"), iter(range(2, 12, 3))]:
    first = next(it)
    print(type(it).__name__, first, it.__length_hint__(), dir(it))
it = iter(items)
it.__setstate__(2)
print(list(it))
it = iter(items)
it.__setstate__(-5)
print(next(it), it.__length_hint__())
it = reversed(items)
it.__setstate__(1)
print(list(it))
s = iter("héllo")
s.__setstate__(2)
print(list(s), s.__length_hint__())
r = iter(range(5, 50, 5))
next(r); next(r)
r.__setstate__(4)
print(r.__length_hint__(), list(r))
r.__setstate__(100)
print(list(r))

d = {"a": 1, "b": 2, "c": 3}
for view in [d.keys(), d.values(), d.items()]:
    print(type(view).__name__, dir(view))
    print(list(view.__reversed__()), view.mapping, type(view.mapping).__name__)
for it in [iter(d), iter(d.values()), iter(d.items()), iter({1, 2, 3})]:
    next(it)
    print(type(it).__name__, it.__length_hint__(), dir(it))
it = iter(d)
d["z"] = 0
print(it.__length_hint__())
z2 = zip([1, 2], [3])
z2.__setstate__(True)
try:
    print(list(z2))
except ValueError as e:
    print("ValueError", e)
print(dir(z2), dir(enumerate("ab")), enumerate[int])
