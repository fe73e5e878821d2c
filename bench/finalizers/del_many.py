# Issue 13: 200,000 objects with __del__ freed together (a list deleted), each with a child
# that has one too: the finalizers run one after the other, a parent's child right after it,
# in CPython's order; queued and run in O(1) each.
ran = []


class Child:
    def __del__(self):
        ran.append(-1)


class Parent:
    def __init__(self, n):
        self.n = n
        self.child = Child()

    def __del__(self):
        ran.append(self.n)


items = [Parent(n) for n in range(200_000)]
del items
print(len(ran), ran[:6], ran[-4:])
