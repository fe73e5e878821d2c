# Float results written into an intermediate that only the value stack holds (issue 20):
# a value held anywhere else must never change, and every result must be exact.
import math

x, y = 1.5, 2.25
a = -4.0 * x - 0.1 * y  # left intermediate takes the result
b = x + y * 3.0  # right intermediate takes the result
c = (x * y) / (y - x)  # both intermediates
print(a, b, c, x, y)

pi_before = math.pi
r = math.pi * 1.0 + 0.0  # math.pi is never an intermediate
print(r == pi_before, math.pi == pi_before)

xs = [0.5, 1.5]
t = xs[0] * 2.0 + xs[1]  # an item is held by the list
print(t, xs)


def f(v):
    return v * 2.0  # the caller's intermediate


print(f(1.25) + 1.0, f(x) - x, x)

acc = 0.0
for v in xs:
    d = v - 0.25
    acc += d * d
print(acc)

q = 3.0
try:
    print((q * 2.0) / (q - 3.0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((q * 2.0) // 4.0, (q * 5.0) % 4.0, (q + 1.0) ** 0.5)

# sharing stays visible: an intermediate is not shared, a named value is
s = 0.5 + 0.25
u = s
s2 = s + 0.0
print(s is u, s2 is s, s2 == s)
