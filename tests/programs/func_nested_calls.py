# Calls nested inside calls and expressions.
def inc(x):
    return x + 1
def twice(x):
    return inc(inc(x))
def total(a, b, c):
    return a + b + c
print(inc(inc(inc(0))))
print(total(inc(1), twice(1), inc(twice(1))))
print(max(inc(3), twice(1)), len(str(inc(99))))
print([inc(1), twice(2)], {"k": inc(0)})
print(str(total(1, 2, 3)) + "!")
