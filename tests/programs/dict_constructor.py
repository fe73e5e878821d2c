# Building dicts with dict().
print(dict())
print(dict(a=1, b=2))
print(dict([("x", 1), ("y", 2)]))
print(dict([["k", "v"]]))
print(dict({"m": 1}, n=2))
print(dict(zip(["a", "b", "c"], [1, 2, 3])))
src = {"p": [1]}
cp = dict(src)
cp["q"] = 2
print(src, cp, cp["p"] is src["p"])
print(dict(enumerate("ab")))
