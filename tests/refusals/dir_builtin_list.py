print(dir(5)[:2])
print(dir([]))
