# object.__reduce_ex__ and __getstate__ of an instance with __slots__: the slot state beside
# the __dict__ state, as CPython 3.11's object_getstate; protocols 0 and 1 refuse a class with
# slots and no __getstate__ of its own.
import copy
import sys


class Slotted:
    __slots__ = ("a", "b")


class Both(Slotted):
    pass


class Own(Slotted):
    def __getstate__(self):
        return (None, {"a": self.a})


s = Slotted()
s.a = 5
print(s.__reduce_ex__(4)[0].__name__, s.__reduce_ex__(4)[1:])
print(s.__getstate__(), Slotted().__getstate__())
try:
    s.__reduce__()
except TypeError as e:
    print("TypeError:", e)
b = Both()
b.b = 1
b.extra = 2
print(b.__getstate__(), b.__reduce_ex__(2)[2])
o = Own()
o.a = 7
print(o.__reduce_ex__(1)[0].__name__, o.__reduce_ex__(1)[1:])
print(copy.copy(o).a, copy.deepcopy(b).extra)
print(sys.getsizeof(s), s.__sizeof__(), b.__sizeof__())
