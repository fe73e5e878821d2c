# Every call gets a new frame with its own local variables.
# Step through and watch the stack grow, then shrink as calls return.
def factorial(n):
    if n <= 1:
        return 1          # base case: the deepest frame returns first
    smaller = factorial(n - 1)
    return n * smaller

print(factorial(5))

# Each frame's `depth` is separate, even though the name is the same.
def countdown(depth):
    print("entering", depth)
    if depth > 0:
        countdown(depth - 1)
    print("leaving", depth)

countdown(3)

# A list passed down the calls is shared by every frame.
def collect(n, acc):
    acc.append(n)
    if n > 0:
        collect(n - 1, acc)
    return acc

print(collect(3, []))
