# the descriptors seen from Python: property, staticmethod, classmethod and functions have __get__ (property also __set__ and __delete__)
class A:
    def __init__(self): self._x = 1
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): del self._x
    @staticmethod
    def s(a): return a * 2
    @classmethod
    def c(cls, a): return (cls.__name__, a)
    def m(self, a): return a + 1
a = A()
p = A.__dict__['x']
print(type(p).__name__, p.__get__(a, A), p.__get__(None, A) is p)
p.__set__(a, 5); print(a.x)
p.__delete__(a); print(hasattr(a, '_x'))
print(property.__get__, property.__set__, property.__delete__)
print(p.fget.__name__, p.__doc__, p.fset is not None, p.fdel is not None)
sm = A.__dict__['s']; cm = A.__dict__['c']
print(type(sm).__name__, sm.__get__(a, A)(3), sm.__func__(4))
print(type(cm).__name__, cm.__get__(a, A)(3), cm.__get__(None, A)(4), cm.__func__.__name__)
f = A.__dict__['m']
bm = f.__get__(a, A)
print(type(bm).__name__, bm(1), bm.__self__ is a, bm.__func__ is f, f.__get__(None, A) is f)
print(A.m.__get__(a)(10))
print(staticmethod.__get__, classmethod.__get__)
print(hasattr(property, "getter"))
q = property(lambda self: 42)
print(q.__get__(a), q.__isabstractmethod__)
try:
    q.__set__(a, 1)
except AttributeError as e:
    print(e)
try:
    q.__delete__(a)
except AttributeError as e:
    print(e)
print(type(A.__dict__['__init__'].__get__).__name__)
print((lambda self: 3).__get__(1)(), (lambda: 4).__call__())
