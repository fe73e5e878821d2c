# The common conversions of str % args (%d %i %x %X %f %F %s %r with flags, a width and a
# precision under 100), which are built at once, against everything next to them that is
# not: the same text and errors as CPython 3.11, and the str itself where CPython gives it.
a = "abcdef"
print(("%s" % a) is a, ("%s" % (a,)) is a, ("%3s" % a) is a, ("%-6s" % a) is a)
print(("%.6s" % a) is a, ("%s%s" % ("", a)) is a, ("%%%s" % a), ("%.3s" % a))
for v in [0, 7, -7, 255, -255, 2**63 - 1, -(2**63), 10**30, True, False]:
    print(repr("%d|%i|%x|%X|%5d|%-5d|%05d|%+d|% d|%+05x|%s|%r" % ((v,) * 12)))
for v in [0.0, -0.0, 1.5, 2.5, -0.01, 3.14159, 1e14, 1e16, float("inf"), float("nan"), 7, True]:
    print(repr("%f|%.2f|%.0f|%8.3f|%-8.1f|%08.2f|%+.1f|% .3F|%.20f|%.21f" % ((v,) * 10)))
for v in ["", "x", "héllo", "it's", "a\\b", "tab\t", None, 'q"q', 3]:
    print(repr("[%s][%r][%5s][%-5s][%05s][%5r]" % ((v,) * 6)))
print(repr("%s" % None), repr("%r" % None), repr("%d%%" % 50), repr("100%%" % ()))
print(repr("%s" % 1.5), repr("%s" % [1]), repr("%s" % {"k": 1}), repr("%r" % "a\nb"))
print("%3d|%-3s|" % (12345, "abcdef"), "%99d" % 1 == " " * 98 + "1", len("%99.20f" % 1.0))
print("user%d" % 3, "%d-%d-%d" % (1, 2, 3), "%s=%r" % ("k", "v"), "%.1f%%" % 99.95)
print("%s %s %s %s %s %s %s %s %s" % tuple(range(9)))


class S(str):
    def __str__(self):
        return "SUB"


class I(int):
    def __str__(self):
        return "ISTR"

    def __repr__(self):
        return "IREPR"


print("%s %r %d %x" % (S("s"), I(3), I(4), I(255)), "%s" % S("t"))
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%y", 1), ("%", 1),
                  ("%(a)s", 1), ("abc", 5), ("%x", 1.5), ("%f", "x"), ("%s %s", "ab"),
                  ("%100000000000000000000d", 1), ("%.100000000000000000000f", 1.0)]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)
