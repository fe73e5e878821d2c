# A class made by a metaclass holds it (as every object holds its type); the metaclass's
# own namespace gets no __dict__/__weakref__ descriptors (type's instances have them).
import sys


class Meta(type):
    pass


print(sys.getrefcount(Meta))


class K(metaclass=Meta):
    pass


print(sys.getrefcount(Meta), sys.getrefcount(K))
L = Meta("L", (K,), {"a": 1})
print(sys.getrefcount(Meta), sys.getrefcount(K), sys.getrefcount(L), type(L).__name__)
del L
print(sys.getrefcount(Meta), "__dict__" in Meta.__dict__, "__dict__" in K.__dict__)
