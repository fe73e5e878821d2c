# When builtins ask for __len__ / __length_hint__: list(), tuple(), sorted(), extend,
# +=, [*x] and f(*x) get the iterator first, then ask the length; set(), min(), sum(),
# unpacking and join do not ask the object (join asks its iterator).
class Sized:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        print("  __iter__")
        return iter(list(range(self.n)))

    def __len__(self):
        print("  __len__")
        return self.n


class Hinted:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2])

    def __length_hint__(self):
        print("  __length_hint__")
        return 2


class Seq:
    # no __iter__: iterated through __getitem__ until IndexError
    def __len__(self):
        print("  __len__")
        return 2

    def __getitem__(self, i):
        print("  __getitem__", i)
        if i >= 2:
            raise IndexError(i)
        return str(i)


class BadLen(Sized):
    def __len__(self):
        print("  __len__ raises TypeError")
        raise TypeError("ignored by the length hint")


class NoHint(Hinted):
    def __length_hint__(self):
        print("  __length_hint__")
        return NotImplemented


class NegativeHint(Hinted):
    def __length_hint__(self):
        print("  __length_hint__")
        return -1


def show(*args):
    return args


def extend(x):
    out = [0]
    out.extend(x)
    return out


def iadd(x):
    out = [0]
    out += x
    return out


def unpack_star(x):
    a, *b = x
    return a, b


def unpack_two(x):
    a, b = x
    return a, b


def slice_assign(x):
    out = [7, 8, 9]
    out[1:] = x
    return out


uses = [
    ("list", list),
    ("tuple", tuple),
    ("sorted", sorted),
    ("extend", extend),
    ("+=", iadd),
    ("[*x]", lambda x: [*x]),
    ("f(*x)", lambda x: show(*x)),
    ("set", set),
    ("min", min),
    ("a, *b = x", unpack_star),
    ("a, b = x", unpack_two),
    ("slice =", slice_assign),
    ("list(iter)", lambda x: list(iter(x))),
    ("join", lambda x: ",".join(map(str, x))),
]
for make in (lambda: Sized(2), Hinted, Seq, lambda: BadLen(2), NoHint, NegativeHint):
    obj = make()
    print(type(obj).__name__)
    for name, use in uses:
        print(" ", name)
        try:
            print("  ->", use(obj))
        except ValueError as e:
            print("  ValueError:", e)
print(",".join(Seq()))
print(list(reversed(Seq())))
