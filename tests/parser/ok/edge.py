x = 1if y else 2
a = [1, 2][0]
b = (1, 2)[1]
c = "abc"[1:]
d = -1 ** 2
e = (-1) ** -2
f = not not x
g = a.b.c.d(e).f[g]
h = (((1)))
i = ((1,),)
j = x[1:2][3]
k = lambda: (yield)
l = [i for i in range(3)][::-1]
m = 1 < 2 < 3
n = a if b else (c if d else e)
o = {'a': lambda x: x}
p = f(a)(b)(c)
q = f()()
r = x.real
s = 1 .real
t = 1.0.real
u = -x.y
v = ~-+x
w = a and b and c or d or e
aa = (a
      + b
      - c)
bb = [
]
cc = f(
    a,
    b,
)
