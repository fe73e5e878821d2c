# del removes a name, not the object; other names still reach it.
a = [1, 2, 3]
b = a
del a
print(b)
x = 5
del x
x = "again"
print(x)
d = {"k": [0]}
kept = d["k"]
del d["k"]
print(d, kept)
lst = [[1], [2]]
inner = lst[0]
del lst[0]
print(lst, inner)
p, q = 1, 2
del p, q
r = 3
print(r)
