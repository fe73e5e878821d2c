# A dataclass's generated __repr__ is Python code in CPython (two frames under
# _recursive_repr's wrapper), and repr() a call through C: a long chain's repr raises
# RecursionError at CPython's length, with CPython's message.
import sys
from dataclasses import dataclass
from typing import Optional


@dataclass
class Node:
    value: int
    next: Optional["Node"] = None


def repr_at_depth(k, x):
    if k:
        return repr_at_depth(k - 1, x)
    try:
        return len(repr(x))
    except RecursionError as e:
        return str(e)


sys.setrecursionlimit(40)
for name, x in (("leaf", Node(1)), ("two", Node(1, Node(2))), ("in a list", [Node(1)])):
    for k in range(36, 20, -1):
        result = repr_at_depth(k, x)
        if isinstance(result, int):
            print(f"{name}: repr {k} calls deep, {result} characters; one more: {last}")
            break
        last = result
chain, length = None, 0
while True:
    try:
        repr(chain)
    except RecursionError as e:
        print(f"a chain of {length - 1} nodes has a repr; of {length}: {e}")
        break
    chain, length = Node(length, chain), length + 1
