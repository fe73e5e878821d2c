# bytes.hex with a separator, str.encode/bytes.decode with the error handlers that write a
# replacement text, and a bytearray's repr (which escapes every apostrophe).
packet = bytes(range(250, 256)) + b"abcde"
print(packet.hex(":"), packet.hex("-", 2), packet.hex("_", -3), packet.hex(b"|", 4))
print(packet.hex(":", 0), bytearray(b"ab").hex(" "), memoryview(packet).hex(":"), b"".hex(":"))
print(packet.hex(sep=".", bytes_per_sep=3), b"abcdef".hex(":", 3), b"abcdef".hex(":", -4))
for args in [("ab",), (5,), ("é",), ("",), (":", "x"), (":", 2**70), ([1],), (bytearray(b":"),)]:
    try:
        print(packet.hex(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
word = "naïve café €5 😀"
for handler in ["replace", "ignore", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    print(handler, word.encode("ascii", handler), word.encode("latin-1", handler))
raw = b"caf\xe9 \xe2\x82 ok\xff"
print(raw.decode("utf-8", "backslashreplace"), str(raw, "ascii", "backslashreplace"))
for handler in ["xmlcharrefreplace", "namereplace"]:
    try:
        raw.decode("utf-8", handler)
    except TypeError as e:
        print("TypeError:", e)
print(repr(bytearray(b"it's")), repr(bytearray(b'say "hi"')), [bytearray(b"'\"")], b"it's")
