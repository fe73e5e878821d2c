# Multiple inheritance: the C3 method resolution order, cooperative super() and the
# errors CPython gives for bases that cannot be linearised or laid out together.
class A:
    def hello(self):
        print("A.hello")
        return "A"


class B(A):
    def hello(self):
        print("B.hello")
        return "B" + super().hello()


class C(A):
    def hello(self):
        print("C.hello")
        return "C" + super().hello()


class D(B, C):
    def hello(self):
        print("D.hello")
        return "D" + super().hello()


d = D()
print(d.hello())
print(D.__mro__)
print(D.mro())
print(D.__bases__, D.__base__)
print(int.mro(), bool.__mro__)
print(isinstance(d, C), issubclass(D, C), issubclass(C, D))
print(super(B, d).hello())

try:
    class E(A, B):
        pass
except TypeError as e:
    print(repr(e))
try:
    class F(A, A):
        pass
except TypeError as e:
    print(e)
try:
    class G(bool):
        pass
except TypeError as e:
    print(e)
try:
    class X(1, 2):
        pass
except TypeError as e:
    print(e)


class H(ValueError, TypeError):
    pass


print(H.__mro__)
try:
    raise H("both")
except TypeError as e:
    print("caught", repr(e))


class Base:
    def __init__(self, **kw):
        print("Base", kw)


class M1(Base):
    def __init__(self, a, **kw):
        print("M1", a)
        super().__init__(**kw)


class M2(Base):
    def __init__(self, b, **kw):
        print("M2", b)
        super().__init__(**kw)


class Both(M1, M2):
    pass


o = Both(a=1, b=2, c=3)


class Mix:
    def __repr__(self):
        return "Mix!"

    def __len__(self):
        return 5


class Thing:
    pass


class T2(Thing, Mix):
    pass


t = T2()
print(repr(t), len(t), bool(t))
print(T2.__dict__.keys(), "__dict__" in Thing.__dict__, "__dict__" in Mix.__dict__)
