# CPython's collector does not track a dict until it holds a container, nor a tuple of
# atomic items once a collection saw it: gc.collect() does not count them.
import gc
gc.disable()
print(gc.is_tracked({}), gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}))
print(gc.is_tracked(dict()), gc.is_tracked(dict(a=1)), gc.is_tracked({1: {}}))
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked(None))
t = tuple([1, 2])
print(gc.is_tracked(t))
keep = [t]
gc.collect()
print(gc.is_tracked(t))
d = {'k': []}
d['k'] = 1
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
d['n'] = (3, 4)
print(gc.is_tracked(d))
d['m'] = [5]
print(gc.is_tracked(d))

# a cycle keeping an untracked dict and a tuple: the collector counts the list and the
# tuple (not yet seen by a collection), not the dict
cycle = []
cycle.append(cycle)
cycle.append({'k': 1})
cycle.append(tuple([1, 2]))
del cycle
print(gc.collect())

# the same once a collection untracked the tuple
cycle = []
cycle.append(cycle)
cycle.append(tuple([1, 2]))
cycle.append({'k': 'v'})
gc.collect()
del cycle
print(gc.collect())

from collections import OrderedDict, defaultdict
print(gc.is_tracked(OrderedDict()), gc.is_tracked(defaultdict()))
x = {**{'a': 1}}
print(gc.is_tracked(x), gc.is_tracked({k: 1 for k in 'ab'}), gc.is_tracked(dict.fromkeys('ab')))
class A:
    pass
print(gc.is_tracked({'cls': A}), gc.is_tracked({'cls': int}), gc.is_tracked(A()))
