# functools.partialmethod read on the class: CPython's _make_unbound_method function,
# a new one at each read; read on an instance: a partial of the bound method.
import functools


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state, note=""):
        self.alive = state
        return f"{state} {note}".strip()

    set_alive = functools.partialmethod(set_state, True)
    set_dead = functools.partialmethod(set_state, False, note="bye")

    @staticmethod
    def add(a, b):
        return a + b

    add_ten = functools.partialmethod(add, 10)


c = Cell()
print(type(Cell.set_alive).__name__, Cell.set_alive.__name__, Cell.set_alive.__qualname__)
print(Cell.set_alive is Cell.set_alive, Cell.set_alive._partialmethod is Cell.__dict__["set_alive"])
print(Cell.set_alive(c), c.alive, Cell.set_dead(c), c.alive)
print(Cell.set_alive(c, note="again"), c.set_alive(), c.set_dead())
print(type(c.set_alive).__name__, c.set_alive.func.__name__, c.set_alive.args)
print(type(Cell.add_ten).__name__, Cell.add_ten.args, Cell.add_ten(5), c.add_ten(1))
print(callable(Cell.__dict__["set_alive"]), callable(Cell.set_alive))
print(repr(Cell.__dict__["set_dead"]).split(" at ")[0])
try:
    Cell.set_alive()
except TypeError as e:
    print("TypeError:", e)
try:
    Cell.__dict__["set_alive"](c)
except TypeError as e:
    print("TypeError:", e)
