# nonlocal and global rebinding; the scoping errors CPython reports at compile time.
counter = 0


def bump():
    global counter
    counter += 1


def outer():
    n = 0

    def inc():
        nonlocal n
        n += 1

    for _ in range(3):
        inc()
    return n


bump()
bump()
print(counter, outer())


def make():
    items = []
    total = 0

    def add(x):
        nonlocal total
        items.append(x)
        total += x
        return total

    return add, items


add, items = make()
add(2)
add(3)
print(items, add(5))
