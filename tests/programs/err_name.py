# Using a name that was never assigned.
count = 1
print(count)
print(cuont)
