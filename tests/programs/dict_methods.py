# The common dict methods.
d = {"x": 1, "y": 2, "z": 3}
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values())
print(d.items())
print(d.get("x"), d.get("w"), d.get("w", 0))
print(d.setdefault("x", 99), d.setdefault("w", 4), d)
print(d.pop("y"), d.pop("nope", "default"), d)
d.update({"x": 100, "v": 5})
print(d)
d.update([("u", 6)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["new"] = 1
print(len(d), len(c))
d.clear()
print(d, c)
