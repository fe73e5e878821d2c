# asdict of a dataclass chain 100,000 deep: CPython's _asdict_inner is Python, so the
# recursion limit stops it (it recursed in C to a SIGSEGV)
from dataclasses import dataclass, asdict


@dataclass
class Node:
    next: object


n = Node(None)
for i in range(100000):
    n = Node(n)
asdict(n)
