# References held by function arguments and locals.
import sys
def count(obj):
    return sys.getrefcount(obj)
def count_with_local(obj):
    local = obj
    return sys.getrefcount(obj)
data = {"a": 1}
print(count(data), count_with_local(data), sys.getrefcount(data))
items = []
for i in range(3):
    items.append(data)
print(sys.getrefcount(data))
items.pop()
print(sys.getrefcount(data))
s = set([1, 2])
print(sys.getrefcount(s))
