# and/or return one of their operands and stop early.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "set" or "default", None or 0)
print([] and "never", [1] and "yes")
print(None and 1, 0 or None)
def loud(name, value):
    print("called", name)
    return value
print(loud("a", False) and loud("b", True))
print(loud("c", True) or loud("d", True))
print(loud("e", 0) or loud("f", "") or loud("g", "last"))
print(loud("h", 1) and loud("i", 2) and loud("j", 3))
x = 7
print(x > 5 and x < 10, x < 5 or x == 7)
print(not x > 5 and x, not (x > 5 and x))
