# from M import *: the module's public names (its __all__ when it has one)
from math import *
from functools import *

print(sqrt(16), floor(2.5), pi, reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print("sqrt" in globals(), "_private" in globals(), callable(gcd))

from string import *
print(ascii_lowercase[:5], digits, capwords("hello world"))

from collections import *
c = Counter("hello")
print(c.most_common(2), deque([1, 2]), namedtuple("P", "x y")(1, 2))

from operator import *
print(add(2, 3), itemgetter(1)("ab"))

# and in exec'd text, to the namespace it runs in
ns = {}
exec("from bisect import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))

for text in ("def f():\n    from math import *\n", "class C:\n    from math import *\n"):
    try:
        exec(text)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)

from nosuchmodule import *
