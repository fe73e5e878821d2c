# A partial has a __dict__ as CPython's: attributes set on it (its __doc__ too) are its own;
# func, args and keywords are read-only.
from functools import partial

basetwo = partial(int, base=2)
print(basetwo.__dict__)
basetwo.__doc__ = "Convert base 2 string to an int."
basetwo.uses = 0
print(basetwo("10010"), basetwo.__doc__, basetwo.uses, basetwo.__dict__)
basetwo.uses += 1
print(basetwo.uses, sorted(basetwo.__dict__))
del basetwo.uses
print(basetwo.__dict__, hasattr(basetwo, "uses"))
for name in ["func", "args", "keywords"]:
    try:
        setattr(basetwo, name, None)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del basetwo.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(basetwo.missing)
except AttributeError as e:
    print("AttributeError:", e)
basetwo.__dict__ = {"tag": "bits"}
print(basetwo.tag, basetwo.keywords)
