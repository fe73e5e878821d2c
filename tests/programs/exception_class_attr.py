# __class__ and slot methods read from a built-in exception's instance
e = ValueError("bad value")
print(e.__class__, e.__class__.__name__)
print(e.__str__(), e.__repr__())
w = RuntimeWarning("careful")
print(w.__class__ is RuntimeWarning, issubclass(w.__class__, Warning))
try:
    {}["k"]
except Exception as err:
    print(type(err) is err.__class__, err.__class__.__mro__)
try:
    e.missing
except AttributeError as x:
    print(x)
