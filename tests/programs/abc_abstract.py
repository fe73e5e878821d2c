# abc: abstract base classes refuse to be instantiated until every abstract method is defined
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def perimeter(self):
        pass

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class Half(Shape):
    def area(self):
        return 0


s = Square(3)
print(s.describe(), s.perimeter(), isinstance(s, Shape))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Named(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @staticmethod
    @abstractmethod
    def kind():
        ...


class Dog(Named):
    name = "rex"

    @staticmethod
    def kind():
        return "dog"


print(Dog().name, Dog.kind())
try:
    Named()
except TypeError as e:
    print("TypeError:", e)


class Plain(ABC):
    pass


print(type(Plain()).__name__, ABC)
