# A frame left by an exception drops its value stack before its 'return' event, as CPython's:
# the for loop's generator is closed (its finally runs) before the frame is left
def countdown(n):
    try:
        while n > 0:
            yield n
            n -= 1
    finally:
        print("countdown closed at", n)


def first_over(limit, items):
    for x in countdown(5):
        if x < limit:
            raise ValueError(x)
    return None


def nested():
    for row in [[1, 2], [3, 4]]:
        for cell in iter(row):
            print("cell", cell)
            if cell == 3:
                raise KeyError(cell)


try:
    first_over(4, [])
except ValueError as e:
    print("caught", e)
try:
    nested()
except KeyError as e:
    print("caught", e)
