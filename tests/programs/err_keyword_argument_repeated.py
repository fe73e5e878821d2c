# The same keyword twice in one call is refused when the program is compiled, before any
# line runs.
print("never printed")


def area(width, height):
    return width * height


print(area(width=2, height=3,
           width=4))
