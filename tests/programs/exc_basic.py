# try/except/else/finally in every combination.
def divide(a, b):
    try:
        q = a // b
    except ZeroDivisionError:
        print("cannot divide", a, "by zero")
        q = None
    else:
        print("divided fine")
    finally:
        print("finally for", a, b)
    return q


print(divide(7, 2))
print(divide(1, 0))
for v in ["12", "x", None]:
    try:
        n = int(v)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
    else:
        print("parsed", n)
try:
    [][1]
except LookupError as e:
    print(type(e).__name__, e, e.args)
try:
    pass
finally:
    print("no exception, finally still runs")
