# Defining and calling functions.
def greet(name):
    return "hello " + name
def add(a, b):
    return a + b
def show(x):
    print("showing", x)
print(greet("world"))
print(add(2, 3), add("a", "b"), add([1], [2]))
result = show(5)
print(result)
def square(n):
    return n * n
print(square(square(3)))
print(type(add))
def two_values():
    return 1, "one"
pair = two_values()
num, word = two_values()
print(pair, num, word)
