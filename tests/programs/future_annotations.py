"""Postponed annotations: with the future import they are kept as strings."""
from __future__ import annotations
import __future__


class Node:
    value: int
    next: Node | None = None
    children: list[Node] = ()
    table: dict[str, "Node"]
    pair: tuple[int, ...]


print(Node.__annotations__)
print(__future__.annotations)
print(__future__.all_feature_names[-1])
