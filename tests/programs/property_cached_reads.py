# A property read through LOAD_ATTR's cache: its getter's AttributeError goes to __getattr__,
# and replacing, shadowing or deleting the property is seen at the next read.
class A:
    def __getattr__(self, name):
        return "fallback " + name
    @property
    def p(self):
        raise AttributeError("inner")
    @property
    def q(self):
        return 5
class B:
    @property
    def p(self):
        return self.missing
a = A()
for _ in range(3):
    print(a.p, a.q)
b = B()
for _ in range(2):
    try:
        b.p
    except AttributeError as e:
        print(e)
class C:
    @property
    def v(self):
        return 1
c = C()
print(c.v)
C.v = property(lambda self: 2)
print(c.v)
c.__dict__["v"] = 9
print(c.v)
del C.v
print(c.v)
