# type() names the class of a value.
for v in [1, 2.0, "s", True, None, [1], (1,), {1: 2}, range(2)]:
    print(type(v))
print(type(type(1)))
print(type(2 ** 100) == int, type("x") is str, type([]) is list)
def f():
    pass
print(type(f))
print(type(len))
print(int, str, list, dict, tuple, float, bool)
print(type(1)(7), type("a")(5))
