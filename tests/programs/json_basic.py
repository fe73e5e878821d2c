# json: dumps and loads as CPython's encoder and scanner
import json

data = {"name": "Ada", "age": 36, "langs": ["en", "fr"], "admin": True, "boss": None,
        "ratio": 0.5, "score": 1e20, "nested": {"a": [1, 2, {"b": ()}]}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent="\t"))
print(json.dumps([1, 2, [3, [4]]], separators=(",", ":")))
print(json.dumps({}), json.dumps([]), json.dumps({"a": {}}, indent=4), json.dumps([[]], indent=1))
print(json.dumps("héllo \"quoted\"\n\t\\ ☃ 🐍"), json.dumps("héllo ☃", ensure_ascii=False))
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps((1, 2)), json.dumps(12345678901234567890), json.dumps(-0.0), json.dumps(3.0))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps({(1, 2): 3}, skipkeys=True))
print(json.dumps({1, 2} and [3], default=str), json.dumps({"s": {1}}, default=sorted))
for bad in [{"s": {1, 2}}, {(1, 2): 3}, [float("nan")]]:
    try:
        json.dumps(bad, allow_nan=False)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)

text = '{"x": [1, 2.5, -3e2, true, false, null], "s": "a\\nb\\u00e9\\ud83d\\ude00", "e": {}}'
obj = json.loads(text)
print(obj, type(obj["x"][1]).__name__, obj["s"])
print(json.loads("  42 "), json.loads('"hi"'), json.loads("[]"), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads(json.dumps(data)) == data)
for bad in ["", "[1, 2", '{"a" 1}', "{'a': 1}", "[1,]", '{"a": 1,}', "[1] x", '"abc', "tru",
            '"bad \\q"', "\n\n  [1 2]", '{"a": 1 "b": 2}', '"tab\there"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e)
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
print(issubclass(json.JSONDecodeError, ValueError))
