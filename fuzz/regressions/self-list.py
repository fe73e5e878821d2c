x = [1, 2]
x.append(x)
print(x)
