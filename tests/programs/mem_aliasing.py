# Two names bound to one list see the same changes.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
b[0] = "changed"
print(a[0])
b = [9]
print(a, b, a is b)
outer = [a, a]
a.append(5)
print(outer)
print(outer[0] is outer[1])
d = {"x": a}
d["x"].pop()
print(a)
