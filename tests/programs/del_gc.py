# The collector runs every finalizer of the cyclic garbage before it clears anything,
# and leaves alone what a finalizer made reachable again.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        partner = self.other.name if self.other is not None else None
        print("finalizing", self.name, "partner", partner)


a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("the cycle waits for the collector")
print("collected", gc.collect())
print("collected again", gc.collect())

rescued = []


class Clinger:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("Clinger.__del__ stores itself")
        rescued.append(self)


c = Clinger()
del c
gc.collect()
print("rescued", len(rescued), rescued[0].me is rescued[0])
rescued.clear()
gc.collect()
print("no second __del__")


class Loop:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        print("Loop", self.n)


gc.disable()
for i in range(3):
    Loop(i)
print("three loops are garbage")
print("collected", gc.collect())
gc.enable()
