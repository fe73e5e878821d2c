# Interned strings are ordinary objects with CPython 3.11's counts. An identifier-like
# constant is interned: the code that loads it holds it (equal constants of the module are
# one object), and so does the parsed program while it runs. sys.intern makes a string
# built at run time the interned one; the table of interned strings does not count.
import sys

print(sys.getrefcount('wallaby'))
pet = 'wallaby'
print(sys.getrefcount(pet))


def fetch():
    return 'wallaby'


print(fetch() is pet, sys.getrefcount(pet))

built = ''.join(['wom', 'bat'])
print(sys.getrefcount(built))
canon = sys.intern(built)
print(canon is built, sys.getrefcount(built))
again = sys.intern(''.join(['wo', 'mbat']))
print(again is built, sys.getrefcount(built))
print(sys.intern(''.join(['wall', 'aby'])) is pet, sys.getrefcount(pet))

# dict keys and values hold interned strings like any other
zoo = {'numbat': 1}
print(sys.getrefcount('numbat'))
zoo[built] = 2
zoo['quoll'] = built
print(sys.getrefcount(built), sys.getrefcount('quoll'))
keys = list(zoo)
print(keys[1] is built, sys.getrefcount(built))
del zoo, keys
print(sys.getrefcount(built))

# the last reference gone, the interned string is freed; a new one takes its place
del canon, again
print(sys.getrefcount(built))
del built
fresh = sys.intern(''.join(['wom', 'bat']))
print(sys.getrefcount(fresh))

# strings that are not identifier-like are not interned
phrase = 'wallaby hop'
other = ''.join(['wallaby', ' hop'])
print(phrase is other, sys.intern(other) is other, sys.getrefcount(other))

for bad in (7, None):
    try:
        sys.intern(bad)
    except TypeError as e:
        print('TypeError:', e)


class Name(str):
    pass


try:
    sys.intern(Name('kiwi'))
except TypeError as e:
    print('TypeError:', e)
try:
    sys.intern()
except TypeError as e:
    print('TypeError:', e)
