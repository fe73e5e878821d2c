# A class with __init__, methods and instance attributes.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self

    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2


p = Point(1, 2)
q = Point(4, 6)
print(p.x, p.y, q.x, q.y)
print(p.dist2(q))
p.move(1, 1).move(1, 1)
print(p.x, p.y)
r = p
r.x = 100
print(p.x, r is p, p is q)
print(type(p).__name__, type(p) is Point, p.__class__.__name__)
