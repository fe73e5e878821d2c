# CPython 3.11's optimizer folds an operation on constants (10**20, "ab" * 2, -(-3), not 0)
# before the compiler sees a display: a tuple of them is one constant, a set display of more
# than two is a frozenset constant (which decides the order it prints in), a dict display's
# constant keys are one tuple.
limit = (2 * 3, 4)
same = (6, 4)
print(limit, limit is same)
print({1.5, 10**20, ("t",)}, {2.5, 10**20, ("t",)}, {10**20, ("t",), True})
print({1.5, 2.5, -1, 10**20, "s", ("t",), True}, {1.5, 10**20, ("t", 1 + 1)})
print({2**3: "a", "b" * 2: 1, -(-3): "c"}, [1, 2, 2**3], [x for x in [1 + 1, 2, 3]])
print(("a" * 2, -(-3), not 0, ~5) == ("aa", 3, True, -6), 3 in [1, 2**2, 3], 3 in {1, 2 * 2, 3})
big = (2**200, 1)
print(big[0] > 10**60, (1 / 2, 7 // 2, 7 % 3, 1 << 3) == (0.5, 3, 1, 8))
