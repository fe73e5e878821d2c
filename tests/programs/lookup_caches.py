# Globals and class attributes change while a loop keeps looking them up: every lookup
# must see the change at once (the interpreter's caches follow dict and class versions).
def show():
    return len([1, 2, 3])


results = []
for i in range(4):
    results.append(show())
    if i == 1:
        def len(x):
            return -1
    if i == 2:
        del len
print(results)

counter = 0


def bump():
    return counter + 1


seen = []
for i in range(3):
    seen.append(bump())
    counter += 10
print(seen)


class Shape:
    sides = 0

    def describe(self):
        return "shape"


class Square(Shape):
    pass


sq = Square()
out = []
for i in range(6):
    out.append((sq.describe(), sq.sides))
    if i == 0:
        Square.sides = 4
    if i == 1:
        Shape.describe = lambda self: "patched"
    if i == 2:
        Square.describe = lambda self: "own"
    if i == 3:
        del Square.describe
    if i == 4:
        sq.describe = lambda: "instance"
print(out)


class P:
    def __init__(self):
        self.v = 1


p = P()
vals = []
for i in range(3):
    vals.append(p.v)
    if i == 0:
        P.v = property(lambda self: 99)
    if i == 1:
        del P.v
print(vals)

made = []
for n in range(3):
    class Temp:
        mark = n

        def who(self):
            return self.mark

    made.append(Temp)
    print(Temp().who(), Temp.mark, made[0].mark)

try:
    undefined_name
except NameError as e:
    print(e)
undefined_name = 5
print(undefined_name)
