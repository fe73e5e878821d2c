# A required parameter was not given.
def greet(greeting, name):
    return greeting + ", " + name
print(greet("hi", "bo"))
print(greet("hello"))
