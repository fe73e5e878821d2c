# Python Tutor classic: OOP with inheritance and polymorphism.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError("subclasses must implement area")

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"


class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


shapes = [Rectangle(2, 3), Square(4), Circle(1)]
for s in shapes:
    print(s.describe())
print(Shape.count, sum(s.area() for s in shapes) > 30)
print(sorted(shapes, key=lambda s: s.area())[0].name)
print([type(s).__name__ for s in shapes], isinstance(shapes[1], Rectangle))
try:
    Shape("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
