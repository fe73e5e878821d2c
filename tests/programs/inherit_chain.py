# Three levels of inheritance, overriding and super().
class A:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return "A.hello from " + self.name

    def who(self):
        return "A"


class B(A):
    def hello(self):
        return "B+" + super().hello()

    def who(self):
        return "B"


class C(B):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def hello(self):
        return "C+" + super().hello()


c = C("obj", 42)
print(c.hello())
print(c.who(), c.name, c.extra)
print(isinstance(c, A), isinstance(c, B), isinstance(c, C), isinstance(A("x"), C))
print(issubclass(C, A), issubclass(A, C), issubclass(B, (int, A)))
print([k.__name__ for k in C.__mro__])
print(C.__bases__[0].__name__, B.__base__.__name__)
