# weakref containers: CPython's errors for objects that cannot be referred to weakly and for
# missing or dead entries
import weakref


class Node:
    pass


cache = weakref.WeakValueDictionary()
for bad in (1, "s", [1], (1,), {}):
    try:
        cache["k"] = bad
    except TypeError as e:
        print("TypeError:", e)
keys = weakref.WeakKeyDictionary()
for bad in (1, "s"):
    try:
        keys[bad] = 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        del keys[bad]
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.WeakSet([1])
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.WeakValueDictionary({}, {})
except TypeError as e:
    print("TypeError:", e)
n = Node()
cache["n"] = n
print(cache["n"] is n, len(cache))
n = None
print(len(cache), cache.get("n"))
try:
    cache["n"]
except KeyError as e:
    print("KeyError:", e)
try:
    cache.update({}, {})
except TypeError as e:
    print("TypeError:", e)
print(weakref.ref(cache)() is cache, weakref.ref(keys)() is keys)
for container in (cache, keys, weakref.WeakSet()):
    try:
        hash(container)
    except TypeError as e:
        print("TypeError:", e)
weakref.ref(42)
