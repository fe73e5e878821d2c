# Assigning __class__ changes an object's type (CPython's object_set_class): methods are
# looked up on the new class, the instance's attributes stay, each class's count follows;
# CPython's TypeErrors for a value that is not a class, a built-in type or object, and
# classes whose objects are laid out differently.
import sys


class A:
    def hi(self):
        return "A"


class B:
    def hi(self):
        return "B"


class L(list):
    pass


class L2(list):
    pass


class E(Exception):
    pass


class E2(Exception):
    pass


a = A()
a.x = 1
print(sys.getrefcount(A), sys.getrefcount(B))
a.__class__ = B
print(type(a).__name__, a.hi(), a.x, isinstance(a, B), isinstance(a, A), a.__class__)
print(sys.getrefcount(A), sys.getrefcount(B), "__class__" in a.__dict__, a.__dict__)
for bad in (1, int, L, E, None, object):
    try:
        a.__class__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = B
except TypeError as e:
    print("TypeError:", e)
l = L([1, 2])
try:
    l.__class__ = A
except TypeError as e:
    print("TypeError:", e)
l.__class__ = L2
print(type(l).__name__, l)
x = [1]
try:
    x.__class__ = L
except TypeError as e:
    print("TypeError:", e)
e = E("boom")
e.__class__ = E2
print(type(e).__name__, e.args)
try:
    e.__class__ = A
except TypeError as ex:
    print("TypeError:", ex)
setattr(a, "__cl" + "ass__", A)
print(a.hi(), type(a) is A)
object.__setattr__(a, "__class__", B)
print(a.hi())


def f():
    pass


try:
    f.__class__ = A
except TypeError as ex:
    print("TypeError:", ex)
o = object()
try:
    o.__class__ = A
except TypeError as ex:
    print("TypeError:", ex)


class Logged:
    def __setattr__(self, name, value):
        print("set", name)
        super().__setattr__(name, value)


class Other(Logged):
    pass


g = Logged()
g.__class__ = Other
print(type(g).__name__)
