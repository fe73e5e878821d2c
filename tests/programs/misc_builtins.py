# getattr/setattr on many objects, callable, isinstance with classes, vars-like access.
class Box:
    pass


b = Box()
for name, value in [("a", 1), ("b", [2]), ("c", "three")]:
    setattr(b, name, value)
print(b.__dict__, [getattr(b, n) for n in "abc"])
print(callable(Box), callable(b), callable(print), callable(3))
print(isinstance(b, Box), isinstance(Box, type), issubclass(bool, int), issubclass(Box, object))
print(callable(getattr([], "append")), hasattr("s", "upper"), hasattr(Box, "mro_x"))
try:
    issubclass(b, Box)
except TypeError as e:
    print(e)
try:
    isinstance(b, b)
except TypeError as e:
    print(e)
