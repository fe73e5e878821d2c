# How floats are shown by str, repr and print.
values = [0.5, 1.0, 1.25, 3.14159, 2.0 / 3, 1e22, 1e-5, 0.0001, 12345.678]
for v in values:
    print(v, repr(v), str(v))
print(float("1.5"), float("  -2.25 "), float(3), float("1e3"))
print(float("inf"), float("-inf"), float("nan"))
print(1e16 + 1, 9007199254740993.0)
print(float(2 ** 70))
print(round(2.675, 2), round(0.125, 2), round(3.14159, 3))
print(5e-324, 1.7976931348623157e308)
