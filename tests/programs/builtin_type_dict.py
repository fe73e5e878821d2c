# A built-in type's __dict__ is a read-only mappingproxy, its keys in CPython's order.
import collections

names = int.__dict__
print(type(names).__name__)
print(names["bit_length"])
print(names["bit_length"](255))
print("append" in list.__dict__, "__and__" in list.__dict__, "__or__" in dict.__dict__)


def keys(t):
    # without __doc__ and __getattribute__, which Heapscope's dicts lack
    return (" ".join(t.__dict__) + " ").replace("__doc__ ", "").replace("__getattribute__ ", "").split()


print(keys(list))
print(keys(str)[:12])
print(keys(dict)[-8:])
print(keys(collections.defaultdict))
print(vars(tuple)["count"], vars(tuple) == tuple.__dict__)
try:
    list.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del dict.__dict__["get"]
except TypeError as e:
    print("TypeError:", e)
try:
    list.__dict__ = {}
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
print(list.__dict__["__hash__"], set.__dict__["__hash__"] is None)
