# A deleted name is gone.
x = [1]
y = x
del x
print(y)
print(x)
