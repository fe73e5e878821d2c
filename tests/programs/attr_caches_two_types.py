# One attribute name read, stored and called on objects of two or three classes in turn
# (the interpreter keeps what it found for the last two classes of each name): a change
# to either class, or an object of a third one, must be seen at once.
class Square:
    def __init__(self, side):
        self.side = side
        self.area = side * side

    def describe(self):
        return "square %d" % self.side


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.area = w * h

    def describe(self):
        return "rect %d" % self.w


class Circle:
    area = 3

    def describe(self):
        return "circle"


shapes = [Square(2), Rect(2, 3), Square(3), Rect(1, 5)]
rounds = []
for i in range(5):
    rounds.append([(s.area, s.describe()) for s in shapes])
    if i == 0:
        Rect.describe = lambda self: "changed rect"
    if i == 1:
        Square.area = property(lambda self: -1)  # a data descriptor wins over the attribute
    if i == 2:
        shapes.append(Circle())
    if i == 3:
        del Square.area
print(rounds)

# stores alternating between the classes, one of them gaining __setattr__
log = []
for i in range(4):
    for s in shapes[:2]:
        s.area = i
    if i == 1:
        Square.__setattr__ = lambda self, k, v: log.append((k, v))
print([s.area for s in shapes[:2]], log)
