# del removes items from a list by index or slice.
a = list(range(10))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::2]
print(a)
del a[:]
print(a)
b = ["x", "y", "z"]
i = 1
del b[i]
print(b)
