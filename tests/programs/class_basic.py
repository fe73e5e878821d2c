# Classes, instances, methods and attributes.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"
p = Point(3, 4)
q = p
q.x = 6
print(p, p.norm2(), p is q, isinstance(p, Point))
print(type(p).__name__)
