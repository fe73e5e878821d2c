# weakref containers compare as CPython's: the dictionaries as mappings (with dicts too), WeakSets with WeakSets, by what they hold now
import weakref


class A:
    pass


a = A()
b = A()
d1 = weakref.WeakValueDictionary(x=a)
d2 = weakref.WeakValueDictionary(x=a)
print(d1 == d2, d1 != d2, d1 == {"x": a}, {"x": a} == d1, d1 == {"x": b}, d1 == [1], d1 != 3)
k1 = weakref.WeakKeyDictionary({a: 1})
print(k1 == {a: 1}, k1 == weakref.WeakKeyDictionary({a: 1}), k1 == {b: 1}, k1 == d1)
s1 = weakref.WeakSet([a])
print(s1 == weakref.WeakSet([a]), s1 == weakref.WeakSet([b]), s1 == {a}, s1 != weakref.WeakSet())
print(weakref.WeakValueDictionary() == weakref.WeakValueDictionary(), weakref.WeakSet() == weakref.WeakSet())
del a
print(d1 == {}, len(k1), s1 == weakref.WeakSet())
try:
    d1 < d2
except TypeError as e:
    print("TypeError:", e)
