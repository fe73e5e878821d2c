# Argument errors have CPython's messages.
def f(a, b, *, c):
    return a + b + c


def g(x, y=1):
    return x


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


tests = [
    lambda: f(1, 2),
    lambda: f(1, c=3),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3, d=4),
    lambda: f(1, 2, a=3, c=0),
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: Point(1),
    lambda: Point(1, 2, 3),
    lambda: Point(x=1, z=2),
    lambda: object(1),
    lambda: f(*5),
    lambda: g(**[1]),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
Point(1)
