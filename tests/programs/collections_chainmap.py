# collections.ChainMap: several dicts searched as one; writes go to the first
from collections import ChainMap, defaultdict

defaults = {"color": "red", "user": "guest", "size": 10}
settings = {"user": "ada"}
cm = ChainMap(settings, defaults)
print(cm)
print(cm["user"], cm["color"], cm.get("size"), cm.get("nope"), cm.get("nope", 0))
print(len(cm), list(cm), "color" in cm, "x" in cm, bool(cm), bool(ChainMap({}, {})))
cm["color"] = "blue"
print(settings, defaults["color"], cm["color"])
del cm["color"]
print(cm["color"])
try:
    del cm["size"]
except KeyError as e:
    print("KeyError:", e)
try:
    cm["missing"]
except KeyError as e:
    print("KeyError:", e)
print(cm.maps[0] is settings, len(cm.maps))
child = cm.new_child()
child["user"] = "bob"
print(child, child["user"], cm["user"])
print(child.parents)
kid = cm.new_child({"a": 1}, b=2)
print(kid.maps[0])
print(list(cm.keys()), list(cm.values()), list(cm.items()))
print(cm.keys())
print(sorted(cm.items()))
print(dict(cm))
print(cm == {"user": "ada", "color": "red", "size": 10}, cm == ChainMap(dict(cm)), cm != cm)
c2 = cm.copy()
c2["new"] = 1
print("new" in cm, "new" in c2, c2.maps[1] is defaults)
print(cm.pop("user"), settings)
try:
    cm.pop("color")
except KeyError as e:
    print("KeyError:", e)
print(cm.pop("color", "none"))
try:
    cm.popitem()
except KeyError as e:
    print("KeyError:", e)
empty = ChainMap()
print(empty, len(empty))
dd = defaultdict(int)
ch = ChainMap(dd)
print(ch["zero"], dd)
print(ChainMap.fromkeys("ab", 0))
cm.maps.append({"extra": True})
print(cm["extra"])
for k, v in ChainMap({"a": 1}, {"b": 2, "a": 3}).items():
    print(k, v)
try:
    hash(cm)
except TypeError as e:
    print("TypeError:", e)
