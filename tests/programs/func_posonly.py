# positional-only parameters (PEP 570)
def f(a, b, /, c, d=4, *, e=5):
    return (a, b, c, d, e)

print(f(1, 2, 3), f(1, 2, c=3), f(1, 2, 3, 4, e=6), f(1, 2, d=0, c=9))


def g(x, /, **kw):
    return x, kw

# a keyword with a positional-only parameter's name goes to **kw
print(g(1, x=2), g(x=3, *[0]))

square = lambda n, /: n * n
print(square(7), (lambda a, b=2, /: a + b)(1))


def h(a=1, /, b=2):
    return a, b

print(h(), h(5), h(5, 6), h(b=7))


class Point:
    def __init__(self, x, y, /):
        self.x, self.y = x, y

    def moved(self, dx, dy, /):
        return Point(self.x + dx, self.y + dy)

p = Point(1, 2).moved(3, 4)
print(p.x, p.y)

for call in (lambda: f(a=1, b=2, c=3), lambda: f(1, b=2, c=3), lambda: square(n=2),
             lambda: h(a=1), lambda: f(1, 2, 3, 4, 5), lambda: f(1), lambda: Point(x=1, y=2),
             lambda: f(1, 2, 3, z=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

f(1, a=2, b=3, c=4)
