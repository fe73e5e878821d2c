# Calling a class holds its arguments as CPython 3.11's type.__call__ does: the caller's
# stack, the argument tuple it packs and, with keywords, the keyword dict and the copy of
# the arguments that passes them to a Python __new__ or __init__. Inside them an argument's
# count is CPython's.
import sys


class R:
    def __init__(self, v, w=None, *rest, **kw):
        print("R", sys.getrefcount(v), sys.getrefcount(self))


class Q:
    def __new__(cls, v, w=None):
        print("Q.__new__", sys.getrefcount(v), sys.getrefcount(cls) > 2)
        return super().__new__(cls)

    def __init__(self, v, w=None):
        print("Q.__init__", sys.getrefcount(v))


class S:
    def __init__(self, v):
        print("S", sys.getrefcount(v))
        raise ValueError("no")


x = [1]
R(x)
R(v=x)
R(x, w=x)
R(x, x, x)
r = R(x, k=x)
Q(x)
Q(x, w=x)
Q(v=x)
try:
    S(x)
except ValueError:
    pass
print(sys.getrefcount(x))
del r
print(sys.getrefcount(x))
