# min and max over sequences and over arguments.
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, 9, -2]), max([4, 9, -2]), max("hello"))
print(min("b", "a", "c"), max((1, 2), (1, 3)))
print(max([1.5, 2, -7]), min([2 ** 70, 2 ** 69]))
words = ["pear", "fig", "banana", "kiwi"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max(range(10)), min(range(3, 9)))
print(max([3, 3.0]), min([1, True]))
print(max([], default="empty"))
