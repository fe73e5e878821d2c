# finally interacting with return, break and continue.
def f():
    try:
        return "from try"
    finally:
        print("finally before return")


def g():
    try:
        return 1
    finally:
        return 2


def h():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed it"


print(f())
print(g())
print(h())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)


def nested():
    for x in [1, 2]:
        try:
            try:
                if x == 2:
                    return "returned at " + str(x)
            finally:
                print("inner finally", x)
        finally:
            print("outer finally", x)


print(nested())


def in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        return "returned from except"
    finally:
        print("finally after except")


print(in_except())
