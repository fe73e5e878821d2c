class Point:
    __match_args__ = ["x", "y"]
    x = 0
    y = 0


try:
    match Point():
        case Point(a, b):
            print(a, b)
except TypeError as e:
    print("TypeError:", e)

class NoArgs:
    pass

match NoArgs():
    case NoArgs(a):
        print(a)
