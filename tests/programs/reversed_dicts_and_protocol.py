d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
d['z'] = 26
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
it = reversed(d)
print(type(it).__name__, type(reversed(d.values())).__name__, type(reversed(d.items())).__name__)
print(next(it))
d['q'] = 0
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
print(list(reversed({})))
class C:
    def __reversed__(self):
        return iter([3, 2, 1])
print(list(reversed(C())))
class N:
    __reversed__ = None
    def __len__(self): return 2
    def __getitem__(self, i): return i
try:
    reversed(N())
except TypeError as e:
    print(e)
class S:
    def __len__(self): return 2
    def __getitem__(self, i): return i * 10
print(list(reversed(S())))
for bad in [5, {1, 2}, iter([1])]:
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
