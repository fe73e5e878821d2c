# abs, round and divmod on ints and floats.
print(abs(-7), abs(7), abs(-0.0), abs(-2 ** 80), abs(True))
print(round(3.14159, 2), round(-2.5), round(2.675, 1), round(10.0))
print(round(123.456, -1), round(5), round(-5, -1))
print(divmod(9, 4), divmod(-9, 4), divmod(9, -4), divmod(-9, -4))
print(divmod(5.5, 2), divmod(2 ** 70, 10 ** 10))
