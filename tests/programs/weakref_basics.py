import weakref, gc, sys

class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Node(%r)" % self.name

a = Node("a")
r = weakref.ref(a)
print(r() is a, weakref.getweakrefcount(a))
print(weakref.ref(a) is r)
def gone(wr):
    print("callback: referent gone; wr() is", wr())
r2 = weakref.ref(a, gone)
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
print(sys.getrefcount(a))
del a
print(r(), r2())
for x in [1, "s", [], {}, (), None, 1.5]:
    try:
        weakref.ref(x)
    except TypeError as e:
        print(e)
b = Node("b")
p = weakref.proxy(b)
print(p.name, p, len(p.name))
p.extra = 5
print(b.extra)
try:
    hash(p)
except TypeError as e:
    print(e)
del b
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
c = Node("c")
f = weakref.finalize(c, print, "finalize ran for", "c")
print(f.alive, f.peek()[1:3])
del c
print(f.alive, f())
d = Node("d")
f2 = weakref.finalize(d, print, "called by hand")
print(f2(), f2(), f2.alive)
x = Node("x"); y = Node("y")
x.y = y; y.x = x
rx = weakref.ref(x, lambda wr: print("cycle member gone"))
del x, y
print("collect", gc.collect())
print(rx())
e = Node("e")
f3 = weakref.finalize(e, print, "at exit")
f4 = weakref.finalize(e, print, "at exit first")
def cbfail(wr):
    raise ValueError("bad callback")
g = Node("g")  # an exception in a callback is reported and ignored
rg = weakref.ref(g, cbfail)
del g
print("end")
