# with blocks and contextlib.contextmanager generators: what __exit__, the generator and the
# body see of the exceptions being handled.
import sys
from contextlib import contextmanager, suppress

class CM:
    def __enter__(self):
        print("enter sees", sys.exc_info()[0])
        return self
    def __exit__(self, t, v, tb):
        print("exit args", t, repr(v), "exc_info", sys.exc_info()[0])
        return t is KeyError

def gen():
    with CM():
        yield 1
        raise KeyError("in with")
    print("after with", sys.exc_info())
    try:
        raise ValueError("v")
    except ValueError:
        with CM():
            yield 2
        yield 3

g = gen()
print(next(g))
print(next(g))
print("caller", sys.exc_info())
print(next(g))
print("caller", sys.exc_info())
print(list(g))

@contextmanager
def managed(name):
    print("setup", name, sys.exc_info()[0])
    try:
        yield name
    except Exception as e:
        print("managed caught", repr(e), "exc_info", repr(sys.exc_info()[1]), "ctx", repr(e.__context__))
        raise
    finally:
        print("teardown", name, repr(sys.exc_info()[1]))

with managed("a") as n:
    print("body", n, sys.exc_info())

try:
    with managed("b"):
        raise ValueError("boom")
except ValueError as e:
    print("outside", repr(e), repr(e.__context__))

try:
    raise KeyError("outer")
except KeyError:
    with managed("c"):
        print("body c", repr(sys.exc_info()[1]))
    print("after c", repr(sys.exc_info()[1]))

@contextmanager
def handling():
    try:
        raise IndexError("held by cm")
    except IndexError:
        yield
        print("cm resumes with", repr(sys.exc_info()[1]))

with handling():
    print("inside handling body", sys.exc_info())
    try:
        raise TypeError("body")
    except TypeError as e:
        print("body ctx", repr(e.__context__))
print("end", sys.exc_info())

@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed; exc_info", repr(sys.exc_info()[1]))

with swallow():
    1 / 0
print("after swallow", sys.exc_info())

with suppress(KeyError):
    {}["x"]
print(sys.exc_info())
