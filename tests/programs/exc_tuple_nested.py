# except (A, B) as e, nested try blocks, and handler order.
def classify(x):
    try:
        try:
            return {"a": 1}[x] + 0
        except KeyError:
            print("inner caught KeyError for", x)
            raise ValueError(x)
    except (ValueError, TypeError) as e:
        print("outer caught", type(e).__name__, e)
        return -1


print(classify("a"), classify("b"))
try:
    None + 1
except (KeyError, TypeError) as e:
    print("tuple handler:", e)
try:
    try:
        raise IndexError("deep")
    except KeyError:
        print("not here")
    finally:
        print("inner finally")
except IndexError as e:
    print("outer got", e)
err = None
try:
    raise ValueError("saved")
except ValueError as e:
    err = e
print(repr(err))
try:
    e
except NameError as ne:
    print(ne)
