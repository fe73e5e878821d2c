class P:
    kind = "p"
    def __init__(self):
        self.a = 1
p = P()
print(vars(p), p.__dict__ is vars(p), P.__dict__["kind"])
p.__dict__["b"] = 2
print(p.b, sorted(vars(p)))
setattr(p, "c", 3)
print(getattr(p, "c"), p.__dict__)
delattr(p, "a")
print(hasattr(p, "a"), p.__class__.__name__)
p.__dict__ = {"z": 26}
print(p.z, vars(p))
try:
    vars(1)
except TypeError as e:
    print(e)
print(type(P.__dict__).__name__, "kind" in P.__dict__)
