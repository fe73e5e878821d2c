# Function attributes: f.x = 1 lives in f.__dict__; __name__, __qualname__, __doc__,
# __module__ and __annotations__ are CPython's, assignable, with its errors.
import sys


def counter():
    """Counts its calls."""
    counter.calls += 1
    return counter.calls


counter.calls = 0
counter()
counter()
print(counter.calls, counter.__dict__, vars(counter) is counter.__dict__)
print(counter.__name__, counter.__qualname__, counter.__doc__, counter.__module__)

counter.label = "tally"
del counter.label
print(hasattr(counter, "label"), counter.__dict__)
try:
    del counter.label
except AttributeError as e:
    print("AttributeError", e)
try:
    counter.missing
except AttributeError as e:
    print("AttributeError", e)


def outer():
    def inner(x: int, *rest: str, key: "list[int]" = None, **more: dict) -> float:
        "Inner's doc."
        return x

    return inner


f = outer()
print(f.__name__, f.__qualname__, f.__doc__, f.__annotations__)
print(f.__defaults__, f.__kwdefaults__ if False else None)
f.__name__ = "renamed"
f.__qualname__ = "Renamed.f"
f.__doc__ = "new doc"
f.__module__ = "elsewhere"
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, repr(f).split(" at ")[0])
del f.__doc__
print(f.__doc__)
f.__annotations__ = {"x": bool}
print(f.__annotations__)


def plain(a, b=2):
    return a + b


print(plain.__doc__, plain.__annotations__, plain.__dict__)
plain.__dict__ = {"tag": 1}
print(plain.tag, vars(plain))

for name, value in [
    ("__name__", 3),
    ("__qualname__", None),
    ("__dict__", []),
    ("__annotations__", 5),
    ("__globals__", {}),
    ("__closure__", None),
]:
    try:
        setattr(plain, name, value)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
for name in ("__name__", "__dict__"):
    try:
        delattr(plain, name)
    except TypeError as e:
        print("TypeError", e)


# annotations are evaluated when the def runs, in CPython's order
def note(what):
    print("evaluating", what)
    return what


def annotated(b: note("b"), /, a: note("a"), *args: note("args"), k: note("k"), **kw: note("kw")) -> note("return"):
    pass


print(annotated.__annotations__)

# counts: an attribute holds its value
data = [1, 2]
plain.data = data
print(sys.getrefcount(data))
del plain.data
print(sys.getrefcount(data))

# a lambda has attributes too, and no docstring
sq = lambda n: n * n
sq.kind = "square"
print(sq.__name__, sq.kind, sq.__doc__)
