# for works over every iterable: str, tuple, list, dict, range.
for ch in "abc":
    print(ch)
for item in (1, "two", None):
    print(item)
for k in {"x": 1, "y": 2}:
    print(k)
lst = [1, 2, 3]
for v in lst:
    v = v * 100
print(lst)
for i, v in enumerate(lst):
    lst[i] = v * 100
print(lst)
for a, b in zip("xy", [1, 2]):
    print(a, b)
for r in reversed(range(3)):
    print(r)
