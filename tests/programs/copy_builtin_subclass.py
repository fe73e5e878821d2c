import copy

class L(list):
    def append(self, v):
        print("append", v)
        super().append(v)

class D(dict):
    def __setitem__(self, k, v):
        print("setitem", k)
        super().__setitem__(k, v)

class S(set):
    def __init__(self, *a):
        print("S init", a)
        super().__init__(*a)

class FS(frozenset):
    pass

class T(tuple):
    def __new__(cls, *a):
        print("T new", a)
        return super().__new__(cls, *a)

class Str(str):
    def __str__(self):
        return "overridden"

class I(int):
    pass

class F(float):
    pass

inner = [1, 2]
l = L([inner, 3])
l.tag = "x"
c = copy.copy(l)
print(type(c).__name__, c, c.tag, c[0] is inner)
d = copy.deepcopy(l)
print(type(d).__name__, d, d.tag, d[0] is inner, d[0] == inner)

dd = D(a=inner, b=2)
dd.note = [0]
c = copy.copy(dd)
print(type(c).__name__, c, c.note is dd.note)
c = copy.deepcopy(dd)
print(type(c).__name__, c, c.note is dd.note, c["a"] is inner)

s = S([1, 2, 3])
c = copy.copy(s)
print(type(c).__name__, sorted(c))
fs = FS([4, 5])
print(type(copy.copy(fs)).__name__, copy.copy(fs) is fs, sorted(copy.deepcopy(fs)))

t = T([inner, 5])
c = copy.copy(t)
print(type(c).__name__, c, c is t)
c = copy.deepcopy(t)
print(type(c).__name__, c, c[0] is inner)

st = Str("hello")
st.x = 1
c = copy.copy(st)
print(type(c).__name__, repr(c), c.x, c is st)
i = I(42)
c = copy.deepcopy(i)
print(type(c).__name__, c, c is i)
f = F(2.5)
print(type(copy.copy(f)).__name__, copy.copy(f))

cyc = L()
cyc.append(cyc)
c = copy.deepcopy(cyc)
print(c[0] is c, type(c).__name__)
