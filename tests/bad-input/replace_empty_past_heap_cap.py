s = "a" * 1_000_000
t = s.replace("", "xyz" * 1000)
print(len(t))
