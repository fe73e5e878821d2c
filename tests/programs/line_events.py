# Where CPython 3.11's tracer fires line events and what line a frame returns from.
counter = 0


def bump():
    global counter
    counter += 1
    return counter


def double(x): return x * 2


def pairs(n):
    return [(i, j)
            for i in range(n)
            for j in range(
                i)
            if j >= 0
            ]


def evens(n):
    return list(k
                for k in range(n)
                if k % 2 == 0)


def finally_if(flag):
    try:
        raise ValueError("in try")
    finally:
        if flag:
            print("flag set")
        else:
            print("flag clear")


def no_match():
    try:
        {}["missing"]
    except ValueError:
        print("never")


def bare_raise():
    try:
        int("x")
    except ValueError:
        print("re-raising")
        raise


class Door:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def leave_with():
    with Door():
        return "left"


def trace(fn):
    return fn


@trace
def decorated():
    return 1, "one"


def countdown(n):
    while n:
        yield n
        n -= 1
    return "liftoff"


bump()
print(double(4), pairs(3), evens(5))
for fn, arg in ((finally_if, True), (finally_if, False), (no_match, None), (bare_raise, None)):
    try:
        fn(arg) if arg is not None else fn()
    except (ValueError, KeyError) as e:
        print("caught", type(e).__name__)
print(leave_with())
for n in range(3):
    with Door():
        if n == 1:
            break
print(decorated() is decorated(), counter)
for step in countdown(2):
    print(step)
a, b = 1, 0
if (a > 0 and
        b > 0):
    print("both")
while (a < 3 and
       b < 5):
    a += 1
size = ("big" if a > 2
        else "small")
picked = [v for v in range(4)
          if v > 0 and
          v < 3]
print(size, picked, (-1, 2.5) in [(-1, 2.5)])
print("the end")
