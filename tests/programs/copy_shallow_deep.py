# copy.copy shares the inner objects, copy.deepcopy makes new ones.
import copy

grid = [[1, 2], [3, 4], {'k': [5]}]
shallow = copy.copy(grid)
deep = copy.deepcopy(grid)
print(shallow is grid, shallow[0] is grid[0], shallow[2] is grid[2])
print(deep is grid, deep[0] is grid[0], deep[2]['k'] is grid[2]['k'])
grid[0].append(99)
print(grid, shallow, deep)
d = {'a': [1], 'b': (2, [3])}
d2 = copy.copy(d)
d3 = copy.deepcopy(d)
print(d2['a'] is d['a'], d3['a'] is d['a'], d3['b'] is d['b'], d3['b'][1] is d['b'][1])
s = {1, 2, 3}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(s))
t = (1, 'two', 3.0)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
f = frozenset([1, 2])
print(copy.copy(f) is f, copy.deepcopy(f) == f)
print(copy.copy(5), copy.deepcopy('text'), copy.copy(None), copy.deepcopy(len) is len)
print(copy.copy(range(3)), copy.deepcopy(int) is int)
