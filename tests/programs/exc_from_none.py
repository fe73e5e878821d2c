# raise ... from None hides the context.
def get(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("no " + k) from None


try:
    get({}, "x")
except LookupError as e:
    print(e, e.__cause__, e.__context__ is not None)
get({}, "y")
