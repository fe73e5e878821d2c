# A finalizer's object frees its children as soon as its __del__ ends (CPython's dealloc
# runs theirs right then, depth first), before the next object freed with it; what a
# finalizer frees runs inside it, its locals' when it returns.
class Node:
    def __init__(self, name, *kids):
        self.name = name
        self.kids = list(kids)

    def __del__(self):
        print("del", self.name)


class Parent:
    def __init__(self, n):
        self.n = n
        self.child = Node(f"child{n}")

    def __del__(self):
        print("parent", self.n)


family = [Parent(0), Parent(1), Parent(2)]
del family
print("--")
tree = Node("a", Node("a1", Node("a11"), Node("a12")), Node("a2"))
forest = [tree, Node("b", Node("b1")), Node("c")]
del tree
del forest
print("--")


class Local:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("local", self.name)


class Worker:
    def __init__(self, name):
        self.name = name
        self.part = Node(name + "-part")

    def __del__(self):
        scratch = Local(self.name)
        print("worker", self.name, scratch.name)


pair = (Worker("x"), Worker("y"))
del pair
print("--")


class Owner:
    def __init__(self, n):
        self.n = n
        self.items = [Node(f"o{n}-{i}", Node(f"o{n}-{i}-leaf")) for i in range(2)]
        self.last = Node(f"o{n}-last")

    def __del__(self):
        print("owner", self.n, "start")
        self.items.clear()
        print("owner", self.n, "end")


owners = {"one": Owner(1), "two": Owner(2)}
owners = None
print("end")
