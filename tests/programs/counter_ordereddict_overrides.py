# A Counter's in-place operators and an OrderedDict's setdefault call a subclass's
# methods where CPython's code does (Counter's methods are Python code; OrderedDict's C
# setdefault goes through the class's in, [] and []=, its pop and popitem do not).
from collections import OrderedDict, Counter

class Log(OrderedDict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print('get', k)
        return super().__getitem__(k)
    def __delitem__(self, k):
        print('del', k)
        super().__delitem__(k)
    def __contains__(self, k):
        print('contains', k)
        return super().__contains__(k)

log = Log()
log['a'] = 1
print(log.setdefault('a', 5))
print(log.setdefault('b', 6))
print(log.setdefault('c'))
print(log.pop('a'), log.pop('zz', 0))
print(log.popitem())
plain = OrderedDict(x=1)
print(plain.setdefault('x', 2), plain.setdefault('y', 3), plain)

class Tally(Counter):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print('get', k)
        return super().__getitem__(k)
    def __missing__(self, k):
        print('missing', k)
        return 0
    def items(self):
        print('items')
        return super().items()
    def __delitem__(self, k):
        print('del', k)
        super().__delitem__(k)

t = Tally(a=1, b=2)
t += Counter(a=3, c=-1)
print(t)
t -= Counter(b=5)
print(t)
t |= Counter(z=4, a=1)
print(t)
t &= Counter(a=1, z=9)
print(t)
t.update(q=2)
print(t)
t.subtract(q=1)
print(t.most_common(1))

c = Counter(a=2, b=-1)
c += {'b': 2, 'd': 1}
print(c)
c -= Counter(a=2)
print(c)
try:
    c += 5
except AttributeError as e:
    print('AttributeError:', e)
