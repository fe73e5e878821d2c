# repr escapes each NUL as 4 characters: 4 x 300 MB
n = 300_000_000
print(len(repr(chr(0) * n)))
