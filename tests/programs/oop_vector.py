class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __iter__(self):
        yield self.x
        yield self.y
v = Vector(3, 4)
w = Vector(1, 2)
print(v + w, v * 2, 3 * v, -v, abs(v), bool(Vector(0, 0)))
print(v == Vector(3, 4), v != w, len({v, Vector(3, 4), w}))
x, y = v
print(x, y, list(v), tuple(w))
try:
    v + 1
except TypeError as e:
    print(e)
try:
    v < w
except TypeError as e:
    print(e)
