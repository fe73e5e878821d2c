# Assigning several names at once from tuples, lists and strings.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = [10, 20, 30]
print(x, y, z)
p, q = "hi"
print(p, q)
[m, n] = (7, 8)
print(m, n)
(u, v) = [9, 10]
print(u, v)
i, j = range(2)
print(i, j)
k, = [42]
print(k)
pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num, word)
first, second = {"k1": 1, "k2": 2}
print(first, second)
