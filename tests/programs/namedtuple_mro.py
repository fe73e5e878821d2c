# A namedtuple class derives from tuple directly, as CPython's; a subclass keeps its methods.
import copy
from collections import namedtuple

Point = namedtuple("Point", "x y")
print(Point.__mro__)
print(Point.__bases__, Point.__base__)
print(Point.mro())
print("_asdict" in Point.__dict__, "_make" in vars(Point))


class Point3(Point):
    def __repr__(self):
        return "<" + super().__repr__() + ">"

    def norm(self):
        return abs(self.x) + abs(self.y)


print(Point3.__mro__)
print(Point3.__bases__, Point3.__base__)
print([c.__name__ for c in Point3.mro()])
p = Point3(3, -4)
print(p, p.norm(), p._asdict(), p._replace(x=1), Point3._make([5, 6]))
print(isinstance(p, tuple), issubclass(Point3, tuple), issubclass(Point3, Point))
print(copy.copy(p), copy.deepcopy(p) == p)
print(super(Point3, p)._asdict())
match p:
    case Point3(x, y):
        print("matched", x, y)
print(Point.__match_args__ is Point._fields, Point3.__match_args__)
