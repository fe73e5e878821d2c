# Integers grow past 64 bits without overflow.
big = 2 ** 64
print(big)
print(big - 1, big + 1)
print(2 ** 63 - 1, -2 ** 63)
print(big * big)
print(2 ** 100)
print(-(2 ** 100))
f = 1
for i in range(1, 31):
    f = f * i
print(f)
print(f - f, f + 0)
m = 9223372036854775807
print(m + 1)
print(m * 2)
n = -9223372036854775808
print(n - 1, n * -1)
print(3 ** 50)
print(12345678901234567890 + 98765432109876543210)
print(99999999999999999999 * 99999999999999999999)
print(big == 18446744073709551616, big > 2 ** 63)
