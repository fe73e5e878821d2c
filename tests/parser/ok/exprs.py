a + b * c - d / e // f % g ** h ** i
-x + +y - ~z
not a and b or c and not d
a < b <= c > d >= e == f != g
a is b, a is not b, a in b, a not in b
x if y else z if w else v
lambda: 0
lambda x, y=2, *args, z, w=3, **kw: x + y
lambda *, k: k
lambda a, /, b: a
f(a)(b)[c].d
f(*args, **kwargs)
f(a, b=1, *c, **d)
f(x for x in y)
f(a, k=v, *rest)
sorted(xs, key=lambda t: t[1], reverse=True)
a[1:2], a[::2], a[1:], a[:-1], a[:], a[1:2:3], a[x, y], a[1:2, ::3], a[...]
(x := 10)
[y := 5, y ** 2]
1 if True else None
...
a @ b
a << 2 >> 1 & 3 | 4 ^ 5
