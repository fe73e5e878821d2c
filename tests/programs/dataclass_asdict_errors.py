# asdict and astuple when a value cannot be converted: the error comes out and the
# half-built result is dropped (a list, a tuple or a dict holding the failed item).
from dataclasses import dataclass, asdict, astuple, field


@dataclass
class Point:
    x: object
    y: object = 0


@dataclass
class Path:
    points: list = field(default_factory=list)


p = Path([Point(1, 2), Point([3, 4], (5, {"k": 6}))])
print(asdict(p))
print(astuple(p))

for bad in ([1, (i for i in [])], (2, (i for i in [])), {"k": (i for i in [])}):
    for fn in (asdict, astuple):
        try:
            fn(Point(bad))
        except TypeError as e:
            print(fn.__name__, type(bad).__name__, e)

chain = Point(None)
for i in range(300):
    chain = Point([chain] if i % 2 else chain)
print(len(str(asdict(chain))))
