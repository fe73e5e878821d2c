# List comprehensions: filters, nesting, closures over locals.
squares = [n * n for n in range(8)]
print(squares)
print([n for n in squares if n % 2 == 0 if n > 10])
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[i] for i in range(3) for row in matrix])
print([(x, y) for x in "ab" for y in range(2) if x != "b" or y])


def scale(values, k):
    return [v * k for v in values]


print(scale([1, 2, 3], 10))
words = ["apple", "Bob", "cat"]
print([w.upper() if len(w) > 3 else w for w in words])
x = "outer x"
print([x for x in range(3)], x)
print([[y for y in range(x)] for x in range(4)])
