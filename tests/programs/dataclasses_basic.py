# dataclasses: generated __init__, __repr__, __eq__, order, frozen, field(), asdict...
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
from dataclasses import FrozenInstanceError
from typing import List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
q = Point(1)
print(p, q, p == Point(1, 2), p == q, p != q)
print(p.x, p.y, Point(y=5, x=3))
print(Point.__hash__, is_dataclass(p), is_dataclass(Point), is_dataclass(5))
print(Point.__match_args__)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, z=3)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, x=3)
except TypeError as e:
    print("TypeError:", e)
print(p == (1, 2))


@dataclass
class Inventory:
    owner: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default="hidden", compare=False)


a = Inventory("ada")
b = Inventory("ada")
a.items.append("apple")
print(a, b, a.items is b.items)
print(Inventory("x", secret="1") == Inventory("x", secret="2"))
print([f.name for f in fields(a)])
print(asdict(a), astuple(a))
c = replace(a, owner="bob")
print(c, c.items is a.items)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0


v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 <= v2, v1 > v2, max(v1, v2), sorted([v2, v1]))
print(hash(v1) == hash(Version(1, 2)), {v1, Version(1, 2)} == {v1})
try:
    v1.major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del v1.minor
except AttributeError as e:
    print("AttributeError:", type(e).__name__, e)
try:
    v1 < 3
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Line:
    start: Point
    end: Point
    tags: tuple = ()

    def __post_init__(self):
        self.length = abs(self.end.x - self.start.x)


line = Line(Point(0, 0), Point(3, 4))
print(line, line.length)
print(asdict(line))
print(astuple(line))


@dataclass(eq=False)
class Plain:
    n: int


print(Plain(1) == Plain(1), Plain(2))


@dataclass(unsafe_hash=True)
class Key:
    k: str


print(hash(Key("a")) == hash(Key("a")))


@dataclass
class Child(Point):
    z: int = 9


print(Child(1, 2, 3), Child(7))

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    replace(p, z=1)
except TypeError as e:
    print("TypeError:", e)
try:
    asdict(5)
except TypeError as e:
    print("TypeError:", e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError:", e)
