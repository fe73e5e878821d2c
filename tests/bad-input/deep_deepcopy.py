import copy
import sys

sys.setrecursionlimit(10**6)
x = []
for i in range(200000):
    x = [x, {"k": (x,)}]
copy.deepcopy(x)
