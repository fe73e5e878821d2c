# functools.cached_property: computed once per instance, then an instance attribute.
from functools import cached_property

class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        """The area, computed once."""
        print('computing area of', self.r)
        return 3 * self.r * self.r

c = Circle(2)
print(c.area)
print(c.area)
print(vars(c))
c.area = 100
print(c.area)
del c.area
print(c.area)
d = Circle(5)
print(d.area, c.area)
print(type(Circle.__dict__['area']).__name__, Circle.area.attrname, Circle.area.func.__name__)
print(Circle.area.__doc__)
print(isinstance(Circle.area, cached_property))

class Slotted:
    __slots__ = ('x',)
    @cached_property
    def y(self):
        return 1
try:
    Slotted().y
except TypeError as e:
    print(e)

cp = cached_property(lambda self: 42)
class Late:
    pass
Late.value = cp
try:
    Late().value
except TypeError as e:
    print(e)

try:
    class Twice:
        a = b = cached_property(lambda self: 1)
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

class Counter:
    def __init__(self):
        self.calls = 0
    @cached_property
    def total(self):
        self.calls += 1
        return sum(range(10))
k = Counter()
print(k.total, k.total, k.calls)
