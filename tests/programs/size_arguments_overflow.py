# Size arguments (widths, counts, maxsplit, maxlen) are read as CPython's argument clinic
# reads a Py_ssize_t: through __index__, with its TypeError and its OverflowError.
from collections import deque


class Three:
    def __index__(self):
        return 3


calls = [
    lambda: "x".center(10**19),
    lambda: "x".ljust(-(10**19)),
    lambda: "x".zfill(10**19),
    lambda: "x".replace("", "y", 10**19),
    lambda: "abc".split("b", 10**19),
    lambda: "ab".rsplit("b", 10**19),
    lambda: "a".split(1, 10**19),
    lambda: b"x".ljust(10**19),
    lambda: b"a b".split(maxsplit="x"),
    lambda: b"a b".replace(b"a", b"b", "x"),
    lambda: b"a".split(1, 10**19),
    lambda: deque(maxlen=10**19),
    lambda: "x" * 10**19,
    lambda: "ab".center(2.5),
    lambda: "ab".center(Three(), "*"),
    lambda: "7".zfill(Three()),
    lambda: "a b c d".split(None, Three()),
    lambda: "aaaa".replace("a", "b", Three()),
    lambda: b"a-b-c-d".rsplit(b"-", Three()),
    lambda: list(deque(range(5), Three())),
    lambda: "a b c".split(maxsplit=True),
]
for call in calls:
    try:
        print(repr(call()))
    except (OverflowError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
