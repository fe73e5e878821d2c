# Metaclasses derived from type: __new__, __init__, __call__, __prepare__, keywords,
# type(name, bases, ns), and the errors CPython gives.
class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns, **kw):
        print("Registry.__new__", mcls.__name__, name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Registry.__init__", name, kw)
        super().__init__(name, bases, ns)


class Plugin(metaclass=Registry):
    x = 1


class Audio(Plugin, tag="sound"):
    def play(self):
        return "playing"

    @classmethod
    def __init_subclass__(cls, **kw):
        print("never: defined on Audio itself")


print(Registry.classes, type(Audio), type(Registry), Audio().play())
print(isinstance(Audio, Registry), isinstance(Audio, type), Audio.__class__)


class Singleton(type):
    def __call__(cls, *args):
        if not hasattr(cls, "instance"):
            cls.instance = super().__call__(*args)
        return cls.instance


class Config(metaclass=Singleton):
    def __init__(self, name):
        print("Config.__init__", name)
        self.name = name


a = Config("first")
b = Config("second")
print(a is b, b.name)


class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, kw)
        return {"prepared": True}


class P(metaclass=Ordered):
    y = 2

    @classmethod
    def __init_subclass__(cls, **kw):
        print("P.__init_subclass__", cls.__name__, kw)

print(P.prepared, P.y)

T = type("T", (object,), {"z": 3, "hello": lambda self: "hi"})
print(T, T.z, T().hello(), T.__bases__, type(T))
U = type("U", (T,), {})
print(U.__mro__, U().z)
print(type(5), type("s") is str)

try:
    type("V", (), 5)
except TypeError as e:
    print(e)
try:
    type("V", ())
except TypeError as e:
    print(e)
try:
    type.__new__(int, "a", (), {})
except TypeError as e:
    print(e)


class M1(type):
    pass


class M2(type):
    pass


class A1(metaclass=M1):
    pass


class A2(metaclass=M2):
    pass


try:
    class Both(A1, A2):
        pass
except TypeError as e:
    print(e)


class M3(M1):
    pass


class A3(A1, metaclass=M3):
    pass


print(type(A3), A3.__mro__)
try:
    class K(x=1):
        pass
except TypeError as e:
    print(e)
