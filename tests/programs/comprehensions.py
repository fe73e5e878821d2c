# List, dict and set comprehensions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print({k: len(k) for k in ["a", "bb", "ccc"]})
print(sorted({x % 4 for x in range(10)}))
print([[r * c for c in range(3)] for r in range(3)])
print([(a, b) for a in range(2) for b in "xy"])
