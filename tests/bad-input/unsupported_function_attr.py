# A function attribute is outside the subset: the assignment says so.
def counter():
    counter.calls += 1


counter.calls = 0
counter()
