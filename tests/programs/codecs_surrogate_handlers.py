# The 'surrogatepass' and 'surrogateescape' error handlers of str.encode and bytes.decode:
# surrogateescape turns each undecodable byte 0x80-0xff into U+DC80-U+DCFF and back (never
# an ASCII byte); surrogatepass lets a lone surrogate through the UTFs (not ascii or
# latin-1); what a handler cannot take is the error strict would raise, from where it stopped.
print(ascii("\udc80".encode("utf-8", "surrogatepass")), ascii(b"\xff".decode("utf-8", "surrogateescape")))
texts = ["a\udc80b", "\ud800", "x\udfff\ud800y", "\udc80\udcff\udc00", "\udc7f", "\ud83d\ude00",
         "é\udce9€", "😀\udc80", "a\udc80\u0100\udcffb", "\ud800\udc80z", ""]
for codec in ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-be", "utf-32", "utf-32-le", "UTF8", "U16"]:
    for errors in ["surrogatepass", "surrogateescape"]:
        for text in texts:
            try:
                print(codec, errors, ascii(text), text.encode(codec, errors))
            except UnicodeEncodeError as e:
                print(codec, errors, ascii(text), "UnicodeEncodeError:", e, e.start, e.end)
blobs = [b"a\xffb", b"\x80\x81", b"\xed\xa0\x80", b"\xed\xbf\xbfx", b"\xed\xa0", b"\xe0\x80\x80",
         b"\xf0\x9f\x98", b"\xc3(", b"\xed\xb2\x80\xed\xb3\xbf", b"\x00\xd8", b"\x00\xdc\x41\x00",
         b"\xff\xfe\x00\xd8\x00\xd8", b"\x80\xdc", b"\x00\xd8\x00", b"\x00\xd8\x00\x00", b"\x80\xdc\x00\x00",
         b"\x00\x00\x11\x00", b"\x80\x80\xff\xff", b"\xed\xa0\x80\xed\xb0\x80", b"a\x00"]
for codec in ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"]:
    for errors in ["surrogatepass", "surrogateescape"]:
        for data in blobs:
            try:
                print(codec, errors, data, ascii(data.decode(codec, errors)))
            except UnicodeDecodeError as e:
                print(codec, errors, data, "UnicodeDecodeError:", e, e.start, e.end)
# Round trips: what surrogateescape decoded encodes back to the same bytes.
for data in [b"caf\xe9", b"\xff\xfe\xfd", b"ok \xc3\xa9 \xc3"]:
    text = data.decode("utf-8", "surrogateescape")
    print(ascii(text), len(text), text.encode("utf-8", "surrogateescape") == data,
          text.encode("ascii", "surrogateescape") if data.isascii() else "", str(data, "ascii", "surrogateescape") == data.decode("ascii", "surrogateescape"))
pair = "\ud83d\ude00"
print(pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le"), bytearray(b"\xed\xa0\x80").decode("utf-8", "surrogatepass") == "\ud800")
print(pair.encode("utf-8", "surrogatepass"), pair.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass") == pair)
print(ascii("a\udc80".encode("utf-8", errors="surrogateescape")), ascii(b"\x80".decode(errors="surrogateescape")))
"\ud800".encode("utf-8", "surrogateescape")
