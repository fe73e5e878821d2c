# Tight loops: a for loop over a million ints and a while loop.
for i in range(10**6):
    x = i * 2
print(x)

total = 0
i = 0
while i < 10**6:
    total += i % 7
    i += 1
print(total)
