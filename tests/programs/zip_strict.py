# zip(strict=True): equal lengths pair up as usual; unequal lengths raise ValueError,
# naming which argument ran out first or had items left.
print(list(zip([1, 2], "ab", strict=True)))
print(list(zip(strict=True)))
print(list(zip([], [], strict=False)))
for args in ([[1], "ab"], [[1, 2], "a"], [[1, 2], [3, 4], [5]], [[1], [2], [3, 4]],
             [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2]]):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
z = zip([1, 2, 3], "ab", strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)
pairs = dict(zip(["a", "b"], [1, 2], strict=True))
print(pairs)
list(zip(range(3), range(4), strict=True))
