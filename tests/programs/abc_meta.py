# abc.ABCMeta as a metaclass, __abstractmethods__, register() and virtual subclasses
from abc import ABC, ABCMeta, abstractmethod


class Shape(metaclass=ABCMeta):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name} of area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side**2

    @property
    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0


print(type(Shape).__name__, type(ABC).__name__, isinstance(ABC, ABCMeta), issubclass(ABCMeta, type))
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
print(Square(3).describe(), isinstance(Square(2), Shape), issubclass(Square, Shape))


class Sized(ABC):
    @abstractmethod
    def __len__(self):
        ...


@Sized.register
class Box:
    def __len__(self):
        return 3


Sized.register(list)
print(issubclass(Box, Sized), isinstance(Box(), Sized), isinstance([], Sized), issubclass(bool, Sized))
print(isinstance("text", Sized), issubclass(dict, Sized), Sized.register(Box) is Box, Box.__mro__)


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42

    def __subclasscheck__(cls, sub):
        return sub is int


class Answer(metaclass=Meta):
    pass


print(isinstance(42, Answer), isinstance(41, Answer), issubclass(int, Answer), issubclass(str, Answer))
print(isinstance(Answer(), Answer), isinstance(42, (str, Answer)))


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("Shape()", lambda: Shape())
attempt("Half()", lambda: Half())
attempt("register(5)", lambda: Sized.register(5))
attempt("cycle", lambda: Square.register(Shape))
attempt("issubclass(5, Sized)", lambda: issubclass(5, Sized))
