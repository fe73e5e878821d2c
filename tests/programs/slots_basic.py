# __slots__: member descriptors on the class, values kept in the instance, no __dict__.
import sys


class Point:
    __slots__ = ("y", "x")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
print(p, p.x, p.y)
print(list(Point.__dict__.keys()))
print(Point.x, type(Point.x).__name__, Point.__slots__)
print(Point.x.__name__, Point.x.__objclass__ is Point)
print(Point.x.__get__(p, Point), Point.y.__get__(None, Point) is Point.y)
Point.y.__set__(p, 20)
print(p.y)
print(sys.getsizeof(p))

# an attribute outside the slots, reading and deleting an unset slot, no __dict__
for action in (
    lambda: setattr(p, "z", 3),
    lambda: p.__dict__,
    lambda: vars(p),
    lambda: Point.__new__(Point).x,
):
    try:
        print(action())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)

del p.x
print(hasattr(p, "x"), getattr(p, "x", "unset"))
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)
try:
    p.x
except AttributeError as e:
    print("AttributeError", e)
p.x = 5
print(p)

# counts: a slot holds its value like an attribute
items = [1, 2, 3]
p.x = items
print(sys.getrefcount(items))
p.x = None
print(sys.getrefcount(items))
p.y = items
del p
print(sys.getrefcount(items))

# a single string, a list, a dict (its keys), private names mangled
class One:
    __slots__ = "only"


class Many:
    __slots__ = ["b", "a"]


class Doc:
    __slots__ = {"size": "how big", "colour": "which"}


class Private:
    __slots__ = ("__secret", "open")


print(list(One.__dict__.keys()), list(Many.__dict__.keys()), list(Doc.__dict__.keys()))
secret = Private()
secret._Private__secret = 42
print(list(Private.__dict__.keys()), secret._Private__secret)
o = One()
o.only = "x"
print(o.only, dir(o)[-1])

# descriptors of another class
try:
    Point.x.__get__(o, One)
except TypeError as e:
    print("TypeError", e)
try:
    Point.x.__set__(o, 1)
except TypeError as e:
    print("TypeError", e)

# weak references only with __weakref__
import weakref

try:
    weakref.ref(Point(0, 0))
except TypeError as e:
    print("TypeError", e)


class Weak:
    __slots__ = ("v", "__weakref__")


w = Weak()
r = weakref.ref(w)
print(r() is w, list(Weak.__dict__.keys()), sys.getsizeof(w), Weak.__weakref__)
del w
print(r())


class Outer:
    class Inner:
        __slots__ = ("value",)


print(Outer.Inner.value.__qualname__, Outer.Inner.value)
