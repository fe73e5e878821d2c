# with the limit raised, the C stack runs out first: RecursionError, not SIGSEGV (where it runs
# out, and so the message's "while ..." part, depends on the frame sizes: ASan's are bigger)
import sys
sys.setrecursionlimit(10**6)
class Node:
    def __init__(self, inner):
        self.inner = inner
    def __repr__(self):
        return "N(" + repr(self.inner) + ")"
n = None
for i in range(200000):
    n = Node(n)
print(repr(n))
