# Two names, one list: changing it through one name shows through the other.
a = [1, 2, 3]
b = a
b.append(4)
print(a)
print(a is b)
c = list(a)
c.append(5)
print(a, c)
print(a is c, a == c[:4])
