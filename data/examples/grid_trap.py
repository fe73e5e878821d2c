# The [[0] * 3] * 3 trap.
# Multiplying a list repeats the REFERENCES it holds, so the outer list
# gets three arrows to one single row object.
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)                          # every row changed!
print(grid[0] is grid[1] is grid[2]) # True: one row, three arrows

# The fix: build each row separately, so there are three row objects.
grid = []
for i in range(3):
    grid.append([0] * 3)
grid[0][0] = 1
print(grid)                          # only the first row changed
print(grid[0] is grid[1])            # False

# [0] * 3 itself is fine: ints are immutable, so sharing them is harmless.
row = [0] * 3
row[1] = 7
print(row)
