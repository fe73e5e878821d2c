# __init_subclass__ (with class keywords), __set_name__, __new__ and __class_getitem__.
class Base:
    registry = {}

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, key)
        Base.registry[key or cls.__name__] = cls


class One(Base, key="one"):
    pass


class Two(Base):
    pass


class Three(One, key="three"):
    pass


print(sorted(Base.registry))


class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Holder:
    first = Named()
    second = Named()


print(Holder.first.name, Holder.second.name)


class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)


try:
    class Broken:
        b = Bad()
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))


class Point:
    def __new__(cls, x, y):
        print("Point.__new__", cls.__name__, x, y)
        self = super().__new__(cls)
        self.x = x
        return self

    def __init__(self, x, y):
        print("Point.__init__")
        self.y = y


p = Point(1, 2)
print(p.x, p.y)


class Cached:
    _cache = {}

    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]


print(Cached("a") is Cached("a"), Cached("a") is Cached("b"))


class NotMine:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print(NotMine())


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"


print(Box[int])
try:
    class Loud:
        def __new__(cls, *args):
            return super().__new__(cls, *args)
    Loud(1)
except TypeError as e:
    print(e)
try:
    class Quiet:
        pass
    Quiet(1)
except TypeError as e:
    print(e)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
