# The tuples CPython 3.11 shares rather than copies: a class's __mro__ and __bases__ are
# its own tuples (the same object at every access, counted by the class), type(name,
# bases, ns) keeps the bases tuple it was given, and a function's constant defaults are
# one constant of the module, held by its code object too.
import sys

class A:
    pass

class B(A):
    pass

print(A.__mro__ is A.__mro__, B.__bases__ is B.__bases__)
print(sys.getrefcount(A.__mro__), sys.getrefcount(B.__mro__))
print(sys.getrefcount(A.__bases__), sys.getrefcount(B.__bases__))
m = B.__mro__
bs = B.__bases__
print(sys.getrefcount(m), sys.getrefcount(bs), m, bs)
del m, bs
print(sys.getrefcount(B.__mro__), sys.getrefcount(B.__bases__))

bases = (A,)
C = type('C', bases, {})
print(C.__bases__ is bases, sys.getrefcount(bases))
del C
import gc
gc.collect()
print(sys.getrefcount(bases))
E = type('E', (), {})
print(E.__bases__, sys.getrefcount(E.__bases__))

def f(a, b=(1, 2), c='x y'):
    return b

def g(a=(1, 2), b='x y'):
    return a

print(f.__defaults__, sys.getrefcount(f.__defaults__))
print(f.__defaults__[0] is g.__defaults__[0], f(0) is g())
h = lambda x=-1, y=2.5: x
print(h.__defaults__, sys.getrefcount(h.__defaults__))

def k(a, b=[1]):
    return b

print(sys.getrefcount(k.__defaults__))

def outer():
    def inner(p=(3, 4), q=None):
        return p
    return inner

i1 = outer()
i2 = outer()
print(i1.__defaults__ is i2.__defaults__, sys.getrefcount(i1.__defaults__))
