# Membership tests on every container.
print(2 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3])
print(2 in (1, 2), "b" in ("a",))
print("ell" in "hello", "" in "", "z" not in "hello")
d = {"key": "value"}
print("key" in d, "value" in d, "value" in d.values())
print(("key", "value") in d.items())
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print([1] in [[1], [2]], None in [0, False, None])
print(1.0 in [1], True in [1])
