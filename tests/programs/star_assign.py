# Star-unpacking in assignments and displays.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
head, *tail = [1]
print(head, tail)
x, (y, *w) = 1, [2, 3, 4]
print(x, y, w)
print([*rest, *"xy", 0], (*rest,), {*[1, 1, 2]} == {1, 2})
d1 = {"a": 1}
print({**d1, "b": 2, **{"a": 3}})
for i, *others in [(1, 2, 3), (4, 5)]:
    print(i, others)
try:
    p, q, *r = [1]
except ValueError as e:
    print(e)
