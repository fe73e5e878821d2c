# A function's keyword-only defaults: f.__kwdefaults__ is the dict the def made (the same
# object at every access, held by the function), or None when there are none.
import sys


def f(a, *, b=1, c=[2]):
    return c


def g(a, *, b):
    return b


def h(x=1):
    return x


print(f.__kwdefaults__, g.__kwdefaults__, h.__kwdefaults__)
kw = f.__kwdefaults__
print(kw is f.__kwdefaults__, sys.getrefcount(kw))
print(f(0) is kw["c"], f(0, c=3))
kw["b"] = 5
print(f.__kwdefaults__)
lam = lambda *, z=3: z
print(lam.__kwdefaults__, lam())
del kw
print(sys.getrefcount(f.__kwdefaults__))

