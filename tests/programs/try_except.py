# Catching exceptions with try/except/else/finally.
def safe_div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        return r
    finally:
        print("finally runs")
print(safe_div(6, 3))
print(safe_div(1, 0))
try:
    {}["k"]
except (KeyError, IndexError) as e:
    print(type(e).__name__, repr(e))
try:
    raise ValueError("custom")
except Exception as e:
    print(e)
