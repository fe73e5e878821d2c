# a chain of Python __hash__ calls, each through C: with the limit raised, the C stack
# runs out first: RecursionError, not SIGSEGV (CPython 3.11 crashes here, or finishes
# where its specializing interpreter inlines the call, which it does not under a tracer)
import sys
sys.setrecursionlimit(10**6)
class Node:
    def __init__(self, inner):
        self.inner = inner
    def __hash__(self):
        return hash(self.inner)
n = 1
for i in range(200000):
    n = Node(n)
print(hash(n))
