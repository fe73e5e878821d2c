class Seq:
    def __getitem__(self, key):
        return key
s = Seq()
print(s[1], s[1:2], s[::2], s[1, 2], s[..., 1], s["a"])
print(s[1:2].start, s[:].stop, slice(1, 5, 2).indices(10))
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, pos):
        r, c = pos
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
g = Grid()
g[0, 1] = "x"
g[2, 2] = "o"
print("".join(g[0, c] for c in range(3)), g[2, 2], g.cells)
class OnlyGet:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OnlyGet()), 20 in OnlyGet(), 25 in OnlyGet())
for x in OnlyGet():
    print(x)
