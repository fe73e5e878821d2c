# remove() of a missing element raises KeyError(element).
s = set([1, 2])
s.remove(2)
print(s)
s.remove(2)
