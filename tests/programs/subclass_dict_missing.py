# __missing__: d[key] of a missing key calls it; get(), `in`, pop() and setdefault() do not
class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2

d = Default(a=1)
print(d["a"], d["b"], d, d.get("c"), d.get("c", 0), "c" in d, d.setdefault("e", 5), d)
print(d.pop("x", None), len(d))


class Tally(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0

t = Tally()
for word in "the cat and the hat and the bat".split():
    t[word] += 1
print(t, sorted(t.items(), key=lambda kv: -kv[1]))


class Chain(dict):
    def __init__(self, parent=None, **kw):
        super().__init__(**kw)
        self.parent = parent

    def __missing__(self, key):
        if self.parent is None:
            raise KeyError(key)
        return self.parent[key]

base = Chain(x=1)
child = Chain(base, y=2)
print(child["y"], child["x"], child, child.parent)
try:
    child["z"]
except KeyError as e:
    print("KeyError", e)


class NotCallable(dict):
    __missing__ = None

try:
    NotCallable()["k"]
except TypeError as e:
    print("TypeError", e)


class Plain(dict):
    pass

try:
    Plain()["nope"]
except KeyError as e:
    print("KeyError", e)

# an instance attribute named __missing__ is not looked at (only the class's)
p = Plain()
p.__missing__ = lambda key: 0
try:
    p["k"]
except KeyError as e:
    print("KeyError", e)


class Bad(dict):
    def __missing__(self, key):
        return 1 / 0

Bad()["k"]
