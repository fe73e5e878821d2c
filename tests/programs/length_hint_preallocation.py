# list(), tuple(), sorted(), [*x], list.extend and bytes() ask len(x) first, as CPython
# does, to make room (a __len__ past what memory holds is a MemoryError: the bad-input
# cases length_hint_*); a hint that lies low or high is only a hint. set(), bytearray()
# and map() do not ask.
class Huge:
    def __len__(self):
        return 2**62
    def __iter__(self):
        return iter([1, 2])

class Liar:
    def __len__(self):
        return 10
    def __iter__(self):
        return iter([1, 2])

class Hint:
    def __length_hint__(self):
        return 2**62
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration

class TooBig:
    def __len__(self):
        return 2**63
    def __iter__(self):
        return iter([1, 2])

class Negative:
    def __len__(self):
        return -1
    def __iter__(self):
        return iter([1, 2])

tests = [
    ("list", lambda x: list(x)),
    ("tuple", lambda x: tuple(x)),
    ("sorted", lambda x: sorted(x)),
    ("star", lambda x: [*x]),
    ("extend", lambda x: [0].extend(x)),
    ("bytes", lambda x: bytes(x)),
    ("bytearray", lambda x: bytearray(x)),
    ("set", lambda x: set(x)),
    ("map", lambda x: list(map(int, x))),
]
for cls in (Huge, Liar, Hint, TooBig, Negative):
    for name, make in tests:
        if cls in (Huge, Hint) and name not in ("bytearray", "set", "map"):
            continue
        try:
            print(cls.__name__, name, make(cls()))
        except Exception as e:
            print(cls.__name__, name, type(e).__name__, e)
l = [5]
l.extend(Liar())
print(l, len(l))
