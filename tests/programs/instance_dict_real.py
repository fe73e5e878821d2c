# An instance's __dict__ is its real attribute storage (CPython 3.11 makes it on first
# access): writes through it reach the instance, and it stays the same object.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
d = p.__dict__
print(d is p.__dict__, d)
p.__dict__['z'] = 3
print(p.z)
p.w = [4]
print(d)
del p.__dict__['x']
print(hasattr(p, 'x'), d)
vars(p)['v'] = 'vee'
print(p.v)
vars(p).update(a=1, b=2)
print(p.a, p.b, sorted(vars(p)))
p.__dict__.setdefault('c', 9)
print(p.c, p.__dict__.pop('c'), hasattr(p, 'c'))
try:
    del p.x
except AttributeError as e:
    print('AttributeError:', e)
del p.y
print('y' in d, len(d))
print(sys.getrefcount(p.__dict__), sys.getrefcount(d))

# clear() empties the instance
d.clear()
print(vars(p), hasattr(p, 'w'))

# replacing it: the old dict is cut loose, the new one is the storage
old = p.__dict__
old['kept'] = True
p.__dict__ = {'fresh': 1}
print(p.fresh, hasattr(p, 'kept'), old)
new = {'m': 'em'}
p.__dict__ = new
new['n'] = 'en'
print(p.n, p.__dict__ is new, sys.getrefcount(new))
try:
    p.__dict__ = [('a', 1)]
except TypeError as e:
    print('TypeError:', e)
del p.__dict__
print(vars(p), p.__dict__ is new)
p.after = 1
print(vars(p))

# two instances sharing one dict
q = Point(0, 0)
r = Point(5, 5)
r.__dict__ = q.__dict__
q.x = 100
print(r.x, vars(r) is vars(q))

# a dict made before any attribute
class Empty:
    pass


e = Empty()
ed = e.__dict__
e.one = 1
print(ed, sys.getrefcount(ed))
del ed


# a subclass of a built-in keeps its attributes in a __dict__ too
class Tagged(list):
    pass


t = Tagged([1, 2])
t.tag = 'x'
td = t.__dict__
td['more'] = 'y'
print(t, t.more, td, td is t.__dict__)


# methods and properties are found on the class, attributes in the dict
class Account:
    rate = 0.5

    def __init__(self):
        self.balance = 10

    @property
    def doubled(self):
        return self.balance * 2


a = Account()
a.__dict__['doubled'] = 'shadow?'
print(a.doubled, a.__dict__['doubled'])
a.__dict__['rate'] = 0.25
print(a.rate, Account.rate)
a.__dict__['balance'] = 50
print(a.doubled)
print(sorted(k for k in dir(a) if not k.startswith('__')))
try:
    a.__weakref__ = None
except AttributeError as e:
    print('AttributeError:', e)
