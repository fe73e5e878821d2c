# Subset and superset comparisons, equality across set and frozenset.
a = set([1, 2, 3])
b = set([1, 2, 3, 4])
print(a <= b, a < b, b >= a, b > a, a < a, a <= a, a > b)
print(a == set([3, 2, 1]), a != b, a == frozenset([1, 2, 3]), a == [1, 2, 3])
print(a.issubset(b), a.issubset([1, 2]), b.issuperset(a), b.issuperset(range(3)))
print(a.isdisjoint(b), a.isdisjoint([7, 8]), set().isdisjoint(a))
print(set([1]) < set([2]), set([1]) > set([2]), set([]) <= set([]))
