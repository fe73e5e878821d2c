# An AttributeError names the closest attribute, as CPython's report does.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(3, 4)
try:
    p.z
except AttributeError as e:
    print(e.name, e.obj is p)
print(p.xx)
