# A class used as a decorator keeps state between calls; functions as objects.
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)


@CountCalls
def square(x):
    return x * x


print(square(3), square(4), square.calls)


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapper


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib(60))
handlers = []


def register(fn):
    handlers.append(fn)
    return fn


@register
def on_a():
    return "a"


@register
def on_b():
    return "b"


print([h() for h in handlers], [h.__name__ for h in handlers])
