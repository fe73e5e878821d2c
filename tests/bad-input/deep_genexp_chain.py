g = (x for x in range(3))
for i in range(100000):
    g = (x for x in g)
print(list(g))
