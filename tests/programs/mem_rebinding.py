# x = x + [..] makes a new list; x += [..] changes the list in place.
a = [1]
b = a
a = a + [2]
print(a, b, a is b)
c = [1]
d = c
c += [2]
print(c, d, c is d)
s = "x"
t = s
s += "y"
print(s, t, s is t)
n = 1000
m = n
n += 1
print(n, m)
tup = (1,)
tup2 = tup
tup += (2,)
print(tup, tup2)
