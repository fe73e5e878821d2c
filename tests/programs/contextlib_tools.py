from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout
import io

@contextmanager
def tag(name):
    print("<%s>" % name)
    yield name.upper()
    print("</%s>" % name)

with suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
try:
    with suppress(KeyError):
        [][0]
except IndexError as e:
    print("not suppressed:", e)
with suppress():
    pass

class Res:
    def __init__(self, n):
        self.n = n
    def close(self):
        print("closing", self.n)

with closing(Res(1)) as r:
    print("using", r.n)

with nullcontext(5) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

with ExitStack() as stack:
    a = stack.enter_context(tag("a"))
    b = stack.enter_context(tag("b"))
    stack.callback(print, "callback", 1, sep="-")
    print("body", a, b, len(stack._exit_callbacks))
print("stack done")

with ExitStack() as stack:
    stack.enter_context(tag("x"))
    keep = stack.pop_all()
print("popped")
keep.close()

stack = ExitStack()
stack.callback(print, "closed")
stack.close()
stack.close()

with ExitStack() as stack:
    stack.enter_context(suppress(ZeroDivisionError))
    1 / 0
print("stack suppressed")

try:
    with ExitStack() as s:
        s.enter_context(42)
except TypeError as e:
    print("TypeError:", e)

f = io.StringIO()
with redirect_stdout(f):
    print("hidden")
print("captured", repr(f.getvalue()))
