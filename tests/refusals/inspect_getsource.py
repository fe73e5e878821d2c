import inspect


def area(width, height):
    return width * height


print(inspect.signature(area))
print(inspect.getsource(area))
