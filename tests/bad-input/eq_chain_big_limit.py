# Which check fires first depends on the build's frame sizes: the comparison's own (in
# comparison) or the frame push of the next __eq__ (plain message).
import sys
sys.setrecursionlimit(10**6)
class E:
    def __init__(self, inner):
        self.inner = inner
    def __eq__(self, other):
        return self.inner == other.inner
a = b = None
for i in range(200000):
    a = E(a)
    b = E(b)
print(a == b)
