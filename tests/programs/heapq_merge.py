# heapq.merge: a lazy generator over sorted inputs, key=, reverse=, ties by input order,
# the comparisons CPython makes (its entries compared as lists), errors.
import heapq
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge()))
print(list(heapq.merge([1, 2])))
print(list(heapq.merge([5, 3, 1], [4, 2, 0], reverse=True)))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge(['kangaroo', 'dog'], ['horse', 'cat'], key=len, reverse=True)))
print(list(heapq.merge([(1, 'a'), (2, 'b')], [(1, 'z'), (3, 'c')], key=lambda p: p[0])))
g = heapq.merge([1, 4], [2, 3])
print(type(g).__name__, iter(g) is g, next(g), next(g), list(g))
class Noisy:
    def __init__(self, v, tag): self.v, self.tag = v, tag
    def __lt__(self, other):
        print('lt', self.tag, other.tag); return self.v < other.v
    def __eq__(self, other):
        print('eq', self.tag, other.tag); return self.v == other.v
    def __repr__(self): return self.tag
print(list(heapq.merge([Noisy(1, 'a1'), Noisy(3, 'a3')], [Noisy(1, 'b1'), Noisy(2, 'b2')])))
def gen(name, items):
    for x in items:
        print('  gen', name, 'gives', x)
        yield x
m = heapq.merge(gen('A', [1, 5]), gen('B', [2, 3, 9]))
for v in m:
    print('got', v)
try:
    list(heapq.merge([1], 5))
except TypeError as e:
    print(e)
try:
    heapq.merge([1], keys=len)
except TypeError as e:
    print(e)
try:
    list(heapq.merge([1, 'a'], [2]))
except TypeError as e:
    print(e)
try:
    list(heapq.merge([1], [2], key=lambda x: x / 0))
except ZeroDivisionError as e:
    print(e)
print(list(heapq.merge(range(0, 20, 3), range(1, 20, 4), range(2, 20, 5))))
print(sorted(heapq.merge([3, 1], [2])) == [1, 2, 3], list(heapq.merge([3, 1], [2])))
