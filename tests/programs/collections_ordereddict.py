# collections.OrderedDict: a dict whose order can be changed.
from collections import OrderedDict

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), OrderedDict())
od.move_to_end('b')
print(od)
od.move_to_end('b', last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError:', e)
try:
    od.move_to_end('missing')
except KeyError as e:
    print('KeyError:', e)
x = OrderedDict(a=1, b=2)
y = OrderedDict(b=2, a=1)
print(x == y, x == dict(y), x.copy(), type(x.copy()).__name__)
print(OrderedDict([('k', [1])]), len(x), x['a'])
