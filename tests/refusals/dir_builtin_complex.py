print(dir(range)[:2])
print(dir(1j))
