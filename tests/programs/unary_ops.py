# Unary minus, plus and invert.
a = 5
b = -a
print(b, -b, +b, ~a, ~b)
print(-2.5, +2.5, -(-2.5))
print(-True, +False, ~True)
print(-(2 ** 70), ~(2 ** 70))
print(--5, -(-(-5)))
x = 0
print(-x, x == -x)
