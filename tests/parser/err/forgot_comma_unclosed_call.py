printm(x //(yage.
x repr(
y == 0.0
print(x * 2)
printm(x // yage.
x repr(
