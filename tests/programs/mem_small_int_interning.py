# Small ints (-5..256) are cached; bigger results are new objects.
x = 200
y = 56
a = x + y
b = 256
print(a == b, a is b)
c = x + 57
d = 257
print(c == d, c is d)
e = int("100")
f = int("100")
print(e is f)
g = int("1000")
h = int("1000")
print(g == h, g is h)
zero = 0
m = -5
n = zero - 5
print(m is n)
p = -6
q = zero - 6
print(p == q, p is q)
lst = [x + y, x + y]
print(lst[0] is lst[1])
big = [x * 100, x * 100]
print(big[0] is big[1])
