# sorted() returns a new list; key and reverse as keyword arguments.
data = [5, 3, 9, 1]
s = sorted(data)
print(s, data, s is data)
print(sorted(data, reverse=True))
print(sorted("python"), sorted(("b", "a")))
print(sorted({"z": 1, "a": 2}))
print(sorted([-3, 2, -1, 0], key=abs))
def by_second(pair):
    return pair[1]
pairs = [("a", 3), ("b", 1), ("c", 2), ("d", 1)]
print(sorted(pairs, key=by_second))
print(sorted(pairs, key=by_second, reverse=True))
print(sorted([]), sorted(range(3, 0, -1)))
print(sorted(["B", "a", "C"]), sorted(["B", "a", "C"], key=str.lower))
