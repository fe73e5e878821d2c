# Nested targets unpack nested structure.
(a, b), c = (1, 2), 3
print(a, b, c)
x, (y, z) = "q", [4, 5]
print(x, y, z)
data = [("ann", (31, "nyc")), ("bob", (25, "sf"))]
for name, (age, city) in data:
    print(name, age, city)
[[p, q], [r, s]] = [[1, 2], [3, 4]]
print(p + q + r + s)
lst = [0, 0, 0]
lst[0], lst[2] = "first", "last"
print(lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
