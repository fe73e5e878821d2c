# Closures: an inner function keeps the variables of the call that made it
# (through nonlocal and captured cells).
def make_counter():
    count = 0
    def counter():
        nonlocal count        # rebind the variable of make_counter's frame
        count += 1
        return count
    return counter

c1 = make_counter()
c2 = make_counter()           # a separate frame, a separate `count`
print(c1(), c1(), c1())       # 1 2 3
print(c2())                   # 1

def make_multiplier(factor):
    def multiply(x):
        return x * factor     # `factor` outlives make_multiplier's frame
    return multiply

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))
