# What copy cannot copy, and copy.Error.
import copy
import math


def gen():
    yield 1


g = gen()
try:
    copy.copy(g)
except TypeError as e:
    print('TypeError:', e)
try:
    copy.deepcopy([1, g])
except TypeError as e:
    print('TypeError:', e)
try:
    copy.deepcopy(math)
except TypeError as e:
    print('TypeError:', e)
try:
    copy.copy()
except TypeError as e:
    print('TypeError:', e)
try:
    raise copy.Error('cannot')
except copy.Error as e:
    print(repr(e), type(e), issubclass(copy.Error, Exception))
print(copy.Error.__module__, copy.Error.__name__)
raise copy.Error('uncaught')
