# A generator's own attributes: its name, whether it runs or is suspended, what it delegates to
def inner():
    yield 1
    yield 2
def outer():
    yield from inner()
g = outer()
print(g.__name__, g.__qualname__, g.gi_suspended, g.gi_running, g.gi_yieldfrom)
next(g)
print(g.gi_suspended, type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
def me():
    yield me_gen.gi_running
me_gen = me()
print(next(me_gen))
g.__name__ = "renamed"
print(g.__name__, repr(g)[:27])
class K:
    def m(self):
        yield self
print(K().m().__qualname__)
list(g)
print(g.gi_suspended, g.gi_frame, g.gi_yieldfrom)
try:
    g.__name__ = 5
except TypeError as e:
    print(e)
