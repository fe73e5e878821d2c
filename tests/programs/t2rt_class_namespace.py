# What a class statement puts in the class's namespace besides the body's names.
class Point:
    """A point."""
    dims = 2

    def norm(self):
        return self.x * self.x + self.y * self.y


class Plain:
    pass


class Child(Point):
    z = 0


class Failure(Exception):
    pass


class Same:
    def __eq__(self, other):
        return True


for cls in (Point, Plain, Child, Failure, Same):
    print(cls.__name__, list(cls.__dict__))
print(Point.__doc__, Plain.__doc__, Child.__doc__, Point.__module__)
print(Plain.__dict__["__dict__"], Plain.__dict__["__weakref__"])
print(Same.__hash__, Same.__dict__["__hash__"])
p = Point()
p.x, p.y = 3, 4
print(p.__dict__, p.norm())
try:
    hash(Same())
except TypeError as e:
    print("TypeError:", e)
print(len([k for k in Point.__dict__ if k.startswith("__")]))
