import sys

class Point:
    x: int
    y: int

# an annotated name at module level keeps its annotation in __annotations__
origin: Point = Point()
print(sys.getrefcount(Point))
label: str
count: int = 0
again: Point = origin
print(sys.getrefcount(Point), sorted(__annotations__))
del again
print(sys.getrefcount(Point))
