import types

SN = types.SimpleNamespace
n = SN(b=2, a=1)
print(n, repr(n), str(n))
print(n.a, n.b, vars(n), n.__dict__)
n.c = [1, 2]
del n.a
print(n)
n.self = n
print(n)
del n.self
for bad in (lambda: SN({'a': 1}), lambda: SN(1, 2), lambda: n.missing, lambda: delattr(n, 'missing')):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(SN(a=1) == SN(a=1), SN(a=1) != SN(a=2), SN() == {}, SN() != {})
print(SN, SN.__name__, SN.__module__, SN.__qualname__, type(n) is SN, SN.__hash__)
try:
    hash(n)
except TypeError as e:
    print(e)


class Point(SN):
    def norm(self):
        return self.x + self.y


p = Point(x=1, y=2)
print(p, p.norm(), p == SN(x=1, y=2), isinstance(p, SN))
p.me = p
print(p)
try:
    Point().x
except AttributeError as e:
    print(e)
print(SN(**{'1': 2}), SN(x=SN(y=SN())))
