# An uncaught error inside __init__ and a dunder method shows every frame.
class Matrix:
    def __init__(self, rows):
        self.rows = rows
        self.n = len(rows[0])

    def __getitem__(self, pos):
        r, c = pos
        return self.rows[r][c]


m = Matrix([[1, 2], [3, 4]])
print(m[1, 0])
print(m[2, 0])
