# Calling a function with the wrong number of arguments.
def area(width, height):
    return width * height
print(area(2, 3))
print(area(2, 3, 4))
