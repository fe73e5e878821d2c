table = str.maketrans("abc", "xyz", "d")
print(table, "abcd-cab".translate(table))
print("hello".translate({ord("l"): "L!", ord("o"): None, ord("h"): 74}))
print(str.maketrans({"a": "1", 98: None, "c": 67}), "abc".maketrans("a", "b"))
print("abc".translate("xyzabc"), "abc".translate([]), "café".translate({233: "e"}))
print(repr("a\tbc\td\n\tx".expandtabs()), repr("a\tb".expandtabs(4)), repr("a\tb".expandtabs(-1)))
print(repr("é\tx\r\ty".expandtabs(3)), repr("\t".expandtabs(tabsize=2)))
print("{name} is {age}".format_map({"name": "Ada", "age": 36}), "{x[0]:>5}|".format_map({"x": [3]}))


class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{a} and {b}".format_map(Default(a=1)))
print("x".center(6, "*"), "x".ljust(3, "-"), "x".rjust(3), "-42".zfill(6), "+7".zfill(4), "é".center(4, "·"))

data = b"key=value=more"
print(data.partition(b"="), data.rpartition(b"="), data.partition(b"#"), data.rpartition(b"#"))
print(bytearray(b"a-b").partition(b"-"), b"abc".removeprefix(b"ab"), b"abc".removesuffix(b"bc"), b"abc".removeprefix(b"x"))
print(bytearray(b"abc").removesuffix(b"c"), b"ab".center(7, b"*"), bytearray(b"ab").rjust(5), b"ab".ljust(4, b"."), b"-5".zfill(4), b"x".center(4, bytearray(b"-")))
print(b"a\tbc\td".expandtabs(), bytearray(b"a\tb").expandtabs(2), b"abc\x80".isascii(), b"abc".isascii(), bytearray(b"").isascii())
t = bytes.maketrans(b"ab", b"xy")
print(len(t), t[97:99], b"abcab".translate(t), b"abc".translate(None, b"b"), b"abc".translate(t, delete=b"c"), bytearray(b"aab").translate(t))
print(b"a b  c".rsplit(), b"a b  c".rsplit(None, 1), b"a,b,c".rsplit(b",", 1), b"  a b ".rsplit(maxsplit=1))
print(b"a b  c ".split(None, 1), b"  a b  c".rsplit(None, 1), b" a b c".rsplit(maxsplit=0), b"a,b,,c".rsplit(b",", 2))
print(b",a,".rsplit(b","), b"".rsplit(), b"".rsplit(b","), b"abc".rsplit(b"bc"), bytearray(b"x y").rsplit())
print(b"a\nb\r\nc\rd\x0be".splitlines(), b"a\nb\r\n".splitlines(True), b"abc".splitlines(keepends=1), bytearray(b"x\ny").splitlines())
print(b"hello world".title(), b"hELLO wORLD".swapcase(), b"hELLO wORLD".capitalize(), b"they're bill's".title())
print(b"Hello World".istitle(), b"".istitle(), b"Hello world".istitle(), b"123".istitle(), bytearray(b"Ab Cd").istitle())

for call in [lambda: str.maketrans(5), lambda: str.maketrans({1.5: 2}), lambda: str.maketrans({"ab": 2}), lambda: str.maketrans("ab", "c"), lambda: str.maketrans("ab", 5), lambda: str.maketrans(5, "a"), lambda: str.maketrans("a", "b", 5), lambda: str.maketrans(), lambda: "abc".translate({97: 1.5}), lambda: "abc".translate({97: 0x110000}), lambda: "abc".translate(5), lambda: "a\tb".expandtabs("x"), lambda: "{0}".format_map({}), lambda: "{x}".format_map({}), lambda: "{}".format_map({}), lambda: "{x}".format_map(5), lambda: "a".format_map(), lambda: b"ab".ljust(5, "x"), lambda: b"ab".ljust(5, b"xy"), lambda: b"ab".ljust("x"), lambda: b"x".ljust(3, 5), lambda: b"abc".removeprefix("a"), lambda: b"abc".partition(b""), lambda: b"abc".partition("b"), lambda: bytes.maketrans(b"a", b"xy"), lambda: bytes.maketrans("a", b"x"), lambda: b"abc".translate(b"x"), lambda: b"ab".zfill("x"), lambda: b"a".rsplit(b""), lambda: b"a".title(1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
