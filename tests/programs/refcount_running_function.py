# A running function's frame holds the function (CPython 3.11's f_func), so
# sys.getrefcount(f) inside f counts one reference more per frame running it.
import sys


def f():
    return sys.getrefcount(f)


print(sys.getrefcount(f), f())


def countdown(n):
    if n == 0:
        return sys.getrefcount(countdown)
    return countdown(n - 1)


print(countdown(3))


def gen():
    yield sys.getrefcount(gen)
    yield sys.getrefcount(gen)


g = gen()
print(sys.getrefcount(gen))
print(next(g), sys.getrefcount(gen))
print(list(g), sys.getrefcount(gen))
del g
print(sys.getrefcount(gen))


class Box:
    def __init__(self, value):
        self.value = value
        self.seen = sys.getrefcount(Box.__dict__["__init__"])

    def __len__(self):
        return sys.getrefcount(Box.__dict__["__len__"])

    def get(self, *extra):
        return sys.getrefcount(Box.__dict__["get"])


b = Box(1)
print(b.seen, len(b), b.get(), b.get(*[1]))
get = b.get
print(get(), Box(*[2]).seen, Box(**{"value": 3}).seen)


def spread(*args, **kwargs):
    return sys.getrefcount(spread)


print(spread(*[1, 2]), spread(**{"x": 1}), spread(1, x=2))
print(sorted([3, 1, 2], key=lambda x: -x))
print(list(map(lambda x: x * 2, [1, 2])))
