# Objects hashed by identity (instances, functions, types) and datetimes in sets and
# dicts: their order, printed and drawn, and every id are the same at every run, whatever
# the addresses the objects got. (CPython orders them by address: not a corpus program.)
from datetime import date, datetime, time


class Node:
    pass


nodes = list(map(Node.__new__, [Node] * 300))
by_identity = set(nodes)
print(list(map(nodes.index, by_identity))[:30])
callables = {len, abs, min, max, print, sorted, Node, int, str, float, list, dict, tuple, set}
print(list(map(repr, callables)))
days = set(map(date, [2024] * 28, [1] * 28, range(1, 29)))
days |= set(map(datetime, [2024] * 24, [1] * 24, [1] * 24, range(24)))
print(list(days)[:12])
print(list(set(map(time, range(24), [30] * 24)))[:12])
print(id(None) == id(True), id(int) == id(str), id(None) == id(None))
empty = ()
print(empty is tuple(), {(): 1, (1,): 2})
