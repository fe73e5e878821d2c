# @dataclass(slots=True) on a derived class: the class made again keeps the base's slots
# out of its own, and the class it replaced waits for the collector.
from dataclasses import dataclass
import gc


@dataclass
class Base:
    x: int


@dataclass(slots=True)
class Derived(Base):
    y: int = 0


d = Derived(1, 2)
print(d, Derived.__slots__, Derived.__mro__[1] is Base, hasattr(d, "__dict__"))
gc.collect()
print(d.x + d.y)


@dataclass(slots=True)
class Leaf(Derived):
    z: int = 3


leaf = Leaf(1, 2)
print(leaf, Leaf.__slots__, [c.__name__ for c in Leaf.__mro__])
bases = Leaf.__bases__
print(bases, bases[0] is Derived)
# two classes made by type() from one tuple of bases share it, as the remade class does
shared = (Base,)
One = type("One", shared, {})
Two = type("Two", shared, {})
print(One.__bases__ is Two.__bases__, One(5).x, Two(6).x)
del One
print(Two.__mro__)
