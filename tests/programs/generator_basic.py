# Generators and generator expressions.
def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2
g = evens(7)
print(next(g), next(g), list(g))
print(sum(x * x for x in range(5)))
print(list(zip(evens(10), "abc")))
