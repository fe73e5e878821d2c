# abc.abstractproperty, abstractclassmethod, abstractstaticmethod (the deprecated aliases).
import abc
from abc import ABC, abstractproperty, abstractclassmethod, abstractstaticmethod

class Base(ABC):
    @abstractproperty
    def area(self):
        ...
    @abstractclassmethod
    def make(cls):
        ...
    @abstractstaticmethod
    def helper():
        ...

try:
    Base()
except TypeError as e:
    print(e)

class Square(Base):
    def __init__(self, s):
        self.s = s
    @property
    def area(self):
        return self.s ** 2
    @classmethod
    def make(cls):
        return cls(3)
    @staticmethod
    def helper():
        return 'help'

sq = Square.make()
print(sq.area, Square.helper(), sorted(Base.__abstractmethods__), Square.__abstractmethods__)

class Half(Base):
    @property
    def area(self):
        return 1
try:
    Half()
except TypeError as e:
    print(e)
print(isinstance(Base.__dict__['area'], property), isinstance(Base.__dict__['make'], classmethod))
