from collections import namedtuple
import sys
class Point(namedtuple("Point", "x y")):
    __slots__ = ()
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
p = Point(3, 4)
print(p, repr(p), p.norm(), p + p, p._replace(x=1), Point._make([7, 8]), type(p._make([1, 2])).__name__)
print(Point.__bases__[0]._fields, Point._fields, p._asdict(), isinstance(p, tuple), p == (3, 4), hash(p) == hash((3, 4)))
print(p.x, p[1], len(p), list(p), sys.getrefcount(p))
class Labeled(namedtuple("Labeled", ["name", "value"], defaults=[0])):
    def describe(self):
        return f"{self.name}={self.value}"
l = Labeled("a")
l.extra = "attr"
print(l, l.describe(), l.extra, vars(l))
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    p.z = 3
except AttributeError as e:
    print(e)
import copy
print(copy.copy(p), copy.deepcopy(l), type(copy.copy(p)).__name__)
class P3(Point):
    def norm(self):
        return super().norm() * 2
print(P3(3, 4).norm(), P3(1, 2))
