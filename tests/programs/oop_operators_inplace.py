class Bag:
    def __init__(self, items=()):
        self.items = list(items)
    def __iadd__(self, other):
        print("iadd")
        self.items.extend(other)
        return self
    def __add__(self, other):
        print("add")
        return Bag(self.items + list(other))
    def __len__(self):
        return len(self.items)
    def __repr__(self):
        return f"Bag({self.items})"
b = Bag([1])
c = b
b += [2]
print(b, c, b is c)
b = b + [3]
print(b, c, b is c)
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): print("radd"); return Num(o + self.v)
    def __repr__(self): return f"Num({self.v})"
n = Num(1)
n += 5
print(n, 10 + n, sum([Num(1), Num(2)], Num(0)), sum([Num(1), Num(2)]))
