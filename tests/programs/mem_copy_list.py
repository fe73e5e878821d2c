# Shallow copies: list(), [:], .copy() make new outer lists only.
orig = [1, [2, 3]]
c1 = list(orig)
c2 = orig[:]
c3 = orig.copy()
print(c1 is orig, c2 is orig, c3 is orig)
print(c1 == orig, c2 == orig, c3 == orig)
c1[0] = 100
print(orig, c1)
c2[1].append(4)
print(orig, c1, c2, c3)
print(c1[1] is orig[1], c3[1] is orig[1])
deep = [orig[0], list(orig[1])]
deep[1].append(5)
print(orig, deep)
d = {"k": [1]}
dc = dict(d)
dc["k"].append(2)
dc["z"] = 0
print(d, dc)
