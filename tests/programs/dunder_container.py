# __len__, __getitem__, __setitem__, __contains__ and truthiness.
class Bag:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __contains__(self, x):
        return x in self.items


b = Bag()
print(len(b), bool(b))
if not b:
    print("empty bag is falsy")
b.add("x")
b.add("y")
print(len(b), bool(b), b[0], b[-1], "x" in b, "z" in b)
b[1] = "w"
print(b[1], list(b), [c for c in b])
try:
    b[5]
except IndexError as e:
    print("IndexError:", e)
