# Floor division, modulo and divmod on big integers, including negatives.
a = 2 ** 100 + 7
b = 2 ** 40 + 3
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(divmod(a, b))
print(divmod(-a, 12345))
print(a // 1, a % 1)
print(10 ** 30 // 10 ** 15)
print(10 ** 30 % 7)
print(a / b)
print(2 ** 64 // 2 ** 32)
print(3 ** 40, 3 ** 40 % 1000)
print(abs(-2 ** 70))
c = 10 ** 25
c //= 10 ** 5
print(c)
c %= 999
print(c)
