# IntEnum, IntFlag, StrEnum and ReprEnum: members are real ints and strs (3.11's str/format)
from enum import Enum, IntEnum, IntFlag, StrEnum, Flag, auto, ReprEnum, unique


class Mixed(int, Enum):
    A = 1
    B = 2


print(repr(Mixed.A), str(Mixed.A), f"{Mixed.B}", Mixed.A + 1, Mixed(2), Mixed.A == 1)


class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = auto()


print(repr(Color.RED), str(Color.RED), f"{Color.RED}", format(Color.GREEN, "03d"))
print(Color.RED + 1, Color.RED < Color.BLUE, Color.BLUE * 2, -Color.GREEN)
print(list(Color), Color(2), Color["BLUE"], Color.BLUE.value, Color.BLUE.name)
print({1: "one"}[Color.RED], sorted([Color.BLUE, Color.RED]), Color.RED == 1, type(Color.RED + 1))
print("%d %s %r" % (Color.RED, Color.RED, Color.RED), "{}|{:>4}".format(Color.GREEN, Color.BLUE))
print(isinstance(Color.RED, int), isinstance(Color.RED, Color), hash(Color.RED) == hash(1))
print([c for c in range(5) if c in Color._value2member_map_], int(Color.BLUE), bin(Color.BLUE))
Shape = IntEnum("Shape", "CIRCLE SQUARE")
print(repr(Shape.SQUARE), Shape.SQUARE + 0)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


RW = Perm.R | Perm.W
print(repr(RW), str(RW), RW, f"{RW}", RW + 0, RW == 6)
print(repr(Perm.R | 8), Perm(8), repr(Perm(8)), repr(Perm(0)))
print(repr(~Perm.R), repr(~RW), repr(Perm(-1)), repr(Perm(-8)))
print(Perm.R in RW, Perm.X in RW, list(RW), len(RW), bool(Perm(0)), repr(Perm.R ^ Perm.R))
print(repr(Perm.R | 1), repr(1 | Perm.R), repr(RW & 2), Perm.R << 1, type(Perm.R << 1))
try:
    print(1 in RW)
except TypeError as e:
    print("TypeError:", e)


class Flags(Flag):
    A = 1
    B = 2


print(repr(Flags.A | Flags.B), repr(~Flags.A))
try:
    Flags(5)
except ValueError as e:
    print("ValueError:", e)


class Size(StrEnum):
    SMALL = auto()
    Medium = auto()
    LARGE = "xl"


print(repr(Size.SMALL), str(Size.SMALL), f"{Size.Medium:>8}|", Size.LARGE.upper())
print(Size.SMALL == "small", isinstance(Size.SMALL, str), Size("xl"), Size.SMALL + "!")
print(len(Size.LARGE), "-".join(Size), list(Size), sorted(Size))
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(StrEnum):
        X = "a", 5
except TypeError as e:
    print("TypeError:", e)
try:
    class NoData(ReprEnum):
        X = 1
except TypeError as e:
    print("TypeError:", e)


@unique
class Level(IntEnum):
    LOW = 10
    HIGH = 20

    def describe(self):
        return f"{self.name.lower()} ({self})"


print(Level.HIGH.describe(), max(Level), Level.LOW + Level.HIGH, Level(10) is Level.LOW)
print(IntEnum, IntFlag, StrEnum, ReprEnum)
print(Color.__mro__)
print(Perm.__mro__)
