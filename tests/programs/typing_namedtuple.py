from typing import NamedTuple, List
class Point(NamedTuple):
    """A point."""
    x: int
    y: int = 0
    label: str = "p"
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __str__(self):
        return f"({self.x}, {self.y})"
p = Point(3, 4)
print(p, repr(p), p.norm(), p._asdict(), Point._fields, Point._field_defaults, Point(1))
print(Point.__annotations__, Point.__doc__, isinstance(p, tuple), p[0], p == (3, 4, "p"))
x, y, lab = p
print(x, y, lab, p._replace(x=9), Point._make([5, 6, "q"]))
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
e = Emp("ann", 3)
print(e, Emp.__annotations__, Emp._fields)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as err:
    print(err)
try:
    class Bad2(NamedTuple):
        a: int
        def _asdict(self): pass
except AttributeError as err:
    print(err)
class Card(NamedTuple):
    rank: str
    suit: str
deck = [Card(r, s) for s in "SH" for r in "AK"]
print(deck, sorted(deck)[0], deck[1].suit)
try:
    p.x = 5
except AttributeError as err:
    print(err)
