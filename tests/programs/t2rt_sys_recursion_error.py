# Past a lowered recursion limit, RecursionError.
import sys
sys.setrecursionlimit(30)
def down(n):
    return down(n + 1)
down(0)
