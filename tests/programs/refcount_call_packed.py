# A call with f(*args, **kwargs) (CALL_FUNCTION_EX): the caller holds the argument tuple and
# the keyword dict until the call returns, and with keywords CPython unpacks them into a
# copy of the arguments that holds each value too (a class's __init__ gets the instance
# prepended to that copy). sys.getrefcount inside the callee counts all of them.
import sys


class K:
    def __init__(self, x, y=0):
        print('init', sys.getrefcount(x))

    def m(self, x, y=0):
        print('m', sys.getrefcount(x))

    def __call__(self, x, y=0):
        print('call', sys.getrefcount(x))


def g(x, y=0):
    print('g', sys.getrefcount(x))


k = K([])
for fn in (K, k.m, k, g):
    fn(*[[], 1])
    fn(**{'x': [], 'y': 1})
    fn(*([],), **{'y': 1})
    d = {'x': [], 'y': 2}
    fn(**d)
    a = [[]]
    fn(*a)
    fn(*a, y=3)


def h(*args, **kw):
    print('h', sys.getrefcount(args), sys.getrefcount(kw), sys.getrefcount(args[0]))


h(*a, **d)
h(*a, *a, y=[])


def deep(n, *rest):
    if n:
        return deep(*[n - 1], *rest)
    return sys.getrefcount(rest[0])


print(deep(3, *a))
