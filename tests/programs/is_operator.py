# is compares identity, == compares value.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
x = None
print(x is None, x is not None)
t = True
print(t is True, (2 > 1) is True, bool(1) is True)
def f():
    return None
print(f() is None, f() is x)
d = {"k": a}
print(d["k"] is a, d["k"] is c)
e = b
e = e + [3]
print(e is a, b is a)
