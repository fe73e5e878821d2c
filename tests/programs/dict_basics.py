# Dictionaries map keys to values and keep insertion order.
d = {"a": 1, "b": 2}
print(d, len(d), d["a"])
d["c"] = 3
d["a"] = 10
print(d)
print("a" in d, "z" in d, 1 in d, "z" not in d)
e = {}
print(e, len(e), {1: "one", 2.5: None, (1, 2): [3]})
e[0] = "zero"
e[-1] = "minus"
print(e)
print(d == {"c": 3, "b": 2, "a": 10}, d != e)
print(repr({"q": "it's"}), str({}))
