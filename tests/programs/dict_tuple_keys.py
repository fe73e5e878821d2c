# Tuples (immutable) can be dict keys.
grid = {}
for r in range(2):
    for c in range(3):
        grid[(r, c)] = r * 10 + c
print(grid)
print(grid[(1, 2)], grid[1, 0])
print((0, 0) in grid, (5, 5) in grid)
for (r, c), v in grid.items():
    if v % 2 == 1:
        print(r, c)
