import pprint, io
data = {"name": "heapscope", "versions": list(range(30)), "nested": {"a": [1, 2, {"b": (3, 4)}], "z": None},
        "text": "a fairly long string that will not fit on one line when the width is small"}
pp = pprint.PrettyPrinter(indent=2, width=40)
pp.pprint(data)
print(pp.pformat([1, 2, 3]))
pprint.PrettyPrinter(width=30, compact=True).pprint(list(range(25)))
pprint.PrettyPrinter(depth=1).pprint(data)
pprint.PrettyPrinter(sort_dicts=False, width=50).pprint(data)
buf = io.StringIO()
p2 = pprint.PrettyPrinter(stream=buf, width=20)
p2.pprint({"k": list("abcdefgh")})
print(repr(buf.getvalue()))
print(p2.isreadable([1, 2]), p2.isrecursive([1]), pprint.PrettyPrinter().isreadable(object()))
r = [1]; r.append(r)
print(p2.isrecursive(r))
pprint.PrettyPrinter(underscore_numbers=True).pprint(10**8)
try:
    pprint.PrettyPrinter(indent=-1)
except ValueError as e:
    print(e)
try:
    pprint.PrettyPrinter(depth=0)
except ValueError as e:
    print(e)
class MyPP(pprint.PrettyPrinter):
    pass
MyPP(width=10).pprint(["aaaa", "bbbb", "cccc"])
print(type(pp).__name__, isinstance(pp, pprint.PrettyPrinter))
