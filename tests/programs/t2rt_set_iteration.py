# Iterating sets: for loops, sorted, builtins, and order after growth and deletion.
s = set(range(0, 60, 7))
for x in s:
    print(x, end=" ")
print()
print(sorted(s, reverse=True), sum(s), min(s), max(s), list(s)[:3])
big = set(range(1000))
for i in range(0, 1000, 3):
    big.remove(i)
print(len(big), 999 in big, 3 in big)
small = set(range(40))
for i in range(2, 40):
    small.discard(i)
small.add(128)
print(small)
print(set([(1, 2), (3, 4)]) == set([(3, 4), (1, 2)]), set([1.5, 0.5, 2.5]))
print(set([True, 1, 1.0, 0, False, 0.0]), set([-1, -2, -3]))
