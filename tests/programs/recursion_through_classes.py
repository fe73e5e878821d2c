# A runaway recursion through a class's __init__, or through a __repr__ that formats itself
# in an f-string, stops where CPython's does: calling a class and format() are levels of
# the recursion limit too, besides the frames.
deepest = 0


class Counter:
    def __init__(self, n):
        global deepest
        deepest = n
        Counter(n + 1)


try:
    Counter(0)
except RecursionError as e:
    print("init:", e, deepest)


class Loud:
    def __repr__(self):
        global deepest
        deepest += 1
        return f"Loud({self})"


deepest = 0
try:
    repr(Loud())
except RecursionError as e:
    print("repr:", e, deepest)


class Node:
    def __init__(self):
        self.child = Node()


Node()
