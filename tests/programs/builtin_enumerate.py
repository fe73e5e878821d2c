# enumerate() pairs each item with its index.
for i, ch in enumerate("abc"):
    print(i, ch)
for i, v in enumerate([10, 20], 1):
    print(i, v)
print(list(enumerate(["x", "y"])))
print(list(enumerate((5, 6), start=100)))
print(list(enumerate([])))
names = ["a", "b", "c"]
for idx, name in enumerate(names):
    names[idx] = name.upper() * (idx + 1)
print(names)
