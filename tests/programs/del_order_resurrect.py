# A finalizer that stores its object keeps it (and its children) alive: the others freed
# with it still run theirs, in CPython's order; an exception raised in __del__ is printed
# as unraisable and the children are freed all the same; the collector finalizes a cycle's
# objects in the order they were made.
import gc


class Leaf:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("leaf", self.name)


saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n
        self.leaf = Leaf(f"p{n}")

    def __del__(self):
        print("phoenix", self.n)
        if self.n == 1:
            saved.append(self)


birds = [Phoenix(0), Phoenix(1), Phoenix(2)]
del birds
print("saved", [p.n for p in saved], saved[0].leaf.name)
saved.clear()
print("--")


class Faulty:
    def __init__(self, n):
        self.n = n
        self.leaf = Leaf(f"f{n}")

    def __del__(self):
        print("faulty", self.n)
        raise ValueError(self.n)


faults = [Faulty(0), Faulty(1)]
del faults
print("--")


class Ring:
    def __init__(self, n):
        self.n = n
        self.leaf = Leaf(f"r{n}")
        self.me = self

    def __del__(self):
        print("ring", self.n)


ring = [Ring(0), Ring(1)]
ring[0].next = ring[1]
ring[1].next = ring[0]
del ring
print("collected", gc.collect() > 0)
print("end")
