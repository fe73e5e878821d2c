# A closing bracket with no opening one.
x = [1, 2]]
print(x)
