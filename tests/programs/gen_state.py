# Several generators from one function keep separate state; generators in classes.
def counter(prefix):
    i = 0
    while True:
        i += 1
        yield prefix + str(i)


a = counter("a")
b = counter("b")
print(next(a), next(a), next(b), next(a), next(b))


class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)


t = Tree("root", [Tree("a", [Tree("a1")]), Tree("b")])
for depth, v in t.walk():
    print("  " * depth + v)
print([v for _, v in t.walk()])
squares = (x * x for x in range(4))
print(3 in (x for x in range(5)), list(zip(squares, squares)))
