class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __repr__(self):
        return f"Money({self.cents})"
    def __format__(self, spec):
        if spec == "c":
            return f"{self.cents}c"
        return format(str(self), spec)
m = Money(1234)
print(m, repr(m), [m], f"{m}", f"{m:c}", f"{m:>10}|", "%s %r" % (m, m))
print(str([m, m]), format(m, "c"), "{0!r} {0!s}".format(m))
class NoStr:
    def __repr__(self):
        return "NoStr()"
print(NoStr(), str(NoStr()), f"{NoStr()}")
class Bad:
    def __str__(self):
        return 42
try:
    str(Bad())
except TypeError as e:
    print(e)
