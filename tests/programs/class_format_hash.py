# A class's own __format__ (format(), f-strings, str.format) and __hash__ returning a big int
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        text = f"${self.cents / 100:.2f}"
        return format(text, spec) if spec else text


m = Money(1234)
print(format(m), format(m, ">10"), f"[{m:<9}]", "{} and {:^11}".format(m, m), f"{m!r:.1}")


class Wrong:
    def __format__(self, spec):
        return 42


try:
    f"{Wrong()}"
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)


class Key:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return self is other


for h in [5, -1, 2**62, -(2**62), 2**64 + 7]:
    print(h, hash(Key(h)))
