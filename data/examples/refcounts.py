# Reference counts: how many arrows point at an object.
# sys.getrefcount reports one more than you expect, because passing the
# object to the function adds a temporary reference.
import sys

data = [1, 2, 3]
print(sys.getrefcount(data))     # 2: `data` + the argument

alias = data
print(sys.getrefcount(data))     # 3: `alias` points at it too

holder = [data, data]
print(sys.getrefcount(data))     # 5: two more arrows from holder

del alias
holder.pop()
print(sys.getrefcount(data))     # 3

del holder
print(sys.getrefcount(data))     # 2: back to just `data`
# When the count reaches zero the list is freed immediately.
del data
