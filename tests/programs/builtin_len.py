# len() of every sized type.
print(len("abc"), len(""), len([1, 2]), len(()), len((1,)))
print(len({"a": 1}), len({}), len(range(10)), len(range(5, 0, -2)))
print(len("naïve"), len([[1, 2, 3]]), len(str(2 ** 100)))
s = "x" * 1000
print(len(s), len(s + s), len(s[::3]))
