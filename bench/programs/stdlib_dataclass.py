# dataclasses: 200,000 instances made, compared and ordered (generated __init__/__eq__/__lt__).
from dataclasses import dataclass


@dataclass(order=True)
class Point:
    x: int
    y: int = 0


points = [Point(i % 100, i % 7) for i in range(200000)]
same = sum(1 for p in points if p == Point(5, 5))
print(same, min(points), max(points))
