def f():
    pass

def g(a, b=1, *args, c, d=2, **kwargs):
    return a

def h(a, b, /, c, *, d):
    return

def ann(x: int, y: "str" = "s", *a: int, **k: float) -> bool:
    return True

@decorator
@dec.attr(arg)
def decorated(self):
    yield 1
    yield
    yield from other()
    x = yield 2
    global gg
    nonlocal nn

def outer():
    def inner():
        nonlocal v
        v = 2
    v = 1
    return inner

async def co():
    pass

def posdef(a, b=2, /, c=3):
    return a, b, c

def kwonly(*, a, b=1):
    return (a, b)

def star(*args):
    return args
