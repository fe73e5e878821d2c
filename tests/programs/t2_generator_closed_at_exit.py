# Generators still suspended when the program ends are closed as CPython shuts down:
# their finally blocks run, in the order of the globals that kept them.
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)


def nested():
    inner = gen("inner")
    next(inner)
    yield inner


a = gen("a")
next(a)
_private = gen("_private")
next(_private)
b = gen("b")
next(b)
keeper = nested()
held = next(keeper)
done = gen("done")
list(done)
print("end of program")
