import pprint

data = {
    "name": "Heapscope",
    "tags": ["python", "memory", "references", "garbage collection", "teaching"],
    "nested": {"a": [1, 2, 3], "b": (4, 5, 6), "c": {"deep": {"deeper": [7, 8, 9] * 5}}},
    "numbers": list(range(40)),
    "pairs": [(i, i * i) for i in range(12)],
    "empty": {},
    "set": {3, 1, 2, 10, 7},
    "frozen": frozenset({"x", "y"}),
    "single": (1,),
}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(data, sort_dicts=False, width=50)
pprint.pprint(data["numbers"], compact=True)
pprint.pprint(data["numbers"], compact=True, width=30, indent=3)
pprint.pp({"z": 1, "a": [1, 2], "m": "x" * 30}, width=20)
s = pprint.pformat(data, width=30)
print(type(s).__name__, len(s.splitlines()))
print(pprint.pformat([1, 2, 3]))
print(pprint.pformat("short"))

text = "The quick brown fox jumps over the lazy dog. " * 4
pprint.pprint(text)
pprint.pprint([text, "tiny"], width=50)
pprint.pprint({"poem": "line one\nline two is a bit longer than the first\nline three\n" * 2}, width=40)

big = [[i * j for j in range(8)] for i in range(6)]
pprint.pprint(big, width=30)
pprint.pprint(list(range(100)), width=60, compact=True)
lst = [1, 2]
lst.append(lst)
print(pprint.pformat(lst).replace(str(id(lst)), "ID"))
print(pprint.saferepr(lst).replace(str(id(lst)), "ID"))
print(pprint.isrecursive(lst), pprint.isreadable(lst), pprint.isreadable([1, "a"]))
pprint.pprint({1: "one", "two": 2, (3,): [3]}, width=10)
pprint.pprint({"k": [{"a": 1, "b": 2}, {"c": 3, "d": [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]}]}, width=25)
pprint.pprint(1234567890, underscore_numbers=True)
pprint.pprint([10**12, 3.5], underscore_numbers=True)
pprint.pprint(((1, 2), (3, 4), ("a long string element", "another long one")), width=20)

for bad in ({"indent": -1}, {"width": 0}, {"depth": 0}):
    try:
        pprint.pformat([1], **bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    pprint.pformat()
except TypeError as e:
    print("TypeError:", e)
