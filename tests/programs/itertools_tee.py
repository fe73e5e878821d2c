# itertools.tee: independent iterators over one source, sharing what they read
import itertools
from itertools import tee

a, b = tee([1, 2, 3, 4])
print(next(a), next(a), next(b))
print(list(a), list(b))

def numbers():
    for i in range(5):
        print("made", i)
        yield i

x, y, z = tee(numbers(), 3)
print(next(x), next(x))
print(next(y))
print(list(z))
print(list(x), list(y))

p, q = tee(range(200))
print(sum(p), sum(q))

first, second = tee("abc")
c, d = tee(first)
print(c is first, next(c), next(d), next(first), list(second))
print(tee([1], 0), len(tee([1], 5)))
print(type(first).__name__)
pairs = list(zip(*tee(range(4))))
print(pairs)
try:
    tee([1], -1)
except ValueError as e:
    print("ValueError:", e)
try:
    tee(5)
except TypeError as e:
    print("TypeError:", e)
it1, it2 = tee(iter([10, 20]))
import copy
it3 = copy.copy(it1)
print(next(it1), next(it3), next(it3), next(it2))
