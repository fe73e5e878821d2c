# A class's __qualname__ (CPython 3.11's ht_qualname): where it was defined, which its repr
# and its instances' reprs show.

class Tree:
    class Node:
        def __init__(self, value):
            self.value = value

        class Leaf:
            pass

    class Point:
        def __init__(self, x, y):
            self.x, self.y = x, y

        def __repr__(self):
            return f"{type(self).__qualname__}({self.x}, {self.y})"

    class Error(Exception):
        pass

    def make(self):
        class Local:
            pass

        return Local()


print(Tree.Node, Tree.Node.__name__, Tree.Node.__qualname__)
print(Tree.Node.Leaf, Tree.Node.Leaf.__qualname__)
print(repr(Tree.Node.Leaf())[:30])
print(type(Tree().make()).__qualname__, repr(Tree().make())[:40])
print(Tree.Point(1, 2))
print(Tree.Node.__init__.__qualname__)
print(type("Made", (), {}).__qualname__, type("Made", (), {"__qualname__": "X.Made"}))
try:
    type("Bad", (), {"__qualname__": 3})
except TypeError as e:
    print("TypeError:", e)


class Renamed:
    __qualname__ = "Other.Name"


print(Renamed, Renamed.__name__, "__qualname__" in Renamed.__dict__)
Renamed.__qualname__ = "Again"
print(Renamed, repr(Renamed())[:25])
for value in (3, None):
    try:
        if value is None:
            del Renamed.__qualname__
        else:
            Renamed.__qualname__ = value
    except TypeError as e:
        print("TypeError:", e)
try:
    int.__qualname__ = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    raise Tree.Error("caught")
except Tree.Error as e:
    print(type(e), repr(e))
raise Tree.Error("uncaught")
