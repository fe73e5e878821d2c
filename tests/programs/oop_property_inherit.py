class Shape:
    @property
    def area(self):
        return 0
    @property
    def name(self):
        return type(self).__name__.lower()
class Square(Shape):
    def __init__(self, s):
        self.s = s
    @property
    def area(self):
        return self.s ** 2
    @Shape.name.getter
    def name(self):
        return "square!"
sq = Square(3)
print(sq.area, sq.name, Shape().area, Shape().name)
print(Square.area.fget(sq), Shape.area.__get__(sq))
try:
    sq.area = 5
except AttributeError as e:
    print(e)
p = property()
print(p.__doc__, p.fget)
class C:
    x = property(lambda self: 1)
print(C.x.__doc__, C().x)
