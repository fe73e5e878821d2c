# for loops over ranges.
for i in range(5):
    print(i, end=",")
print()
for i in range(2, 6):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3):
    i = i * 10
    print(i)
print(i)
