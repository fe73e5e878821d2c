# A class's reference count as CPython 3.11 keeps it: its variable, its own __mro__
# tuple, the __dict__ and __weakref__ descriptors of its namespace, and for each subclass
# that subclass's __mro__, __bases__ and base pointer; every instance holds its class.
import sys

class A:
    pass

print(sys.getrefcount(A))

class B(A):
    pass

print(sys.getrefcount(A), sys.getrefcount(B))
a = A()
b = A()
print(sys.getrefcount(A))
del b
print(sys.getrefcount(A))

class C:
    def m(self):
        return 1

print(sys.getrefcount(C))

class E(Exception):
    pass

print(sys.getrefcount(E))

class D(B):
    def m(self):
        return super().m()

print(sys.getrefcount(D), sys.getrefcount(B), sys.getrefcount(A))
print(A.__mro__, B.__bases__, A.__dict__['__dict__'])

def local_class():
    class L:
        pass
    return sys.getrefcount(L)

print(local_class())
