# bool is a kind of int; truthiness of every tier-1 type.
print(True + True, True * 5, False - 1, True / 2)
print(True, False, not True, not 0)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1))
print(bool(""), bool("a"), bool([]), bool([0]), bool(()), bool((0,)))
print(bool({}), bool({1: 2}), bool(None))
print(bool(), bool(2 ** 100))
print(str(True), repr(False), type(True))
print(isinstance(True, int), isinstance(1, bool))
print(True == 1, True is True, (1 == 1) is True)
x = 3 > 2
print(x, type(x))
print(sum([True, True, False, True]))
