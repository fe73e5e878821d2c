# Removing keys with del and pop.
d = {"a": 1, "b": 2, "c": 3, "d": 4}
del d["b"]
print(d)
k = "c"
del d[k]
print(d, len(d))
d["b"] = 22
print(d)
v = d.pop("a")
print(v, d)
