# Nothing close enough: no suggestion at all.
def find(items, target):
    for item in items:
        if item == target:
            return item


result = find(["a", "b"], "c")
print(result)
print(result.lenght)
