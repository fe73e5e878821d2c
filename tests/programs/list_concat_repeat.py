# + and * build new lists; += and *= change the list in place.
a = [1, 2]
b = [3]
c = a + b
print(c, a, b)
d = a * 3
print(d, [0] * 4, [] * 5, [1] * 0)
alias = a
a += [9]
print(a, alias, a is alias)
a = a + [10]
print(a, alias, a is alias)
e = [1]
f = e
e *= 3
print(e, f)
g = [[1]] * 2
g[0].append(2)
print(g)
