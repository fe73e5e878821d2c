# mapping patterns: keys present, extra keys allowed, **rest, nested values
def handle(event):
    match event:
        case {"type": "click", "x": x, "y": y}:
            print("click at", x, y)
        case {"type": "key", "key": "q"}:
            print("quit")
        case {"type": "key", "key": k, **others}:
            print("key", k, "with", others)
        case {"type": t}:
            print("unhandled event", t)
        case {}:
            print("no type")


handle({"type": "click", "x": 10, "y": 20, "button": 1})
handle({"type": "key", "key": "q"})
handle({"type": "key", "key": "a", "shift": True, "time": 3})
handle({"type": "scroll"})
handle({"size": 3})

config = {"name": "demo", "version": (3, 11), "debug": False}
match config:
    case {"version": (3, minor), **rest}:
        print("python 3 minor", minor)
        print("rest", rest)
        print(rest is config)

from collections import defaultdict, Counter, OrderedDict

counts = defaultdict(int)
match counts:
    case {"missing": n}:
        print("found", n)
    case _:
        print("a mapping pattern does not create keys:", dict(counts))

match Counter("banana"):
    case {"a": a, "n": n}:
        print("a", a, "n", n)

match OrderedDict(one=1):
    case {"one": 1}:
        print("ordered dict matched")

match [("k", 1)]:
    case {"k": 1}:
        print("no: a list is not a mapping")
    case _:
        print("a list is not a mapping")
