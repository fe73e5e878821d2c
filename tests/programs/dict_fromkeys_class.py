# dict.fromkeys called on a subclass or OrderedDict/defaultdict makes an instance of that class
# (called with no arguments) and fills it through its __setitem__.
from collections import OrderedDict, defaultdict, Counter
class D(dict): pass
print(type(D.fromkeys('ab')), type(OrderedDict.fromkeys('ab')), type(defaultdict.fromkeys('ab')))
print(OrderedDict.fromkeys('ab', 0))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NIE', e)
class L(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v * 2)
print(L.fromkeys([1, 2], 5))
class N(dict):
    def __init__(self, x):
        pass
try:
    N.fromkeys('a')
except TypeError as e:
    print(e)
print(dict.fromkeys(range(3)), OrderedDict.fromkeys('xy') == {'x': None, 'y': None})
