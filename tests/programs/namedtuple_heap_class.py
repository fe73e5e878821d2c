# A namedtuple class is an ordinary class derived from tuple, as CPython's: counted (the
# global name and its own __mro__ hold it), freed when the last reference goes, its namespace
# the one namedtuple writes (a _tuplegetter per field, __new__ a staticmethod, no __dict__).
import sys
import typing
from collections import namedtuple

Point = namedtuple("Point", "x y", defaults=[0])
print(sys.getrefcount(Point), Point.__doc__, Point.__module__, Point.__qualname__)
p = Point(3, 4)
q = Point(5)
print(sys.getrefcount(Point), p, q, Point.x, Point.y.__class__.__name__)
print(list(Point.__dict__), type(Point.__dict__["__new__"]).__name__)
print(Point.__slots__, hasattr(p, "__dict__"), Point._field_defaults)
for attempt in ("p.x = 1", "del p.y", "p.z = 2"):
    try:
        exec(attempt)
    except AttributeError as e:
        print(attempt, "->", e)


class Point3(Point):
    __slots__ = ()

    def dist(self):
        return (self.x**2 + self.y**2) ** 0.5


r = Point3(6, 8)
print(r, r.dist(), Point3.__mro__, r._replace(y=0), Point3._make((1, 1)).dist())
print(sys.getrefcount(Point), sys.getrefcount(Point3))
del p, q
print(sys.getrefcount(Point))


class Employee(typing.NamedTuple):
    name: str
    salary: int = 1000

    def raise_by(self, pct):
        return self._replace(salary=self.salary * (100 + pct) // 100)


ann = Employee("Ann")
print(ann, ann.raise_by(10), Employee.__mro__, Employee.__annotations__)
print(sys.getrefcount(Employee), Employee.raise_by.__qualname__, Employee.__qualname__)
staff = [Employee("Bo", 1200), ann, Employee("Cy", 900)]
print(sorted(staff, key=lambda e: e.salary), max(staff, key=lambda e: e.salary).name)
del r
del Point3
print(sys.getrefcount(Point))
