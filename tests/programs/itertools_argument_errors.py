# islice's and product's argument errors as CPython's: which of islice's messages a bad
# start, stop or step gets, and product's repeat read through __index__.
from itertools import islice, product


class Three:
    def __index__(self):
        return 3

    def __repr__(self):
        return "Three()"


for args in ((10**19,), (-1,), (-5,), ("a",), (10**19, 2), (-1, 2), (0, -2), (0, 10**19),
             (0, "a"), ("a", 5), (0, 5, 0), (0, 5, -1), (0, 5, 10**19), (0, 5, "a"),
             (None, None, None), (Three(),), (1, Three(), Three())):
    try:
        print(args, list(islice(range(10), *args)))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)

for r in (2, True, Three(), -1, 10**19, "a", 2.5):
    try:
        print(repr(r), len(list(product("ab", repeat=r))))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
