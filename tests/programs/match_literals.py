# match with literal, singleton, capture and wildcard patterns
def http_status(code):
    match code:
        case 200:
            return "OK"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case -1:
            return "no answer"
        case "teapot":
            return "I'm a teapot"
        case None:
            return "nothing"
        case True:
            return "true"
        case 1.5:
            return "one and a half"
        case _:
            return "unknown"


for c in [200, 302, 404, -1, "teapot", None, True, 1.5, 1, 500]:
    print(c, http_status(c))

x = 42
match x:
    case 0:
        print("zero")
    case n:
        print("captured", n, n is x)

match "hello":
    case "bye":
        print("bye")
print("no case matched: the statement does nothing")

# True, False and None compare by identity; numbers by ==
for v in [1, True, 1.0, 0, False]:
    match v:
        case True:
            print(repr(v), "is True")
        case False:
            print(repr(v), "is False")
        case 1:
            print(repr(v), "== 1")
        case 0:
            print(repr(v), "== 0")
