x = 1
a = b = c = x + 2
a, b = b, a
[a, b] = 1, 2
(a, b), c = (1, 2), 3
a, *rest = range(10)
*head, tail = [1, 2, 3]
x.y = 3
x[0] = x[1:2] = 5
x += 1; y -= 2; z *= 3; w /= 4
x //= 2
x %= 3
x **= 2
x >>= 1; x <<= 1; x &= 7; x |= 8; x ^= 9; x @= m
obj.attr.sub += 1
d["k"] -= 1
n: int = 5
m: list[int]
(p): int = 3
obj.a: str = "s"
t = 1,
t = ()
u = (1)
v = (yield)
