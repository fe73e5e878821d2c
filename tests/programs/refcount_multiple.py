# A class with several bases holds each in its __mro__ and __bases__, and the first (the
# one whose layout its instances extend) once more, as its __base__.
import sys


class X:
    pass


class Y:
    pass


print(sys.getrefcount(X), sys.getrefcount(Y))


class Z(X, Y):
    pass


print(sys.getrefcount(X), sys.getrefcount(Y), sys.getrefcount(Z))
z = Z()
print(sys.getrefcount(Z))


class W(Z, Y):
    pass


print(sys.getrefcount(X), sys.getrefcount(Y), sys.getrefcount(Z), sys.getrefcount(W))
del z
print(W.__mro__)
