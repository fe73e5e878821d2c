# super is a type: print(super), isinstance(s, super), type(super()).
print(super, type(super))
class A:
    def f(self): return "A"
class B(A):
    def f(self):
        s = super()
        print(type(s).__name__, isinstance(s, super), s.f(), super(B, self).f())
        return s
print(repr(B().f()))
print(super(B, B()).f(), super(B, B).f.__qualname__)
try:
    super(1, 2)
except TypeError as e:
    print(e)
try:
    super(x=1)
except TypeError as e:
    print(e)
print(callable(super), super.__name__)
