# match and case are soft keywords: still usable as names
match = [1, 2, 3]
print(match)
match[0] = 10
print(match[0])
case = "a case"
print(case)


def match(pattern, text):
    return pattern in text


print(match("ell", "hello"))
print(match ("x", "hello"))
_ = 5
print(_)

match = {"case": 1}
match match:
    case {"case": case}:
        print("case is", case)

match (-3):
    case -3:
        print("negative literal")

match 1, 2:
    case a, b:
        print("tuple subject", a, b)
