# Weak references and finalizers around an object's death: __del__ runs first, then the
# weak references are cleared and their callbacks run; the collector clears those to
# cyclic garbage before any finalizer runs.
import gc
import weakref


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__ of", self.name)

    def hello(self, greeting="hello"):
        return greeting + " from " + self.name


def report(wr):
    print("callback:", "dead" if wr() is None else "alive")


t = Tracked("t")
r = weakref.ref(t, report)
print(r().hello(), r().hello(greeting="hi"))
del t
print("after del t:", r())

a = Tracked("a")
b = Tracked("b")
a.partner = b
b.partner = a
ra = weakref.ref(a, report)
del a, b
print("before collect:", ra() is not None)
print("collected", gc.collect())
print("after collect:", ra())


def make_adder(n):
    def add(x):
        return x + n
    return add


add5 = make_adder(5)
padd = weakref.proxy(add5)
print(padd(10), type(padd).__name__, callable(padd))
rf = weakref.ref(add5)
del add5
print("function gone:", rf() is None)

rc = weakref.ref(Tracked)
print(rc() is Tracked, weakref.getweakrefcount(Tracked) >= 1)

s = {1, 2}
rs = weakref.ref(s)
print(rs() == {1, 2})
del s
print(rs())

box = Tracked("box")
fin = weakref.finalize(box, print, "finalize:", "box", sep="|")
obj, func, args, kwargs = fin.peek()
print(obj.name, func is print, args, kwargs)
print(fin.detach()[2], fin.alive, fin.detach())
del obj, box
print("detached finalize did not run")

keep = Tracked("keep")
weakref.finalize(keep, print, "finalize at exit: 1")
late = weakref.finalize(keep, print, "finalize at exit: 2")
skipped = weakref.finalize(keep, print, "never printed")
skipped.atexit = False
print(late.atexit, skipped.atexit)
try:
    weakref.proxy(keep) == 1
    hash(weakref.proxy(keep))
except TypeError as e:
    print("TypeError:", e)
pk = weakref.proxy(keep)
print(pk.name, str(pk) == str(keep), pk == keep)
print("end")
