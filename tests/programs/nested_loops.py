# Loops inside loops: a multiplication table.
for i in range(1, 5):
    row = ""
    for j in range(1, 5):
        row += str(i * j).rjust(4)
    print(row)
count = 0
for a in range(3):
    for b in range(3):
        if a == b:
            continue
        count += 1
print(count)
i = 0
while i < 3:
    for j in range(i):
        print(i, j)
    i += 1
