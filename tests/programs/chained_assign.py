# a = b = value binds both names to one object.
a = b = []
a.append(1)
print(a, b, a is b)
x = y = z = 0
x += 1
print(x, y, z)
p = q = [0] * 2
p[0] = 5
print(q)
i = j = "s"
print(i is j)
