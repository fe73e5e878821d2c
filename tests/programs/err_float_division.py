# Float division by zero has its own message.
x = 1.5
y = 0.0
print(x * 2)
print(x // y)
