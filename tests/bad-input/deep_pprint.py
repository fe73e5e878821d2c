# pprint of a list nested 200,000 deep: CPython's pprint is Python code, a frame per level,
# so it ends in RecursionError; Heapscope's C pprint must count the same levels
import pprint
a = []
for i in range(200000):
    a = [a]
print(pprint.pformat(a))
