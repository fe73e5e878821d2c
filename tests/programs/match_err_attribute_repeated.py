class Pair:
    __match_args__ = ("a", "b")
    a = 1
    b = 2


match Pair():
    case Pair(x, a=y):
        print(x, y)
