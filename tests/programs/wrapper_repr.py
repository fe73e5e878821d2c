# staticmethod and classmethod objects show what they wrap (CPython 3.10+).
class Shape:
    @staticmethod
    def unit():
        return Shape()

    @classmethod
    def named(cls, name):
        return cls()


print(repr(Shape.__dict__["unit"]).split(" at ")[0])
print(repr(Shape.__dict__["named"]).split(" at ")[0])
print(repr(staticmethod(len)), repr(classmethod(abs)))
print(str(staticmethod(lambda: 0)).split(" at ")[0])
print([staticmethod(max)])
