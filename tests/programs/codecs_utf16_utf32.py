# str.encode and bytes.decode with utf-16 and utf-32: a BOM and little-endian units for the
# plain names, none for -le/-be, a surrogate pair past U+FFFF; decoding reads a BOM and
# reports truncated data, lone surrogates and code points out of range in CPython's words;
# a lone surrogate cannot be encoded in any UTF.
word = "hé€😀"
for codec in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "UTF16", "utf_32_BE", "U16"]:
    data = word.encode(codec)
    print(codec, len(data), data, data.decode(codec) == word)
print("".encode("utf-16"), "".encode("utf-32"), bytes("ab", "utf-16-be"), bytearray("ab", "utf-32-le"))
print(len("😀".encode("utf-8")), len("😀".encode("utf-16-le")), len("😀".encode("utf-32-le")))
cases = [(b"h\x00i", "utf-16-le"), (b"h\x00\x00\xd8", "utf-16-le"), (b"\x00\xd8h\x00", "utf-16-le"),
         (b"\x00\xdch\x00", "utf-16-le"), (b"\xff\xfeh\x00", "utf-16"), (b"\xfe\xff\x00h", "utf-16"),
         (b"h\x00", "utf-16"), (b"\xff\xfe", "utf-16"), (b"\xff\xfe\xff\xfeh\x00", "utf-16"),
         (b"\xfe\xff\xd8\x00", "utf-16"), (b"h\x00\x00\x00i", "utf-32-le"), (b"\x00\x00\x11\x00", "utf-32-le"),
         (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\xff\xfe\x00\x00h\x00\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff\x00\x00\x00h", "utf-32"), (b"\x00\x00\xfe\xff\x00\x11\x00\x00", "utf-32"),
         (b"\x00\xd8\x00\xd8h\x00", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xd8\x00", "utf-16-be"),
         (b"", "utf-16"), (b"", "utf-32"), (b"\xff\xfe", "utf-32"), (b"=\xd8\x00\xde", "utf-16-le")]
for data, codec in cases:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(data, codec, errors, ascii(data.decode(codec, errors)))
        except UnicodeDecodeError as e:
            print(data, codec, errors, "UnicodeDecodeError:", e, e.start, e.end, e.encoding)
for codec in ["utf-8", "utf-16", "utf-32-be", "ascii"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
        try:
            print(codec, errors, "a\ud800\udc00b€".encode(codec, errors))
        except UnicodeEncodeError as e:
            print(codec, errors, "UnicodeEncodeError:", e, e.start, e.end)
print(str(b"\xff\xfeo\x00k\x00", "utf-16"), "é".encode("utf-16-le", "strict"))
