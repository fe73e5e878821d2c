# Tuple assignment swaps the arrows, not the objects.
a = [1]
b = [2]
a_before = a
a, b = b, a               # both right-hand values are read first
print(a, b)
print(b is a_before)      # True: the same list, now reached through b

# Unpacking gives names to the items of a sequence.
first, second, third = "xyz"
print(first, second, third)

pairs = [("one", 1), ("two", 2)]
for word, number in pairs:
    print(word, number)
