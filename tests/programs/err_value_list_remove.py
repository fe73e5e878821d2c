# Removing or finding a value that is not in the list.
lst = [1, 2, 3]
lst.remove(2)
print(lst)
print(lst.index(2))
