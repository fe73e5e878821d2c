# None: the single "no value" object.
x = None
print(x)
print(repr(x), str(x), type(x))
print(x is None, x is not None, x == None)
print(bool(x), not x)
def nothing():
    pass
r = nothing()
print(r, r is None)
def early(n):
    if n > 0:
        return
    return n
print(early(5), early(-1))
items = [None, 0, None]
print(items, items.count(None))
print(print("inside") is None)
