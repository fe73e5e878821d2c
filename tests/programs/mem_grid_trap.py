# [[0] * 3] * 3 repeats one row object three times.
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
print(grid[0] is grid[1], grid[1] is grid[2])
good = []
for i in range(3):
    good.append([0] * 3)
good[0][0] = 1
print(good)
print(good[0] is good[1])
row = [0] * 3
row[1] = 5
print(row)
flat = [[]] * 2
flat[0].append("x")
print(flat)
