# The body of a loop must be indented.
for i in range(3):
print(i)
