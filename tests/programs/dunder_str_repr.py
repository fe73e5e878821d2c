# __str__ and __repr__ control printing.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(" + repr(self.cents) + ")"

    def __str__(self):
        return "$%d.%02d" % (self.cents // 100, self.cents % 100)


class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"


m = Money(1234)
print(m)
print(repr(m))
print([m, Money(5)])
print(str(m), f"{m}", f"{m!r}")
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print({"k": Money(1)})
