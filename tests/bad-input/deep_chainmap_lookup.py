# ChainMaps nested 200,000 deep: each lookup is a Python frame in CPython (RecursionError
# at the limit); Heapscope's C lookup must count the same levels, not recurse to SIGSEGV
from collections import ChainMap
c = ChainMap({"x": 1})
for i in range(200000):
    c = ChainMap(c)
print(c["x"])
