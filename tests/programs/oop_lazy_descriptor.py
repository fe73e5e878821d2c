class lazy:
    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value
class Circle:
    def __init__(self, r):
        self.r = r
    @lazy
    def area(self):
        "the area"
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area)
print(c.area)
print(Circle.area.__doc__, "area" in vars(c))
del c.area
print(c.area)
