# global lets a function rebind a module-level name.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter, bump())
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
def make():
    global created
    created = "yes"
make()
print(created)
items = []
def add(x):
    items.append(x)
add(1)
add(2)
print(items)
