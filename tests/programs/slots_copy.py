# copy and deepcopy of instances with __slots__: copyreg's slot state, set with setattr.
import copy


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


a = Node([1, 2])
b = Node([3], a)
a.next = b  # a cycle through the slots
c = copy.copy(b)
print(c.value is b.value, c.next is a, Node.__slotnames__)
d = copy.deepcopy(b)
print(d.value == b.value, d.value is b.value, d.next.next is d, d.next is a)

empty = Node.__new__(Node)
e = copy.copy(empty)
print(hasattr(e, "value"), hasattr(e, "next"))


class Point:
    __slots__ = ("x", "__dict__")


class Labelled(Point):
    __slots__ = ("__label",)


p = Labelled()
p.x = 1
p._Labelled__label = "p"
p.colour = "red"
q = copy.deepcopy(p)
print(q.x, q._Labelled__label, q.colour, q.__dict__, Labelled.__slotnames__)


class Tagged(list):
    __slots__ = ("tag",)


t = Tagged([1, [2]])
t.tag = "t"
u = copy.deepcopy(t)
print(u, u.tag, u[1] is t[1], type(u).__name__)
