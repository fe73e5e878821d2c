# A ChainMap's lookups run the mappings' own code, which may change the ChainMap meanwhile;
# nested ChainMaps answer through each level (tests/bad-input/deep_chainmap_lookup.py nests them too deep).
from collections import ChainMap


class Forgetful(dict):
    def __getitem__(self, key):
        outer.maps = []  # the list being searched is dropped
        raise KeyError(key)


outer = ChainMap(Forgetful(), {"z": 3})
print(outer["z"])
print(outer.maps)

inner = ChainMap({"a": 1}, {"b": 2})
nested = ChainMap(inner, {"c": 3})
print(nested["a"], nested["c"], "b" in nested, len(nested), sorted(nested))
copied = nested.copy()
print(copied.maps[0] is inner, copied.maps[1] is nested.maps[1])
nested["d"] = 4
print(inner.maps[0])
print(nested.pop("d"), inner.maps[0])

