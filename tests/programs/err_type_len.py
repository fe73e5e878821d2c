# len() of an int is a TypeError.
values = [3, "abc", 12]
for v in values:
    print(len(v))
