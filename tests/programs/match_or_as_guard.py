# or-patterns, as-patterns and guards
def classify(value):
    match value:
        case 0 | 1 | 2:
            return "tiny"
        case int(n) if n < 0:
            return "negative"
        case int() | float() as number if number > 1000:
            return f"big {number}"
        case [x, y] | (x, y, _):
            return f"pair-ish {x} {y}"
        case {"id": ident} | {"key": ident}:
            return f"identified {ident}"
        case (("a" | "b") as letter, *_):
            return f"starts with {letter}"
        case _:
            return "other"


for v in [1, -5, 5000, 2500.5, 7, [1, 2], (3, 4, 5), {"key": 9}, ("b", 1), "x"]:
    print(v, classify(v))

# a guard is checked after the captures are bound; a failed guard keeps them
match [3, 4]:
    case [a, b] if a > b:
        print("descending")
    case [a, b]:
        print("ascending", a, b)
print(a, b)

match (1, 2):
    case (x, y) if (total := x + y) > 10:
        print("big")
    case _:
        print("total is", total)

# or-patterns that bind the same names in another order
for item in [("key", 1), (2, "key")]:
    match item:
        case ("key", v) | (v, "key"):
            print("value", v)

match 5:
    case (1 | 2 | 3) as low:
        print("low", low)
    case (4 | 5 | 6) as high:
        print("high", high)
