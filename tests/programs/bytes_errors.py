# bytes and bytearray: CPython's errors (bad items, str mixing, codecs, out of range)
key = "x"
tests = [
    lambda: b"ab"[5],
    lambda: b"ab"[key],
    lambda: b"ab" + "c",
    lambda: "c" + b"ab",
    lambda: b"a" < "b",
    lambda: "a" in b"abc",
    lambda: 300 in b"abc",
    lambda: bytes([256]),
    lambda: bytes([-1]),
    lambda: bytes(["a"]),
    lambda: bytes("x"),
    lambda: bytes(1.5),
    lambda: bytes(-1),
    lambda: bytes(b"x", "utf-8"),
]
codecs = [
    lambda: bytes("é", "ascii"),
    lambda: "é€".encode("latin-1"),
    lambda: "aéé".encode("ascii"),
    lambda: "😀".encode("ascii"),
    lambda: b"\xff".decode(),
    lambda: b"\xe2\x82".decode(),
    lambda: b"\xe2\x82x".decode(),
    lambda: b"\xe2x".decode(),
    lambda: b"\xc3".decode("utf-8"),
    lambda: b"\xc0\x80".decode(),
    lambda: b"\xed\xa0\x80".decode(),
    lambda: b"a\xe9".decode("ascii"),
    lambda: b"x".decode("foo"),
    lambda: "x".encode("foo"),
    lambda: "é".encode("ascii", "foo"),
    lambda: bytes.fromhex("6"),
    lambda: bytes.fromhex("zz"),
    lambda: b"-".join([b"a", "b"]),
    lambda: b"abc".index(b"z"),
    lambda: b"abc".startswith("a"),
    lambda: b"abc".find("a"),
    lambda: b"abc".split(b""),
    lambda: hash(bytearray(b"x")),
]


def setitem(ba, key, value):
    ba[key] = value


def add(ba, other):
    ba += other


mutations = [
    lambda ba: setitem(ba, 9, 1),
    lambda ba: setitem(ba, 0, 256),
    lambda ba: setitem(ba, 0, b"x"),
    lambda ba: setitem(ba, slice(0, 1), "x"),
    lambda ba: setitem(ba, slice(0, 1), 5),
    lambda ba: ba.append(-1),
    lambda ba: ba.append("a"),
    lambda ba: ba.extend("ab"),
    lambda ba: ba.extend(5),
    lambda ba: ba.remove(122),
    lambda ba: bytearray().pop(),
    lambda ba: ba.pop(10),
    lambda ba: setitem(ba, slice(None, None, 2), b"xyz"),
    lambda ba: add(ba, "s"),
    lambda ba: ba.extend(""),
]
for t in tests + codecs:
    try:
        print("ok", t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
for m in mutations:
    ba = bytearray(b"abcd")
    try:
        print("ok", m(ba), ba)
    except Exception as e:
        print(type(e).__name__ + ":", e)
b"abc".decode("ascii") + b"\xff".decode("utf-8")
