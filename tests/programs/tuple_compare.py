# Tuples compare lexicographically.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9))
print((1, 2) == (1, 2), (1, 2) != (2, 1), () < (0,))
print((1, "a") < (1, "b"))
print(max([(2, "x"), (3, "a"), (3, "b")]))
print(min((5, 1), (5, 0)))
print(sorted([(1, 2), (0, 9), (1, 1)]))
