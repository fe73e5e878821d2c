import pprint, io
import dataclasses
@dataclasses.dataclass
class Item:
    name: str
    tags: list = dataclasses.field(default_factory=list)
it = Item("widget", ["a" * 10, "b" * 10, "c" * 10, "d" * 10])
pprint.pprint(it, width=30)
pprint.pprint([it], width=40)
buf = io.StringIO()
pprint.pprint({"x": [1, 2, 3]}, buf)
print(repr(buf.getvalue()))
pprint.pp([1, 2, 3], None, 4, 5)
pprint.pprint({"text": "word " * 30}, width=40)
pprint.pprint(("word " * 30,), width=40)
pprint.pprint({(1, 2): {3, 4}, (0,): frozenset({9, 8})}, width=12)
pprint.pprint([{"a": 1}] * 3, width=8)
pprint.pprint(set(), width=1)
pprint.pprint([[]] * 3, width=3)
pprint.pprint(b"bytes are short")
pprint.pprint(["é" * 20, "ü" * 30], width=30)
pprint.pprint({"a": None, "b": True, "c": 1.5, "d": 2+3j}, width=10)
pprint.pprint([1, [2, [3, [4, [5]]]]], depth=3)
pprint.pprint({"a": {"b": {"c": {}}}}, depth=2)
pprint.pprint(list(range(30)), width=20.5)
