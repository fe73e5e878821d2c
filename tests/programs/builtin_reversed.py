# reversed() walks a sequence backwards.
print(list(reversed([1, 2, 3])))
print(list(reversed("abc")), tuple(reversed((1, 2))))
print(list(reversed(range(5))), list(reversed([])))
for ch in reversed("stop"):
    print(ch, end="")
print()
a = [1, 2, 3]
r = list(reversed(a))
print(a, r)
print("".join(reversed("hello")))
