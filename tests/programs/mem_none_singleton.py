# None, True and False exist exactly once.
def f():
    pass
a = f()
b = None
print(a is b)
c = 1 < 2
d = 2 > 1
print(c is d, c is True)
e = not []
print(e is True, bool(0) is False)
vals = [None, None]
print(vals[0] is vals[1])
