# frozenset: immutable, hashable, usable inside sets and as dict keys.
f = frozenset([5, 3, 9])
print(f, frozenset(), repr(frozenset([1])))
print(hash(f) == hash(frozenset([9, 5, 3])), hash(frozenset()), hash(frozenset([1, 2])))
s = set([f, frozenset([1])])
print(frozenset([3, 5, 9]) in s, set([1]) in s, len(s))
d = {f: "nine-five-three"}
print(d[frozenset([9, 3, 5])])
print(f | set([1]), set([1]) | f, f & set([3, 4]), f - set([3]))
print(type(f | set([1])).__name__, type(set([1]) | f).__name__)
print(frozenset(f) is f, frozenset(range(3)) == set(range(3)))
