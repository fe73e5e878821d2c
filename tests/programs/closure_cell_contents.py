def outer():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
f = outer()
f(); f()
c = f.__closure__[0]
print(f(), c.cell_contents, type(c).__name__)
c.cell_contents = 10
print(f())
def late():
    def g():
        return v
    cell = g.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError", e)
    v = 5
    print(cell.cell_contents)
    del cell.cell_contents
    try:
        g()
    except NameError as e:
        print("NameError", e)
late()
try:
    c.other = 1
except AttributeError as e:
    print(e)
try:
    c.other
except AttributeError as e:
    print(e)
