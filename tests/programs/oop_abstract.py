from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def sides(self): ...
    def describe(self):
        return f"{type(self).__name__}: {self.area()} with {self.sides} sides"
try:
    Shape()
except TypeError as e:
    print(e)
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    @property
    def sides(self):
        return 4
print(Rect(2, 3).describe(), isinstance(Rect(1, 1), Shape))
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
print(sorted(Shape.__abstractmethods__), Shape.area.__isabstractmethod__)
