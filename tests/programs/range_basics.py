# range objects: lazy sequences of ints.
r = range(3, 20, 4)
print(r, list(r), len(r))
print(range(5), range(0, 5), range(1, 10, 2))
print(r[0], r[-1], r[1:3])
print(len(range(0)), len(range(10, 0)), len(range(10, 0, -1)))
print(list(range(-3, 3)), list(range(5, -5, -3)))
print(7 in r, 8 in r, sum(range(101)))
print(range(3) == range(0, 3), tuple(range(3)))
