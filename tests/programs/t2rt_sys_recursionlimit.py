# The recursion limit can be read and changed.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(40))
sys.setrecursionlimit(1000)
print(sys.maxsize, sys.maxsize + 1 > 2 ** 63 - 1)
sys.setrecursionlimit(0)
