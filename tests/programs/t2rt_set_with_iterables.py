s = {1, 2, 3, 4}
print(s.intersection([2, 4, 9]), s & {4, 5})
print(s.issuperset([1, 2]), s.issuperset([1, 7]), s.issuperset(iter([])))
print(s.isdisjoint([7, 8]), s.isdisjoint((8, 3)))
t = set(s)
t.difference_update([1, 9], (2,))
print(t)
u = set()
u.update("abc", [1], range(3))
print(sorted(map(str, u)))
try:
    s.intersection([[1]])
except TypeError as e:
    print("TypeError", e)
try:
    s.isdisjoint([[1]])
except TypeError as e:
    print("TypeError", e)
try:
    s.issuperset(5)
except TypeError as e:
    print("TypeError", e)
