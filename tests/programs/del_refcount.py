# __del__ runs once, the moment the count reaches zero (PEP 442), and may resurrect.
import sys


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalizing", self.name, sys.getrefcount(self))


a = Node("a")
b = a
del a
print("b still holds it")
b = None
print("after b = None")


def make():
    local = Node("local")
    print("made", local.name)


make()
print("after make()")

items = [Node("first"), Node("second")]
items.pop()
print("popped")
items.clear()
print("cleared")

parent = Node("parent")
parent.child = Node("child")
parent = None
print("parent and child gone")

saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__ resurrects itself")
        saved.append(self)


p = Phoenix()
del p
print("saved:", len(saved), type(saved[0]).__name__)
saved.clear()
print("the second time its count reaches zero, __del__ does not run again")


class Broken:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("Broken.__del__", self.n)
        raise ValueError("cannot finalize %d" % self.n)


x = Broken(1)
x = Broken(2)
print("an exception in __del__ is printed and ignored")


def replace():
    global x
    x = None
    return "returned"


print(replace())
keep = Node("kept until the end")
other = Node("other")
other.ref = keep
print("end of program")
