# A dict display with two or more constant keys: CPython 3.11's compiler puts the keys in one
# constant tuple (BUILD_CONST_KEY_MAP), which holds each key beside the code's own constants.
import sys

d = {'hello': 1, 'world': 2}
print(sys.getrefcount('hello'), sys.getrefcount('world'))
single = {'solo': 1}
print(sys.getrefcount('solo'))


def make():
    return {'kzeta': [1], 'kgamma': (2, 3), -1: 'neg', (4, 5): 'pair'}


print(sys.getrefcount('kzeta'))
made = make()
print(sys.getrefcount('kzeta'), made)
again = make()
print(sys.getrefcount('kzeta'), made['kzeta'] is again['kzeta'], list(again))
dup = {'k1': 1, 'k1': 2, 'k2': 3}
print(dup, sys.getrefcount('k1'))
mixed = {'m1': 1, 'm2': len(d), **single}
print(mixed, sys.getrefcount('m1'))
