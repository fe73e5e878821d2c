# Local names are separate from global names.
x = "global"
def f():
    x = "local"
    return x
def g():
    return x
print(f(), g(), x)
def h(x):
    x = x + 1
    return x
y = 5
print(h(y), y)
def outer():
    a = 1
    b = g()
    return a, b
print(outer())
def counter_demo():
    total = 0
    for i in range(4):
        total += i
    return total
print(counter_demo())
