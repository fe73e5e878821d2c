def check(pair):
    match pair:
        case [a, b] if a / b > 1:
            return "bigger"
        case _:
            return "smaller"


print(check([4, 2]))
print(check([1, 0]))
