# Reading past the end of a l)sraiset.
items = [10, 20, 30]
for i in range(4):
    print(items[i])
