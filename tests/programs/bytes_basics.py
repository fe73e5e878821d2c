# bytes and bytearray: literals, repr, indexing, slicing, operators, conversions and methods
import sys

data = b"hello"
raw = rb"a\nb"
print(data, raw, b"", b'it\'s', b"say \"hi\"", b'both \' and "', b"\x00\t\n\r\x7f\x80\xff\\")
print(type(data).__name__, len(data), data[0], data[-1], data[1:3], data[::-1], data[::2])
print(list(data), [b for b in b"ab"], 104 in data, b"ell" in data, b"" in data, 7 in data)
print(data + b"!", b"ab" * 3, 2 * b"-", data == b"hello", data < b"help", b"a" < b"ab")
print(data != bytearray(b"hello"), b"a" == "a", hash(b"abc") == hash("abc"), sorted([b"b", b"a"]))
print(bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes("é", "utf-8"), bytes(b"xy"), bytes())
print(bytes(bytearray(b"ba")), bytes((1, 2)), bytes("abc", encoding="ascii"))
print(f"{data}", str(data), repr(data), "%s" % (data,), [data], {data: 1})
print("é€".encode(), "é".encode("latin-1"), "aé€".encode("ascii", "replace"), "aé€".encode("ascii", "ignore"))
print(b"\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"))
print(b"a\xffb".decode("utf-8", "ignore"), b"a\xe9b".decode("ascii", "replace"), "x".encode("UTF8"))
print(data.hex(), bytes.fromhex("68 69"), bytearray.fromhex("ff00"), data.upper(), b"AbC".lower())
print(data.find(b"l"), data.find(108), data.rfind(b"l"), data.index(b"lo"), data.count(b"l"), data.find(b"z"))
print(data.startswith(b"he"), data.endswith((b"x", b"lo")), data.startswith(b"l", 2), b"".join([b"a", b"b"]))
print(b" a  b ".split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"-".join((b"x", bytearray(b"y"))))
print(b"  x  ".strip(), b"xxhixx".strip(b"x"), b"  x ".lstrip(), b" x  ".rstrip(), b"aXbX".replace(b"X", b"--"))
print(b"12".isdigit(), b"ab".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"ab1".islower(), b"AB".isupper(), b"".isdigit())

ba = bytearray(b"abc")
print(ba, len(ba), ba[0], ba[1:], type(ba[1:]).__name__, ba == b"abc", ba.upper())
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba += b"!"
print(ba)
ba[1:3] = b"BC"
ba[0:1] = []
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 97)
ba.insert(-1, 122)
ba.remove(122)
del ba[0]
del ba[::2]
print(ba)
ba.reverse()
copy = ba.copy()
ba.clear()
print(ba, copy, bytearray(2), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray())
alias = copy
alias += b"+"
print(copy is alias, copy, sys.getsizeof(b"") > 0)
