# A list that contains itself prints as [...].
a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a, a[2][2][2] is a)
b = [a, 3]
print(b)
d = {"self": None}
d["self"] = d
print(d)
c = []
c.append([c])
print(c)
