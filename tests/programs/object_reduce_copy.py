# object.__reduce_ex__, __reduce__, __getstate__ and __sizeof__ as CPython 3.11's, and
# copy.copy/deepcopy going through a class's own __getstate__, __setstate__, __reduce_ex__
# and __reduce__ as copy.py does.
import copy
import copyreg
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Empty:
    pass


# (the tuples are never bound to a name: the oracle's trace draws copyreg's functions as
# Python functions)
def show(x, *protocol):
    if protocol:
        print(x.__reduce_ex__(*protocol)[0] is copyreg.__newobj__,
              x.__reduce_ex__(*protocol)[0].__name__, x.__reduce_ex__(*protocol)[1:])
    else:
        print(x.__reduce__()[0] is copyreg._reconstructor, x.__reduce__()[1:])


p = Point(1, [2])
show(p, 4)
show(p, 2)
show(p, 1)
show(p)
show(Empty(), 3)
show(Empty())
print(p.__getstate__() is p.__dict__, Empty().__getstate__())
for x in [5, "ab", (1, 2), 1.5, True, None]:
    show(x, 4)
    try:
        x.__reduce_ex__(1)
    except TypeError as e:
        print("TypeError:", e)
print([1, 2].__reduce_ex__(4)[1:3], list([1, 2].__reduce_ex__(4)[3]), [].__reduce_ex__(4)[4])
print({"k": 1}.__reduce_ex__(2)[1:4], list({"k": 1}.__reduce_ex__(2)[4]))
try:
    (lambda: 0).__reduce_ex__(4)
except TypeError as e:
    print("TypeError:", e)
for bad in [(), ("4",)]:
    try:
        p.__reduce_ex__(*bad)
    except TypeError as e:
        print("TypeError:", e)


class Tagged(list):
    pass


t = Tagged([1, 2])
t.tag = "t"
print(t.__reduce_ex__(4)[1:3], list(t.__reduce_ex__(4)[3]))
show(t, 1)


class Big(int):
    pass


show(Big(7), 4)
show(Big(7), 0)
print(copyreg.__newobj__(Point, ).__class__.__name__, copyreg._reconstructor(Big, int, 9))

# __sizeof__: sys.getsizeof without the GC header
for x in [0, 2**100, 1.5, 1j, None, "abc", "é", [], [1, 2, 3], (), (1, 2), {}, {1: 2}, set(),
          frozenset({1}), range(3), len, Point(0, 0), Empty(), True]:
    print(type(x).__name__, sys.getsizeof(x), x.__sizeof__())
print(object.__sizeof__(Point(0, 0)), object.__sizeof__(1.5), object.__sizeof__(()))


# copy honours a class's own __getstate__ and __setstate__
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.cache = {"big": list(range(3))}

    def __getstate__(self):
        print("  __getstate__", self.owner)
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        print("  __setstate__", sorted(state))
        self.__dict__.update(state)
        self.cache = {}


a = Account("ann", [10])
b = copy.copy(a)
print(b.owner, b.balance is a.balance, b.cache)
c = copy.deepcopy(a)
print(c.owner, c.balance == a.balance, c.balance is a.balance, c.cache)
show(a, 4)


class OnlyGetstate:
    def __init__(self):
        self.keep = [1]
        self.drop = [2]

    def __getstate__(self):
        return {"keep": self.keep}


o = copy.deepcopy(OnlyGetstate())
print(vars(o))


# __reduce_ex__ and __reduce__ of the class itself
class Recipe:
    def __init__(self, name):
        self.name = name

    def __reduce_ex__(self, protocol):
        print("  __reduce_ex__", protocol)
        return (Recipe, (self.name.upper(),))


r = copy.copy(Recipe("soup"))
print(r.name, copy.deepcopy(Recipe("tea")).name)


class Token:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        print("  __reduce__")
        return (Token, (self.v * 2,))


print(copy.copy(Token(3)).v, Token(4).__reduce_ex__(4)[1], copy.deepcopy([Token(5)])[0].v)


class Named:
    def __reduce__(self):
        return "NAMED"


n = Named()
print(copy.copy(n) is n, copy.deepcopy(n) is n)
