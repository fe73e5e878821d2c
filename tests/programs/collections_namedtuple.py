# collections.namedtuple: tuples whose items have names.
from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p[1], len(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x + y, Point._fields, Point, type(p).__name__)
print(p._asdict(), p._replace(x=9), Point._make([3, 4]))
Card = namedtuple('Card', ['rank', 'suit', 'face_up'], defaults=[False])
c = Card('Q', 'hearts')
print(c, Card._field_defaults, Card('A', 'spades', True))
pts = [Point(3, 1), Point(1, 2), Point(2, 0)]
print(sorted(pts), max(pts, key=lambda q: q.y))
print(namedtuple('R', 'a, b')(1, 2), namedtuple('S', 'x def', rename=True)._fields)
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: p._replace(z=1), lambda: Point._make([1]), lambda: namedtuple('A', 'x x'),
            lambda: namedtuple('A', 'def'), lambda: namedtuple('A', '_x'),
            lambda: namedtuple('A', 'x', defaults=[1, 2]), lambda: Point(1, x=2)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)
print(p.z)
