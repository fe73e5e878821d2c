# Recursive functions.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(5), fact(20), fact(30))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(15))
def power_set_size(items):
    if not items:
        return 1
    return 2 * power_set_size(items[1:])
print(power_set_size([1, 2, 3, 4]))
def depth(lst):
    best = 0
    for item in lst:
        if type(item) == list:
            d = depth(item)
            if d > best:
                best = d
    return best + 1
print(depth([1, [2, [3, [4]]], [5]]))
def countdown(n):
    if n == 0:
        print("liftoff")
        return
    print(n)
    countdown(n - 1)
countdown(3)
