# @dataclass(slots=True) makes the class again with __slots__ of its fields, as CPython
# 3.11's _add_slots: instances have no __dict__, a misspelt attribute is an AttributeError,
# and the class keeps its name.
from dataclasses import dataclass, field, fields, asdict


@dataclass(slots=True)
class Point:
    x: float
    y: float = 0.0

    def dist(self):
        return (self.x**2 + self.y**2) ** 0.5


p = Point(3, 4)
print(p, p.dist(), Point.__slots__, hasattr(p, "__dict__"), Point.__qualname__)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)


@dataclass(slots=True, frozen=True)
class Pixel:
    r: int
    g: int
    b: int


px = Pixel(1, 2, 3)
print(px, hash(px) == hash(Pixel(1, 2, 3)), [f.name for f in fields(px)], asdict(px))
try:
    px.r = 9
except AttributeError as e:
    print(type(e).__name__, e)


@dataclass(slots=True)
class Bag:
    items: list = field(default_factory=list)
    label: str = "bag"


b = Bag()
b.items.append(1)
print(b, Bag.__slots__, "label" in Bag.__dict__, type(Bag.label).__name__)


p.w = 5
