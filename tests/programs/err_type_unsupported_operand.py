# Operators need compatible operand types.
a = [1, 2, 3]
b = [2]
print(a + b)
c = a - b
