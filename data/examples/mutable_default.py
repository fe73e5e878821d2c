# Mutable default arguments are created once, when `def` runs.
# Every call that uses the default gets the SAME list object, so it
# remembers what earlier calls put in it.
def add_item(item, bucket=[]):
    bucket.append(item)
    return bucket

first = add_item("a")
second = add_item("b")
print(first, second)         # ['a', 'b'] ['a', 'b']
print(first is second)       # True: both are the default list

# Passing a list explicitly avoids the shared default.
print(add_item("c", []))

# The usual fix: use None as the default and build a fresh list inside.
def add_item_safe(item, bucket=None):
    if bucket is None:
        bucket = []          # a new list on every call
    bucket.append(item)
    return bucket

print(add_item_safe("a"), add_item_safe("b"))
