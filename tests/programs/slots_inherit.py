# __slots__ and inheritance: a subclass without __slots__ gets __dict__ and __weakref__,
# '__dict__' in __slots__ adds a dict, slots of every class in the chain, lay-out conflicts.
import sys


class Base:
    __slots__ = ("a",)


class WithDict(Base):
    pass


class More(Base):
    __slots__ = ("b",)


class Mixed(More):
    __slots__ = ("c", "__dict__")


d = WithDict()
d.a = 1
d.z = 2
print(d.__dict__, d.a, list(WithDict.__dict__.keys()), sys.getsizeof(d))

m = More()
m.a, m.b = 1, 2
print(m.a, m.b, list(More.__dict__.keys()), sys.getsizeof(m))
try:
    m.c = 3
except AttributeError as e:
    print("AttributeError", e)

x = Mixed()
x.a, x.b, x.c, x.d = 1, 2, 3, 4
print(x.__dict__, vars(x), x.a + x.b + x.c, list(Mixed.__dict__.keys()), sys.getsizeof(x))
del x.d
print(x.__dict__)


# an empty __slots__ adds nothing, and mixes with a slotted base
class Empty:
    __slots__ = ()


class Both(Base, Empty):
    __slots__ = ()


b = Both()
b.a = "both"
print(b.a, [c.__name__ for c in Both.__mro__], sys.getsizeof(Empty()))
try:
    b.other = 1
except AttributeError as e:
    print("AttributeError", e)


# slots beside a class of a built-in
class Tagged(list):
    __slots__ = ("tag",)


t = Tagged([1, 2])
t.tag = "two"
print(t, t.tag, len(t))
try:
    t.more = 1
except AttributeError as e:
    print("AttributeError", e)


class Money(float):
    __slots__ = ("currency",)


cash = Money(2.5)
cash.currency = "EUR"
print(cash + 1, cash.currency)


# a subclass overriding a slot with a property
class Celsius(Base):
    __slots__ = ()

    @property
    def degrees(self):
        return self.a


c = Celsius()
c.a = 21
print(c.degrees)


# object.__setattr__ and super() reach the slots too
class Frozen:
    __slots__ = ("value",)

    def __init__(self, value):
        object.__setattr__(self, "value", value)

    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is frozen")


f = Frozen(7)
print(f.value)
try:
    f.value = 8
except AttributeError as e:
    print("AttributeError", e)


class A:
    __slots__ = ("x",)


class B:
    __slots__ = ("y",)


try:

    class C(A, B):
        pass

except TypeError as e:
    print("TypeError", e)
