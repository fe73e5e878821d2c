# Attribute access on built-in objects: __class__ and the dunder methods their types
# implement (CPython's slot wrappers), bound and called like any method.
it = iter([1, 2])
print(it.__next__(), it.__next__())
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
print(().__class__, [].__class__, (1).__class__, "a".__class__, {}.__class__)
print(iter([1]).__class__.__name__, range(3).__class__)
print([].__len__(), "abc".__len__(), (1, 2).__len__())
print([1, 2].__getitem__(0), {1: 2}.__getitem__(1))
print((3).__add__(4), "a".__add__("b"), (3).__add__("x"))
print(it.__iter__() is it)
print([1].__contains__(1), [1].__contains__(2))
print((1).__eq__(1), (1).__lt__(2), "a".__hash__() == hash("a"))
try:
    (1).__add__()
except TypeError as e:
    print(e)
try:
    [].nothing
except AttributeError as e:
    print(e)
