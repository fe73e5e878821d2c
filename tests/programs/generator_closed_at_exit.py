# Generators still suspended when the program ends are closed as CPython shuts down:
# their finally blocks run, in the order the generators were made.
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
first = gen("made first")
second = gen("made second")
next(second)
next(first)
first, second = second, first
