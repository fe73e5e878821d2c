# The shortest repr of a power of two: its rounding interval is twice as wide above it as
# below, so the nearest 16-digit text can miss it where the next one up is in it
for k in (-24, -40, -60, 54, 60, 70, -1074, 1023):
    x = 2.0 ** k
    print(k, x, repr(-x), str([x]))
print(2**-24, 0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, 2.0 ** 0.5)
print([2.0 ** k for k in range(-30, -20)])
print(sum(1 for k in range(-1074, 1024, 41) if float(repr(2.0 ** k)) != 2.0 ** k))
