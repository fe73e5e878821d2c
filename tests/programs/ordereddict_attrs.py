# An OrderedDict has a __dict__ (and a Counter, a Python class in CPython): attributes on a
# plain instance work, are drawn as rows beside its entries, and OrderedDict's copy keeps
# them (its __reduce__ state), a Counter's does not (CPython's Counter.__reduce__).
import copy
from collections import Counter, OrderedDict, defaultdict

od = OrderedDict(a=1)
od.label = "first"
od.tags = ["x"]
print(od.label, od.tags, od.__dict__, vars(od))
od.__dict__["extra"] = 3
print(od.extra, od, len(od), "label" in od)
od.keys = "shadowed"
print(od.keys, list(OrderedDict.keys(od)))
del od.keys
print(list(od.keys()))
del od.label
print(sorted(vars(od)))
try:
    od.label
except AttributeError as e:
    print("AttributeError:", e)
try:
    del od.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    od.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
od.__dict__ = {"fresh": True}
print(od.fresh, vars(od))

c = copy.copy(od)
print(c, vars(c), c.__dict__ is od.__dict__)
d = copy.deepcopy(od)
print(d == od, vars(d))
print(od.__reduce__()[2], OrderedDict().__reduce__()[2])

ct = Counter("abca")
ct.source = "abca"
print(ct.source, vars(ct), ct.most_common(1))
print(vars(copy.copy(ct)), copy.copy(ct))
try:
    ct.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    defaultdict(int).x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    {}.x = 1
except AttributeError as e:
    print("AttributeError:", e)


class Cache(OrderedDict):
    pass


k = Cache(z=0)
k.hits = 2
print(vars(k), k.hits, copy.copy(k).hits)
