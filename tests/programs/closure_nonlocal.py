# Closures capture variables; nonlocal rebinds them.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
print(c(), c(), c())
d = make_counter()
print(d(), c())
