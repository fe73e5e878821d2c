import math
import sys
import types

print(types.ModuleType, types.FunctionType, types.MethodType.__name__)
m = types.ModuleType("plugins", "Plugin docs")
print(m, m.__name__, m.__doc__, type(m) is types.ModuleType)
m.answer = 42
print(m.answer, sorted(vars(m)))


class VerboseModule(types.ModuleType):
    def __repr__(self):
        return f"Verbose {self.__name__}"

    def __setattr__(self, attr, value):
        print(f"Setting {attr}...")
        super().__setattr__(attr, value)


m.__class__ = VerboseModule
print(m, type(m).__name__, isinstance(m, types.ModuleType))
m.answer = 43
print(m.answer)
del m.answer
print(hasattr(m, "answer"))


class Lazy(types.ModuleType):
    @property
    def big(self):
        return 10 ** 3

    def __getattr__(self, name):
        return f"<lazy {name}>"


lz = Lazy("lz")
print(lz, lz.big, lz.anything, lz.__name__)
m.__class__ = types.ModuleType
print(m, type(m).__name__)
math.__class__ = VerboseModule
print(math.pi, type(math).__name__)
print(math.tau > 6)
math.__class__ = types.ModuleType


class A:
    pass


class B:
    pass


class S(list):
    pass


a = A()
a.__class__ = B
print(type(a).__name__)
for target, value in ((a, S), (a, int), (1, B), (m, A), (a, VerboseModule), (a, 5)):
    try:
        target.__class__ = value
    except TypeError as e:
        print(e)
try:
    del a.__class__
except TypeError as e:
    print(e)
try:
    types.ModuleType(5)
except TypeError as e:
    print(e)


def greet(self):
    return "hi " + self.name


class P:
    name = "p"


bound = types.MethodType(greet, P())
print(bound(), type(bound) is types.MethodType, bound.__self__.name)
try:
    types.MethodType(greet, None)
except TypeError as e:
    print(e)
print(type(greet) is types.FunctionType, type(len) is types.BuiltinFunctionType, type(None) is types.NoneType)
