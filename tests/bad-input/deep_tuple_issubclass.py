import sys
sys.setrecursionlimit(10**6)
l = [int]
l.extend(zip(l, range(200000)))
print(issubclass(str, l[-1]))
