match x:
    case [1, -2, *r] | (3, *_) if y:
        pass
    case {1: a, "b": _, **kw}:
        pass
    case C(1, b=2) as z:
        pass
    case a.b.c | None | True | False | "s" "t" | -1.5:
        pass
    case ():
        pass
    case []:
        pass
    case {}:
        pass
    case (a):
        pass
    case ((a, b),):
        pass
    case 1, *rest,:
        pass
    case Point(x=0, y=0,):
        pass
    case mod.Cls(a, (b | c) as d):
        pass
    case {-1: x, a.b: y, None: z, **rest,}:
        pass
    case [*_, last] if (n := last) > 3:
        x = n
    case _:
        pass
match (a, b):
    case x, y: pass
match *a, b:
    case _: pass
match -x:
    case 0: pass
match = 1
match.x = 2
match[0] = 3
match(1)
case = match
match [x]: int = 5
print(match, case)
def f(match, case):
    match match:
        case case.value:
            return case
