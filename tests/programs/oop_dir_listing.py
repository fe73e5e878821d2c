class A:
    cls_attr = 1
    def method(self):
        pass
a = A()
a.inst = 2
print([n for n in dir(a) if not n.startswith("__")])
print([n for n in dir(A) if not n.startswith("__")])
print(dir(a) == sorted(dir(a)), "__init__" in dir(a))
def f(x):
    return x
print([n for n in dir(f) if not n.startswith("__")], "__call__" in dir(f), "__name__" in dir(f))
import math
print([n for n in dir(math) if n.startswith("f")])
print("pi" in dir(math), "sqrt" in dir(math))
class WithDir:
    def __dir__(self):
        return ["b", "a"]
print(dir(WithDir()))
