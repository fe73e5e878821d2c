# repr writes each NUL as 4 characters: 4 x 100 MB, sized and checked before it is written
b = bytearray(100_000_000)
print(len(repr(b)))
