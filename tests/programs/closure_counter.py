# Closures: each call of the outer function makes a new cell.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def value():
        return count

    return increment, value


inc, val = make_counter()
inc()
inc(5)
print(val())
inc2, val2 = make_counter(100)
print(inc2(), val(), val2())
print(inc.__name__, inc.__qualname__)
print(len(inc.__closure__), type(inc.__closure__[0]).__name__)
