# Strings CPython 3.11 allocates statically before a program runs (the names of its own C code
# and of its deep-frozen modules) are preallocated like the small ints: their count is the
# interpreter's, about 10**9. Other strings have the count the program gives them.
import sys

person = {'name': 'Ann', 'key': 1, 'data': [1, 2]}
for k in person:
    print(k, sys.getrefcount(k) > 10**9)

built = ''.join(['na', 'me'])
name_const = 'name'
print(built is name_const, sys.intern(built) is name_const)

counts = {'scores': 2}
print(sys.getrefcount('scores') > 10**9)
word = 'student'
print(sys.getrefcount(word))
