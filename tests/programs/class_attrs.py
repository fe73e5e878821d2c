# Class attributes are shared; instance attributes shadow them.
class Counter:
    count = 0
    label = "counter"

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count


a = Counter()
b = Counter()
c = Counter()
print(Counter.count, a.count, b.id, c.id)
a.label = "mine"
print(a.label, b.label, Counter.label)
del a.label
print(a.label)
Counter.label = "changed"
print(a.label, c.label)
print(hasattr(a, "id"), hasattr(a, "nope"), getattr(b, "id"), getattr(b, "nope", "default"))
setattr(b, "extra", [1, 2])
print(b.extra, b.__dict__)
delattr(b, "extra")
print(b.__dict__)
