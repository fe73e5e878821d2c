# The other ways to an instance's __dict__: copy, deepcopy, cached_property,
# a class's read-only namespace view, a module's real dict.
import copy
import math
import sys
from functools import cached_property


class Box:
    def __init__(self, items):
        self.items = items


b = Box([1, 2])
state = b.__dict__
c = copy.copy(b)
print(c.items is b.items, c.__dict__ is state, c.__dict__ == state)
c.__dict__['label'] = 'copy'
print(c.label, hasattr(b, 'label'))
deep = copy.deepcopy(b)
deep.__dict__['items'].append(3)
print(b.items, deep.items)
print(sys.getrefcount(state))


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print('computing')
        return round(math.pi * self.r ** 2, 2)


k = Circle(2)
print(k.area, k.area, k.__dict__)
del k.__dict__['area']
print(k.area)
k.__dict__['area'] = 'cached by hand'
print(k.area)


class Meta(type):
    @cached_property
    def info(cls):
        return 'class info'


class WithMeta(metaclass=Meta):
    pass


try:
    WithMeta.info
except TypeError as e:
    print('TypeError:', e)

ns = Circle.__dict__
print(type(ns).__name__, 'area' in ns, ns is Circle.__dict__, ns == Circle.__dict__)
try:
    ns['r'] = 1
except TypeError as e:
    print('TypeError:', e)
Circle.unit = 'cm'
print(ns['unit'])

print(type(math.__dict__).__name__, math.__dict__ is math.__dict__, math.__dict__['pi'])
math.__dict__['tau_half'] = math.tau / 2
print(math.tau_half == math.pi, vars(math) is math.__dict__)
del math.__dict__['tau_half']
print(hasattr(math, 'tau_half'))
