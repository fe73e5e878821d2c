# Calling a function with arguments by name.
def box(width, height=1, fill="#"):
    return (fill * width + "\n") * height
print(box(3), end="")
print(box(2, height=2), end="")
print(box(width=4, fill="*"), end="")
print(box(fill="o", height=2, width=1), end="")
def pt(x, y):
    return "(" + str(x) + ", " + str(y) + ")"
print(pt(y=2, x=1))
