# A bracket that is never closed.
print("start")
items = [1, 2, 3
total = sum(items)
print(total)
