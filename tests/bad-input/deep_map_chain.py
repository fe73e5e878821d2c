# each map pulls from the one before: a C frame per link
it = iter([1, 2, 3])
for i in range(200000):
    it = map(abs, it)
print(list(it))
