# Generator functions: state kept between next() calls.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


print(take(10, fib()))


def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    print("done")
    return "finished"


c = countdown(3)
print("created")
print(next(c))
print(next(c))
print(list(c))
print(next(c, "exhausted"))
try:
    next(c)
except StopIteration as e:
    print("StopIteration", e.args)
gen = fib()
print(iter(gen) is gen, type(gen).__name__)
