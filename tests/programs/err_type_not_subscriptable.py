# None has no items to index.
def find(items, target):
    for i in items:
        if i == target:
            return i
result = find([1, 2], 5)
print(result)
print(result[0])
