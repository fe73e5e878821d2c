# Assignment expressions are outside the subset: a clear error naming the line.
if (n := 10) > 5:
    print(n)
