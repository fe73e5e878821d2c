# Lists compare item by item.
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99])
print([] < [0], [[1]] == [[1]])
print([1, 2] == (1, 2))
print([1, "a"] == [1, "a"])
print([1.0, True] == [1, 1])
a = [1, 2]
b = [1, 2]
print(a == b, a is b)
print([3, [4]] in [[3, [4]], 5])
