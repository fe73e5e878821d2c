# Weak reference callbacks run one after the other, as CPython's dealloc runs them: an
# object's newest callback first, a parent's before its children's, a list's items from
# the end; what a callback frees runs inside it; a finalizer's object's callbacks right
# after its __del__, before its children's __del__. Thousands of them in one go (each
# used to run inside the one before: RecursionError past 1,000).
import gc
import weakref


class A:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


class D(A):
    def __del__(self):
        print("del", self.name)


keep = []


names = {}


def note(ref):
    print("cb", names[id(ref)], ref() is None)


def watch(obj, *labels):
    for label in labels:
        ref = weakref.ref(obj, note)
        keep.append(ref)
        names[id(ref)] = label


a = A("a")
watch(a, "a-1", "a-2", "a-3")
plain = weakref.ref(a)
del a
print("-- chain")
a = A("a", A("b", A("c")))
watch(a, "a")
watch(a.child, "b1", "b2")
watch(a.child.child, "c")
del a
print("-- list")
items = [A(i) for i in range(4)]
for item in items:
    watch(item, f"item{item.name}")
del item, items
print("-- a callback freeing more")
holder = {"y": A("y", A("z"))}
watch(holder["y"], "y")
watch(holder["y"].child, "z")


def free_y(ref):
    print("free_y starts")
    del holder["y"]
    print("free_y ends")


x = A("x")
keep.append(weakref.ref(x, free_y))
watch(x, "x")
del x
print("-- a callback's local")


def local_dies(ref):
    tmp = A("tmp")
    watch(tmp, "tmp")
    print("local_dies")


x = A("x")
keep.append(weakref.ref(x, local_dies))
watch(x, "x-newer")
del x
print("-- finalizers")
d = D("d1", D("d2", A("a3")))
watch(d, "d1")
watch(d.child, "d2")
watch(d.child.child, "a3")
del d
print("-- a callback raising")


class Bad:
    def __call__(self, ref):
        raise ValueError("in callback")

    def __repr__(self):
        return "<Bad>"


x = A("x")
watch(x, "before")
keep.append(weakref.ref(x, Bad()))
watch(x, "after")
del x
print("-- a cycle")
c1 = A("c1")
c2 = A("c2", c1)
c1.child = c2
watch(c1, "c1")
watch(c2, "c2")
del c1, c2
print("collected", gc.collect() > 0)
print("-- many")
count = 0


def counted(ref):
    global count
    count += 1


many = [A("n") for _ in "x" * 5000]
refs = [weakref.ref(o, counted) for o in many]
del many
print(count, sum(r() is None for r in refs))
