# deepcopy is Python code in CPython: every object it copies costs the frames copy.py runs
# for it, so deep structures raise RecursionError at the same depth, never crash.
import copy
import sys


class Node:
    def __init__(self, nxt=None):
        self.nxt = nxt


class Owned:
    def __init__(self, nxt):
        self.nxt = nxt

    def __deepcopy__(self, memo):
        return Owned(copy.deepcopy(self.nxt, memo))


def copy_at_depth(k, x):
    if k:
        return copy_at_depth(k - 1, x)
    try:
        copy.deepcopy(x)
        return "copied"
    except RecursionError as e:
        return str(e)


def nest(n, make):
    a = []
    for i in range(n):
        a = make(a)
    return a


sys.setrecursionlimit(30)
samples = {"int": 5, "empty list": [], "tuple": (1,), "set": {1}, "instance": Node(),
           "method": Node().__init__}
for name, x in samples.items():
    last = None
    for k in range(27, 0, -1):
        result = copy_at_depth(k, x)
        if result == "copied":
            print(f"{name}: copied {k} calls deep; one more: {last}")
            break
        last = result
for name, make in [("lists", lambda a: [a]), ("tuples", lambda a: (a,)), ("nodes", Node),
                   ("owned", Owned)]:
    depth = 1
    while True:
        try:
            copy.deepcopy(nest(depth, make))
        except RecursionError as e:
            print(f"{name}: {depth - 1} levels copy, {depth} raise {e}")
            break
        depth += 1
