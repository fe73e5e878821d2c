class Counter:
    instances = []
    def __init__(self):
        Counter.instances.append(self)
        self.instances_seen = len(self.instances)
a = Counter()
b = Counter()
print(len(Counter.instances), a.instances_seen, b.instances_seen)
a.instances = "shadow"
print(a.instances, len(b.instances), "instances" in vars(a))
del a.instances
print(len(a.instances))
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(s1.items, s2.items, s1.items is s2.items)
print(Shared.__dict__["items"], Shared.__name__, Shared.__qualname__, Shared.__module__)
