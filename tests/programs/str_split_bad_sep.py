# found by fuzz/fuzz-diff.py: the separator of split/rsplit must be str or None
for sep in ((1,), 2, None, " "):
    try:
        print("a b".split(sep))
    except TypeError as e:
        print(e)
    try:
        print("a b".rsplit(sep))
    except TypeError as e:
        print(e)
