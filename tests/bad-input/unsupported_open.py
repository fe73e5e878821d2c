# Files are outside the subset: open() does not exist in Heapscope.
with open("x") as f:
    print(f.read())
