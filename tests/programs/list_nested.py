# Lists inside lists: a matrix.
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m)
print(m[1], m[1][2], m[-1][-1])
m[0][0] = 10
print(m[0])
total = 0
for row in m:
    for v in row:
        total += v
print(total)
t = []
for c in range(3):
    col = []
    for r in range(3):
        col.append(m[r][c])
    t.append(col)
print(t)
m.append([0])
print(len(m), len(m[3]))
