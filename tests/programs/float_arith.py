# Floating-point arithmetic and its familiar surprises.
print(0.1 + 0.2)
print(0.1 + 0.2 == 0.3)
print(1.5 * 4, 7.0 / 2, 7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(2.0 ** 10, 2 ** 0.5)
print(1 / 3)
print(10 / 4, 9 / 3)
print(1e16, 1e15, 1.5e-7, 123456789.123)
print(1e300 * 1e300, -1e300 * 1e300)
print(float("inf") > 10 ** 100)
x = 2.5
x += 1
x *= 2
x -= 0.5
x /= 2
print(x)
print(-0.0, 0.0 == -0.0)
print(3.0, 3.10, 100.0)
