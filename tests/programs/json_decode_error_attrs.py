import json
import itertools

for doc in ['{bad}', '[1, 2,\n 3,, 4]', '"abc', '{"a": 1} x']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(e.msg, "|", e.pos, e.lineno, e.colno, e.doc == doc, e.args)
        err = e
print(isinstance(err, ValueError), sorted(vars(err)))

# a built-in type of a module shows its module in the default repr
groups = itertools.groupby("aab")
key, group = next(groups)
print(repr(group).split(" object at ")[0])
