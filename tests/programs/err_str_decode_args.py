# str(object, encoding, errors) decodes bytes; a learner passing an int or a str with an
# encoding gets CPython's TypeErrors.
print(str(b"caf\xc3\xa9", "utf-8"), str(bytearray(b"abc"), encoding="ascii"))
print(str(b"\xff", "utf-8", "replace"), repr(str(encoding="utf-8")))
for args in [(1, "utf-8"), ("text", "utf-8"), (b"a", 1), (None, "ascii"), ([1], "utf-8")]:
    try:
        str(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    str(b"\xff", "ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
str(42, "utf-8")
