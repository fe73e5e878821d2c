# dict_keys and dict_items as sets: & | - ^ with sets, lists and other views, on either side, and isdisjoint
d = {"a": 1, "b": 2, "c": 3}
e = {"b": 2, "c": 30, "d": 4}
k, i = d.keys(), d.items()
print(k & e.keys(), k | e.keys(), k - e.keys(), k ^ e.keys())
print(i & e.items(), i - e.items(), i ^ e.items(), i | {("z", 0)})
print({"a", "x"} & k, {"a", "x"} - k, {"a", "x"} | k, {"a", "x"} ^ k, ["a", "q"] & k if False else k & ["a", "q"])
print(k & {"a"}, k & {"a", "b", "c", "d", "e"}, k.isdisjoint({"x"}), k.isdisjoint(["a"]), i.isdisjoint({("a", 1)}), k.isdisjoint(k))
print(k - ["a"], k | range(2), k ^ "ab", type(k & k).__name__, k & k)
for bad in (5, None):
    try:
        k | bad
    except TypeError as err:
        print(err)
try:
    d.values() & {1}
except TypeError as err:
    print(err)
print(d.keys() == {"a", "b", "c"}, d.keys() < {"a", "b", "c", "d"}, d.items() >= {("a", 1)})
big = {n: n for n in range(20)}
print(big.keys() & {3, 19, 25}, big.keys() - set(range(5, 20)), {1: 1, 2: 2}.items() ^ {2: 3, 4: 4}.items())
