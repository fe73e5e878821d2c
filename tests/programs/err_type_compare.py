# Ordering comparisons between unrelated types fail.
items = [3, 1, "two"]
print(sorted(items[:2]))
print(sorted(items))
