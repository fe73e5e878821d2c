x = None
for i in range(1000000):
    x = [i, x]
x = None
print("freed")
y = [1, 2, 3]
print(y[3])
