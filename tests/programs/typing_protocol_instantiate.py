# A protocol cannot be instantiated; a class deriving from one can
from typing import Protocol, Generic, TypeVar
from collections.abc import Sized
T = TypeVar("T")

class Shape(Protocol):
    def area(self) -> float: ...

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side * self.side

class Unit(Shape):
    def area(self):
        return 1.0

class Named(Protocol):
    def __init__(self, name):
        self.name = name

class Holder(Protocol[T]):
    def get(self) -> T: ...

class Extended(Shape, Protocol):
    def perimeter(self) -> float: ...

class SizedThing(Sized, Protocol):
    pass

print(Square(3).area(), Unit().area(), Named("n").name)
print(Shape._is_protocol, Square._is_protocol, Extended._is_protocol, Holder._is_protocol)
print(Holder.__parameters__, Extended.__mro__[1].__name__)
print("__init__" in Unit.__dict__, Shape.__init__.__name__)
for make in [Shape, Holder, Extended, SizedThing]:
    try:
        make()
    except TypeError as e:
        print(make.__name__, type(e).__name__, e)
try:
    Unit(1)
except TypeError as e:
    print(e)
print("__init__" in Unit.__dict__, Unit.__init__ is object.__init__)
try:
    Unit(1)
except TypeError as e:
    print(e)
class Seen:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
try:
    class Bad(Seen, Square, Protocol):
        pass
except TypeError as e:
    print(e)
try:
    class K(Generic[T]):
        pass
    K(1)
except TypeError as e:
    print(e)
