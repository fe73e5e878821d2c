# super().name(...) in the shapes learners write: a chain of __init__, cooperative multiple
# inheritance, a built-in method reached through super(), a class method, a property and
# arguments that call a function while the method waits on the stack.
class Shape:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return "shape " + self.name

    @classmethod
    def kind(cls):
        return cls.__name__

    @property
    def label(self):
        return self.name.upper()


def sides_of(n):
    return [n] * n


class Polygon(Shape):
    def __init__(self, name, sides):
        super().__init__(name)
        self.sides = sides

    def describe(self):
        return super().describe() + " with " + str(len(self.sides)) + " sides"

    @classmethod
    def kind(cls):
        return "polygon " + super().kind()

    @property
    def label(self):
        return "<" + super().label + ">"


class Square(Polygon):
    def __init__(self, size):
        super().__init__(
            "square",
            sides_of(size),
        )
        self.size = size

    def describe(self):
        return super(Square, self).describe() + "!"


sq = Square(4)
print(sq.describe())
print(Square.kind(), sq.label)


class Base:
    def __init__(self):
        self.log = ["Base"]
        super().__init__()


class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")


class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")


class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Both")

    def __setattr__(self, name, value):
        super().__setattr__(name, value)

    def __eq__(self, other):
        return super().__eq__(other)


b = Both()
print(b.log, [c.__name__ for c in Both.__mro__])
print(b == b, b == Both(), b.__eq__(3))


class Stack(list):
    def push(self, item):
        super().append(item)
        return super().__len__()


s = Stack()
print(s.push(1), s.push(2), s)
