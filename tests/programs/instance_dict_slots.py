# __dict__ and __slots__: a class whose __slots__ has no '__dict__' gives its instances
# none; naming '__dict__' gives them one, beside the slots.
import sys


# __slots__ without __dict__ has none; with '__dict__' in __slots__ it has one
class Slotted:
    __slots__ = ('a',)


s = Slotted()
s.a = 1
try:
    s.__dict__
except AttributeError as e:
    print('AttributeError:', e)
try:
    vars(s)
except TypeError as e:
    print('TypeError:', e)


class SlottedDict:
    __slots__ = ('a', '__dict__')


sd = SlottedDict()
sd.a = 1
sd.b = 2
print(sd.__dict__)
sd.__dict__['c'] = 3
print(sd.c, sd.a)
print(sys.getrefcount(sd.__dict__), vars(sd) is sd.__dict__)
del sd.__dict__['b']
print(hasattr(sd, 'b'), sd.__dict__)


class Child(Slotted):
    pass


c = Child()
c.a = 1
c.extra = 2
print(c.__dict__, c.a)
