s = b"a" * 1_000_000
t = s.replace(b"a", b"b" * 3000)
print(len(t))
