# Equal numbers are the same key: 1, 1.0 and True.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
e = {0: "a", False: "b"}
print(e)
f = {2 ** 70: "big", -1: "neg"}
print(f[2 ** 70], f[-1])
counts = {}
for n in [3, 1, 3, 2, 3, 1]:
    counts[n] = counts.get(n, 0) + 1
print(counts)
