# nonlocal must name a variable of an enclosing function.
def f():
    def g():
        nonlocal missing
        missing = 1
    return g
