# __slots__ is outside the subset: the class statement says so instead of letting any
# attribute through.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
p.z = 3
