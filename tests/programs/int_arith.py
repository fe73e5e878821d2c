# Basic integer arithmetic with every binary operator.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b)
print(-a // -b, -a % -b)
print(2 ** 10, 2 ** 0, 0 ** 0)
print(10 / 2, type(10 / 2))
print(7 // 1, 0 // 3, 0 % 7)
print(-(-a), +a, -0)
x = 3 + 4 * 2 - 6 // 4 % 3
print(x)
print((3 + 4) * 2, 3 + (4 * 2))
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(2 ** -1, 10 ** -2)
