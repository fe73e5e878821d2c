# Attribute loads, stores and method calls repeated in loops while the classes and the
# instances change under them: every access must see the change at once (the
# interpreter caches what each attribute instruction found, per class).
class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def read_all(objs):
    return [o.x for o in objs]


# the same name at different slots, and on different classes
class Q:
    def __init__(self, x):
        self.a = 0
        self.x = x


ps = [P(1), Q(2), P(3), Q(4)]
print(read_all(ps), read_all(ps))

# an attribute deleted, then added back at another slot
q = Q(5)
out = []
for i in range(4):
    if i == 1:
        del q.a
    if i == 2:
        q.a = 7
    out.append((q.x, getattr(q, "a", None), list(vars(q))))
print(out)

# a property added to the class later wins over the instance's attribute
p = P(10)
seen = []
for i in range(3):
    seen.append(p.x)
    if i == 0:
        P.x = property(lambda self: "prop")
print(seen)
del P.x
print(p.x)

# an instance attribute shadows a method; a method replaced on the class
p = P(1)
calls = []
for i in range(4):
    calls.append(p.get())
    if i == 0:
        p.get = lambda: "own"
    if i == 1:
        del p.get
    if i == 2:
        P.get = lambda self: "replaced"
print(calls)

# __setattr__ added to the class after stores were cached
class S:
    pass


s = S()
log = []
for i in range(3):
    s.v = i
    if i == 0:
        S.__setattr__ = lambda self, k, v: log.append((k, v))
print(vars(s), log)
del S.__setattr__
s.v = 9
print(s.v)

# names made at run time are the same attribute as the literal ones
t = S()
setattr(t, "".join(["va", "lue"]), 1)
for i in range(2):
    t.value += 1
print(t.value, "value" in vars(t), getattr(t, "val" + "ue"))

# __getattr__ only for what is missing
class G:
    def __init__(self):
        self.here = 1

    def __getattr__(self, name):
        return "missing " + name


g = G()
print([g.here for _ in range(2)], [g.nothere for _ in range(2)])

# methods of built-in types, and a class deriving from a built-in exception
items = []
for i in range(3):
    items.append(i)
print(items, [str(i).zfill(3) for i in range(3)])


class E(Exception):
    def describe(self):
        return "E" + str(self.args)


print([E(i).describe() for i in range(3)])
