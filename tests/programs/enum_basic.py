# enum: members are instances of their class, held by it; lookups, aliases, errors
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name} is {self.value}"

    @property
    def lower(self):
        return self.name.lower()

    @classmethod
    def first(cls):
        return next(iter(cls))


favourite = Color.GREEN
print(favourite, repr(favourite), favourite.name, favourite.value)
print(Color.RED.describe(), Color.BLUE.lower, Color.first())
print(list(Color), len(Color))
print(list(reversed(Color)))
print(Color(1), Color["BLUE"], Color.CRIMSON is Color.RED)
print(Color.RED is Color(1) is Color["RED"])
print(type(Color.RED), isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(Color, type(Color).__name__, Color.__name__)
for name, member in Color.__members__.items():
    print(name, "->", member)
print(Color._member_names_)
print(Color.__members__, len(Color.__members__), "CRIMSON" in Color.__members__)
print(repr(Color.__members__))
print(vars(Color.RED))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED != Color.BLUE)
print(hash(Color.RED) == hash("RED"), {Color.RED: "stop", Color.GREEN: "go"})
print(Color.RED in Color, bool(Color.RED), bool(Color))
print(f"{Color.RED} {Color.RED!r} [{Color.RED:>12}] {Color.RED.value:03d}")
print("%s and %r" % (Color.BLUE, Color.BLUE))
print(sorted(Color, key=lambda c: c.value, reverse=True))
print(max(Color, key=lambda c: c.value))


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass)
print(round(Planet.EARTH.surface_gravity, 2), vars(Planet.MERCURY))
print(Planet((5.976e24, 6.37814e6)))


class Weekday(Enum):
    MONDAY = auto()
    TUESDAY = auto()
    WEDNESDAY = auto()


print(list(Weekday), Weekday.WEDNESDAY.value)


class Mixed(Enum):
    A = 5
    B = auto()
    C = 1


print(list(Mixed))


class Shape(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    SQUARE = auto()
    CIRCLE = auto()


print(list(Shape), Shape("circle"))


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Status("ACTIVE"), Status("Inactive"))

Animal = Enum("Animal", "ANT BEE CAT")
print(Animal, list(Animal), Animal.BEE.value)
print(list(Enum("Pet", ["DOG", "FISH"])), list(Enum("Size", [("S", 10), ("L", 30)])))
print(list(Enum("Grade", {"A": 90, "B": 80})), list(Enum("Num", "ONE, TWO", start=10)))

import copy

print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.BLUE])[0] is Color.BLUE)


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def reassign():
    Color.RED = 5


def delete():
    del Color.RED


def set_value():
    Color.RED.value = 3


def set_name():
    Color.RED.name = "PINK"


def extend():
    class MoreColor(Color):
        PINK = 4


def duplicates():
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2

    return Dup


def is_unique():
    @unique
    class Fine(Enum):
        X = 1
        Y = 2

    return list(Fine)


attempt("Color(5)", lambda: Color(5))
attempt("Color('RED')", lambda: Color("RED"))
attempt("Color['PINK']", lambda: Color["PINK"])
attempt("Color.PINK", lambda: Color.PINK)
attempt("Color()", lambda: Color())
attempt("reassign", reassign)
attempt("delete", delete)
attempt("set value", set_value)
attempt("set name", set_name)
attempt("extend", extend)
attempt("unique", duplicates)
attempt("unique ok", is_unique)
attempt("order", lambda: Color.RED < Color.GREEN)
attempt("Enum(1)", lambda: Enum(1))
attempt("Status(3)", lambda: Status(3))
attempt("Planet(1)", lambda: Planet(1))


def set_member():
    Color.__members__["PINK"] = 5


attempt("set __members__", set_member)
