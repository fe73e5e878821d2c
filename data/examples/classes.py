# Instances are heap objects with their own attribute dicts.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)   # a new object

p = Point(1, 2)
q = p                      # alias: same instance
q.x = 10
print(p.x, p is q)

r = p.moved(1, 1)          # a different instance
print(r.x, r.y, r is p)

# Class attributes are shared by all instances through the class.
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1

a = Counter()
b = Counter()
print(Counter.total, a.total, b.total)
