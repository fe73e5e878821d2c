# Type conversions: str, repr, int, float, bool, list, tuple, dict.
print(str(42), str(4.5), str(None), str([1, "a"]), str(True))
print(repr(42), repr("4.5"), repr([1, "a"]), repr((1,)), repr({"a": [None]}))
print(int("7") + int(7.9), float("2.5") * 2, float(1))
print(bool([]), bool("False"), bool(0.0))
print(list("hey"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)))
print(tuple([1, 2]), tuple("ab"), tuple(), tuple({"k": 0}))
print(dict([(1, 2)]), dict(a=1))
print(str(), repr(""), float(), list(), dict())
print(str(1.0), str(-0.0), str(1e100), str(2 ** 70))
x = [1, [2]]
y = list(x)
print(y == x, y is x, y[1] is x[1])
