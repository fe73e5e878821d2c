# class patterns: __match_args__, keyword patterns, built-in types, inheritance
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def describe(shape):
    match shape:
        case Point(0, 0):
            return "the origin"
        case Point(x=0, y=y):
            return f"a point on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"a point on the diagonal at {x}"
        case Point():
            return "some point"
        case Circle(Point(0, 0), r):
            return f"a circle of radius {r} around the origin"
        case Circle(center=c, radius=r) if r > 10:
            return f"a big circle around ({c.x}, {c.y})"
        case Circle():
            return "a circle"
        case int(n) | float(n):
            return f"the number {n}"
        case str() as s:
            return f"the text {s!r}"
        case list([x, *_]):
            return f"a list starting with {x}"
        case dict({"k": v}):
            return f"a dict with k={v}"
        case _:
            return "something else"


for s in [Point(0, 0), Point(0, 7), Point(3, 3), Point(1, 2),
          Circle(Point(0, 0), 5), Circle(Point(1, 2), 20), Circle(Point(1, 1), 2),
          4, 2.5, "hi", [9, 8], {"k": 1}, None]:
    print(describe(s))


class Animal:
    __match_args__ = ("name",)

    def __init__(self, name):
        self.name = name


class Dog(Animal):
    def speak(self):
        return "woof"


class Cat(Animal):
    __match_args__ = ("name", "lives")

    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives


for pet in [Dog("rex"), Cat("tom"), Animal("generic")]:
    match pet:
        case Cat(name, lives):
            print("cat", name, "with", lives, "lives")
        case Dog(name):
            print("dog", name, "says", pet.speak())
        case Animal(name=n):
            print("animal", n)

# a missing attribute makes the pattern fail, it is no error
match Point(1, 2):
    case Point(z=1):
        print("no z")
    case Point(x=1, y=2):
        print("x and y")
