# Sets of small ints (order is deterministic for them).
s = {3, 1, 2}
s.add(5)
s.discard(1)
print(sorted(s), 2 in s, len(s))
print(sorted({1, 2, 3} | {3, 4}), sorted({1, 2, 3} & {2, 3, 4}), sorted({1, 2} - {2}))
