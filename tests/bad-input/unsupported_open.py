# Files are outside the subset: open() says so.
with open("x") as f:
    print(f.read())
