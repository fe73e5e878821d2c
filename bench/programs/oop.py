# Object-oriented code as learners write it: a class hierarchy whose __init__ calls
# super().__init__, objects sorted by __lt__ and counted in a dict by __hash__/__eq__,
# a property, and __repr__ called by repr() of a list.
class Shape:
    def __init__(self, name, sides):
        self.name = name
        self.sides = sides

    def __lt__(self, other):
        return self.area < other.area

    def __eq__(self, other):
        return self.name == other.name and self.area == other.area

    def __hash__(self):
        return hash((self.name, self.area))

    def __repr__(self):
        return f"{self.name}({self.area})"


class Rectangle(Shape):
    def __init__(self, width, height):
        super().__init__("rectangle", 4)
        self.width = width
        self.height = height

    @property
    def area(self):
        return self.width * self.height


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


shapes = []
for i in range(30000):
    w = (i * 7919) % 97 + 1
    shapes.append(Square(w) if i % 3 == 0 else Rectangle(w, i % 13 + 1))
shapes.sort()
counts = {}
for s in shapes:
    counts[s] = counts.get(s, 0) + 1
total = 0
for s in shapes:
    total += s.area
print(len(counts), total, repr(shapes[:3]), repr(shapes[-2:]))
