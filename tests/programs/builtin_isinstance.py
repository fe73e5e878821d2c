# isinstance() checks types, including tuples of types.
print(isinstance(1, int), isinstance(1.0, int), isinstance(1.0, float))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(None, int), isinstance(True, int))
print(isinstance(2 ** 90, int), isinstance(1, (str, int)))
print(isinstance([], (tuple, dict)), isinstance(False, bool))
def describe(v):
    if isinstance(v, bool):
        return "bool"
    elif isinstance(v, (int, float)):
        return "number"
    elif isinstance(v, str):
        return "text"
    return "other"
for v in [True, 3, 2.5, "hi", [], None]:
    print(describe(v))
