# The messages of CPython's METH_VARARGS str methods (PyArg_ParseTuple's wording).
# (Keyword arguments are left out: under sys.settrace CPython words that error differently.)
calls = [lambda: 'ab'.find(), lambda: 'ab'.find(1,2,3,4), lambda: 'ab'.count('a',1,2,3), lambda: 'ab'.startswith(), lambda: 'ab'.endswith(1,2,3,4), lambda: 'ab'.index(), lambda: 'ab'.rindex('a', 0, 1, 2), lambda: 'ab'.find(1), lambda: 'ab'.startswith(1), lambda: 'ab'.find('a', 'x'), lambda: 'ab'.rfind()]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print(e)
