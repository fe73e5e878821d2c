# A nested function reading a variable of its enclosing function.
def outer():
    a = 1
    def inner():
        return a + 1
    return inner()
print(outer())
def adder(n):
    def add(x):
        return x + n
    return add
print(adder(5)(10))
