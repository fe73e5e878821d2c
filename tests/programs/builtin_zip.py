# zip() pairs items from several iterables, stopping at the shortest.
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], [4, 5])))
print(list(zip(range(3), "xy", (True, False, None))))
print(list(zip()), list(zip([1])))
keys = ["a", "b"]
vals = [1, 2]
print(dict(zip(keys, vals)))
for k, v in zip(keys, vals):
    print(k, "=", v)
rows = [(1, 2, 3), (4, 5, 6)]
a, b = rows
print(list(zip(a, b)))
