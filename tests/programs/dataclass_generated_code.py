# The methods @dataclass writes are Python functions made from text, as in CPython: their
# names, defaults and annotations, and tracebacks through them ("<string>").
from dataclasses import dataclass, field, InitVar, KW_ONLY


@dataclass(order=True)
class Item:
    name: str
    price: float = 1.0
    tags: list = field(default_factory=list)
    _: KW_ONLY
    count: int = 0


print(Item.__init__.__qualname__, Item.__init__.__name__, type(Item.__init__).__name__)
print(Item.__init__.__defaults__, Item.__init__.__kwdefaults__)
print(Item.__init__.__annotations__)
print(Item.__lt__.__qualname__, Item.__eq__.__qualname__, Item.__hash__)
print(Item("a") == Item("a"), Item("a") < Item("b", 0.5), Item("a").__eq__(3))
try:
    Item()
except TypeError as e:
    print(e)


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        if scale < 0:
            raise ValueError("negative scale")


p = Point(1, 2)
print(p, hash(p) == hash((1, 2)), Point.__setattr__.__qualname__, Point.__hash__.__qualname__)
for action in (lambda: setattr(p, "x", 5), lambda: delattr(p, "y"), lambda: setattr(p, "z", 1)):
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
try:
    Point(1, 2, -1)
except ValueError as e:
    print("post_init:", e)


@dataclass
class Self:
    self: int
    other: int = 2


print(Self(1), Self(self=3).other)
p.x = 9
