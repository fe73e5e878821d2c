# Assigning to a name anywhere in a function makes it local everywhere in it.
total = 0
def add(n):
    total = total + n
    return total
print(add(5))
