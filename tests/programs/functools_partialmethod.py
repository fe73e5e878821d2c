# functools.partialmethod: a method with some arguments already given.
from functools import partialmethod
import time


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state, note=""):
        self.alive = bool(state)
        return note

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="died")
    again = partialmethod(set_dead, note="again")

    @classmethod
    def scaled(cls, n, scale=1):
        return n * scale

    triple = partialmethod(scaled, 3)

    @staticmethod
    def minus(a, b):
        return a - b

    ten_minus = partialmethod(minus, 10)


c = Cell()
print(c.alive, repr(c.set_alive()), c.alive)
print(c.set_dead(), c.alive, c.again(), c.alive)
print(Cell.triple(), c.triple(scale=2), c.ten_minus(3))
bound = c.set_alive
print(type(bound).__name__, bound.args, bound.keywords, bound.func.__name__)
print(c.set_dead.keywords, Cell.__dict__["again"].args, Cell.__dict__["again"].keywords)
Cell.set_alive(c)
print(c.alive)
print(repr(Cell.__dict__["set_dead"]).endswith(">, False, note='died')"))
print(repr(partialmethod(len)))
for bad in ("partialmethod()", "partialmethod(5)"):
    try:
        eval(bad)
    except TypeError as e:
        print("TypeError:", e)


class Sized:
    size = partialmethod(len)


try:
    Sized().size()
except TypeError as e:
    print("TypeError:", e)

print(time.tzset(), type(time.timezone).__name__, type(time.tzname).__name__, time.daylight in (0, 1))
