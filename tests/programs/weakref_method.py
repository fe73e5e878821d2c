import gc
import weakref


class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return "hello " + self.name


def gone(wm):
    print("callback:", type(wm).__name__, wm())


g = Greeter("ada")
wm = weakref.WeakMethod(g.hello, gone)
print(type(wm).__name__, isinstance(wm, weakref.ref))
m = wm()
print(m(), m == g.hello, m is g.hello)
del m
print(hash(wm) == hash(g), weakref.getweakrefcount(Greeter.hello))
print(wm == weakref.WeakMethod(g.hello), wm != weakref.WeakMethod(g.hello))
other = weakref.WeakMethod(Greeter("bob").hello)
print("bob gone:", other())
del g
print("after del:", wm(), wm == wm, wm == other)

try:
    weakref.WeakMethod(gone)
except TypeError as e:
    print(e)
try:
    weakref.WeakMethod([].append)
except TypeError as e:
    print(e)


class Node:
    def visit(self):
        return self


n = Node()
n.me = n
wn = weakref.WeakMethod(n.visit, lambda r: print("cycle freed", r() is None))
print(wn() is not None)
del n
print(gc.collect() > 0, wn())


class Button:
    def __init__(self):
        self.handlers = []

    def on_click(self, method):
        self.handlers.append(weakref.WeakMethod(method, self.handlers.remove))

    def click(self):
        for h in list(self.handlers):
            h()()


class Counter:
    count = 0

    def clicked(self):
        Counter.count += 1


b = Button()
c = Counter()
b.on_click(c.clicked)
b.click()
b.click()
print(Counter.count, len(b.handlers))
del c
print(len(b.handlers))
