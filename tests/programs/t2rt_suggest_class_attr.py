# On the class itself: its namespace and its bases'.
class Shape:
    sides = 0


class Square(Shape):
    sides = 4
    origin = (0, 0)


print(Square.sides)
print(Square.orign)
