# A bytearray given itself: extend and slice assignment read it before it grows; += holds
# its buffer while it resizes, so CPython refuses it.
b = bytearray(b"xy")
b.extend(b)
print(b)
b[1:1] = b
print(b)
try:
    b += b
except BufferError as e:
    print("BufferError:", e)
e = bytearray()
e += e
print(e)
c = bytearray(b"ab")
c += c[:]
print(c)
b[::-1] = b
print(b)
b[::2] = b[:len(b[::2])]
print(b)
del b[::3]
print(b)
x = bytearray(b"abc")
x[0:2] = x
x[1:] = x
print(x)
x.extend(iter(x))
x.extend([1, 2, 3])
print(x)
print(bytes(5), bytearray(3), bytes([1, 2, 255]), bytearray("h\u00e9", "utf-8"))
print(int.from_bytes(bytearray(b"\x01\x02"), "big"), int.from_bytes([255, 1], "little", signed=True))
print(repr(bytes(range(256))))
print(repr(bytearray(b"'\"")), repr(b"'"), repr(b'"'))
try:
    bytearray(-1)
except ValueError as e:
    print(e)
try:
    bytes([300])
except ValueError as e:
    print(e)
try:
    b[::2] = b"a"
except ValueError as e:
    print(e)
