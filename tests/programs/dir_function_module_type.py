# dir() of a function, a module and a built-in type: CPython's names, sorted, as far as
# they exist here (a name missing from dir() is missing from getattr too)
def f(a, b=2):
    return a
names = dir(f)
print(names == sorted(names), "__call__" in names, "__get__" in names, "__defaults__" in names)
print(all(hasattr(f, n) for n in names if n not in dir(object)))
import math
m = dir(math)
print(m == sorted(m), [n for n in m if not n.startswith("_")][:8], "pi" in m)
print(all(hasattr(math, n) for n in m))
t = dir(int)
print(t == sorted(t), "bit_length" in t, "__add__" in t, all(hasattr(int, n) for n in t if n not in dir(object)))
p = dir(property)
print("__get__" in p, "__set__" in p, "setter" in p, all(hasattr(property, n) for n in p if n not in dir(object)))
class A:
    x = 1
print([n for n in dir(A) if not n.startswith("__")], [n for n in dir(A()) if not n.startswith("__")])
