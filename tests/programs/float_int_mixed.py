# Mixed int/float arithmetic promotes to float.
print(1 + 2.0, 3 * 1.5, 10 - 0.5)
print(7 / 2, 8 / 2, -7 / 2)
print(7 // 2.0, 7 % 2.0, 2 ** 2.0)
print(10 ** 20 * 1.0)
print(type(1 + 1.0), type(1 + 1), type(True + 1), type(True + 1.0))
print(1 == 1.0, 2 == 2.0 == 2)
print(int(7 / 2), float(7 // 2))
print(0.5 + True, 3 - False)
print(abs(-2.5), abs(-3), abs(2.0))
x = 1
x += 0.25
print(x)
