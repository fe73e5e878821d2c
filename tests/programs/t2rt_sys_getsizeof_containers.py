# getsizeof of containers: over-allocating lists, tuples, dicts and sets.
import sys
l = []
sizes = []
for i in range(17):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print(sizes)
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof({1: 2}))
s = set()
print(sys.getsizeof(s))
for i in range(5):
    s.add(i)
print(sys.getsizeof(s), sys.getsizeof(frozenset()), sys.getsizeof(range(10)))
