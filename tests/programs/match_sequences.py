# sequence patterns: fixed length, star captures, nesting, which types are sequences
def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last]:
            return f"first {first}, {len(middle)} in the middle, last {last}"


for s in [[], [1], (2, 3), [4, 5, 6, 7], range(3)]:
    print(shape(s))

command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case ["look"]:
        print("looking around")
    case _:
        print("unknown command")

points = [(0, 0), (3, 0), (0, 4), (1, 2)]
for point in points:
    match point:
        case (0, 0):
            print("origin")
        case (x, 0):
            print("on the x axis at", x)
        case (0, y):
            print("on the y axis at", y)
        case (x, y):
            print("at", x, y)

match [1, [2, 3], (4, [5, 6])]:
    case [a, [b, c], (d, [*rest])]:
        print(a, b, c, d, rest)

match [1, 2, 3, 4, 5]:
    case [*_, x, y]:
        print("last two", x, y)
match [1, 2, 3, 4, 5]:
    case [head, *_]:
        print("head", head)
match (1, 2, 3):
    case [*everything]:
        print("everything", everything, type(everything).__name__)

# strings are not sequences for match, and a dict is not either
for v in ["ab", {"a": 1}, [10, 20]]:
    match v:
        case [a, b]:
            print("two items", a, b)
        case _:
            print("not a sequence of two:", v)
