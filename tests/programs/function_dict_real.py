# A function's __dict__ is a real dict: writes through it are the function's attributes,
# and the program may hold it, share it or replace it.
import sys


def greet():
    return 'hi'


greet.calls = [0]
d = greet.__dict__
d['lang'] = ['en']
print(greet.lang, d is greet.__dict__, sys.getrefcount(d))
greet.calls[0] += 1
print(d)
del d['lang']
print(hasattr(greet, 'lang'))


def other():
    pass


other.__dict__ = d
d['shared'] = True
print(other.shared, greet.shared, other.__dict__ is greet.__dict__)
greet.__dict__ = {'fresh': 1}
print(greet.fresh, hasattr(greet, 'calls'), other.calls)
del d
del other
print(sorted(vars(greet)))
try:
    greet.__dict__ = None
except TypeError as e:
    print('TypeError:', e)
