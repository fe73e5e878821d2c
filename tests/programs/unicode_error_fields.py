# A UnicodeEncodeError's or UnicodeDecodeError's args are (encoding, object, start, end,
# reason), which its message and its attributes read, whether a codec raised it or the
# program did: a learner's "which character could not be encoded?".
names = ["José", "Zoë Ångström", "plain", "日本"]
for name in names:
    try:
        print(name.encode("ascii"))
    except UnicodeEncodeError as e:
        bad = e.object[e.start:e.end]
        print(f"{e.encoding}: {bad!r} at {e.start}-{e.end} ({e.reason}) in {e.object!r}")
        print(" ", e, e.args)
data = b"caf\xe9 ok \xff\xfe"
try:
    data.decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
    print(" ", e, repr(e))
    print(data[: e.start].decode(), data.decode("latin-1"))
try:
    b"\xe6\x97".decode()
except UnicodeDecodeError as e:
    print(e, e.args[2:4])
try:
    "ü".encode("latin-1").decode("ascii")
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, UnicodeError))
err = UnicodeEncodeError("ascii", "h\u20acllo", 1, 3, "no euro")
print(err, err.end, repr(err))
print(UnicodeEncodeError("ascii", "x\U0001f600", 1, 2, "emoji"))
print(UnicodeDecodeError("utf-8", b"a\xffb", 5, 6, "past the end"))
for args in [("just a message",), (1, "x", 0, 1, "r"), ("a", "x", "0", 1, "r")]:
    try:
        UnicodeEncodeError(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    UnicodeDecodeError("utf-8", "not bytes", 0, 1, "r")
except TypeError as e:
    print("TypeError:", e)
"naïve".encode("ascii")
