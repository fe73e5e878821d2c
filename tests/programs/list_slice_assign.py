# Assigning to and deleting slices changes a list in place.
a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["a", "b", "c"]
print(a)
a[:2] = []
print(a)
a[len(a):] = [10, 11]
print(a)
a[0:0] = ["front"]
print(a)
b = list(range(10))
b[::2] = ["x"] * 5
print(b)
b[1::2] = "abcde"
print(b)
c = list(range(8))
del c[::3]
print(c)
del c[1:3]
print(c)
d = [1, 2, 3]
d[:] = (7, 8)
print(d)
e = [1, 2, 3, 4]
e[3:1] = [9]
print(e)
