# Generators and comprehensions: yield, generator expressions, list/dict/set comprehensions.
def squares(n):
    for i in range(n):
        yield i * i


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


total = 0
for _ in range(5):
    total += sum(evens(squares(100000)))
print(total)
print(sum(x * 3 for x in range(300000)))
lists = [[j for j in range(i % 20)] for i in range(20000)]
print(sum(len(l) for l in lists))
table = {i: i * i for i in range(100000)}
odd = {v % 1000 for v in table.values() if v % 2}
print(len(table), len(odd))
