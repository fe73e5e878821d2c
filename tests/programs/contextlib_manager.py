from contextlib import contextmanager

@contextmanager
def tag(name):
    print("<%s>" % name)
    yield name.upper()
    print("</%s>" % name)

with tag("h1") as t:
    print("inside", t)

cm = tag("p")
print(type(cm).__name__, cm.func.__name__, cm.args, cm.kwds)
with cm as x:
    print(x, hasattr(cm, "args"), hasattr(cm, "gen"))
print(tag.__name__, tag.__wrapped__.__name__)

@contextmanager
def catcher():
    try:
        yield
    except ValueError as e:
        print("caught", e)

with catcher():
    raise ValueError("bad")
print("after catcher")

@contextmanager
def passthrough():
    try:
        yield 1
    finally:
        print("cleanup")

try:
    with passthrough():
        raise KeyError("k")
except KeyError as e:
    print("outer got", repr(e))

@contextmanager
def noyield():
    if False:
        yield

try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e, e.__suppress_context__)

@contextmanager
def twice():
    yield 1
    yield 2

try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def stubborn():
    try:
        yield
    except ZeroDivisionError:
        yield

try:
    with stubborn():
        1 / 0
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def replace():
    try:
        yield
    except ZeroDivisionError as e:
        raise TypeError("replaced") from e

try:
    with replace():
        1 / 0
except TypeError as e:
    print("TypeError:", e, type(e.__cause__).__name__)

@contextmanager
def stopper():
    yield

try:
    with stopper():
        raise StopIteration("si")
except StopIteration as e:
    print("StopIteration passed:", e)

