# Bitwise operators on small and big integers.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(1 << 10, 1024 >> 3, -16 >> 2)
print(1 << 70)
print((1 << 70) >> 68)
print((2 ** 80 - 1) & 0xFF)
print(0xFF, 0o17, 0b101)
print(~0, ~-1, -1 & 0xF)
x = 5
x <<= 2
x |= 1
x &= 0b11101
x ^= 3
x >>= 1
print(x)
print(6 & 3 | 8, 6 | 3 & 8, 1 + 2 << 1)
