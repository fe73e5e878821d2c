# Int and float arithmetic and comparisons at the edges of the interpreter's fast paths:
# signs in // and %, int / int, int-float mixes, 2**53 and 2**63 boundaries, zero
# divisors, nan and infinities, in-place forms.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-6, 3), (1, -1)]
for x, y in pairs:
    print(x, y, x // y, x % y, x / y, divmod(x, y))
big = 2**63 - 1
small = -2**63
print(small // -1, small % -1, small // 1, big // -1, (big + 1) // 2)
print(big + 1, small - 1, big * 2, small * -1)
print(2**53 / 3, (2**53 + 1) / 1, (2**53 + 1) + 0.0, 2**60 * 1.5, -(2**53) - 1.0)
print(1 / 3, 10 / 4, -9 / 2, 2**70 / 2**68)
print(0.1 + 0.2, 1.5 * 4, 3 - 0.5, 7.0 / 2, 2 * 0.25, 1e308 * 10, -1e308 * 10)
print(1 + 1e-16, 2**53 + 1.0, float(2**53 + 1))
nan = float("nan")
inf = float("inf")
print(nan == nan, nan < 1, nan != nan, inf > 10**18, -inf < -(2**63), inf - inf)
print(1 < 1.5, 2.0 == 2, 2 == 2.0, 3 >= 3.0, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53)
print(True + 1.5, 1.5 * False, True / 2)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (5, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("/", type(a).__name__, type(b).__name__, e)
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("//", type(a).__name__, type(b).__name__, e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("%", type(a).__name__, type(b).__name__, e)
t = 0.0
n = 0
for i in range(1, 20):
    t += i / 7
    t -= 0.5
    t *= 1.01
    t /= 1.001
    n += i
    n -= 1
    n *= 3
    n //= 2
    n %= 1000003
print(round(t, 9), n)
f = 2.5
g = f
f += 1
print(f, g, f is g)
