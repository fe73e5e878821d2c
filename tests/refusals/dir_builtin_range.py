print(dir(list)[:2])
print(dir(range(3)))
