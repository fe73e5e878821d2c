# Calling a class that has its own __new__ or a metaclass, or an object with __call__,
# goes through CPython's C code, which holds an argument tuple (and a keyword dict, and
# for a keyword call a copy of the arguments) while the Python code runs: the counts
# inside include those references.
import sys

box = [1, 2]
lab = ['x']


class Point:
    def __new__(cls, value, tag=None):
        print('new', sys.getrefcount(value), tag is None or sys.getrefcount(tag))
        return super().__new__(cls)

    def __init__(self, value, tag=None):
        print('init', sys.getrefcount(value), tag is None or sys.getrefcount(tag))
        self.value = value


p = Point(box, lab)
p = Point(box, tag=lab)


class Adder:
    def __call__(self, x, y=None):
        print('call', sys.getrefcount(x), y is None or sys.getrefcount(y))
        return x


add = Adder()
add(box, lab)
add(box, y=lab)
print(list(map(add, [box])) == [box])


class Meta(type):
    def __call__(cls, value):
        print('meta', sys.getrefcount(value))
        return super().__call__(value)


class Made(metaclass=Meta):
    def __init__(self, value):
        print('made', sys.getrefcount(value))
        self.value = value


m = Made(box)


class Loose(type):
    def __call__(cls, *args, **kw):
        print('loose', sys.getrefcount(args[0]), len(kw))
        return super().__call__(*args, **kw)


class Free(metaclass=Loose):
    def __init__(self, value, tag=None):
        print('free', sys.getrefcount(value), sys.getrefcount(tag))


f = Free(box, tag=lab)
print(sys.getrefcount(box), sys.getrefcount(lab))

# f(*args, **kw) passes the caller's tuple itself (no copy); the keyword dict is new
packed = (box,)
p = Point(*packed)
print(sys.getrefcount(packed))


def forward(cls, *args, **kw):
    return cls(*args, **kw)


p = forward(Point, box, tag=lab)
try:
    Point(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    print(*None)
except TypeError as e:
    print('TypeError:', e)
print(*'ab', sep='-')
