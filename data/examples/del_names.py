# del removes a NAME (or a slot), never the object directly.
# The object is freed only when no references to it remain.
a = [1, 2, 3]
b = a
del a              # the name a is gone; the list still has b
print(b)

x = "temporary"
del x              # nothing else refers to the str: it is freed
x = "again"        # the name can be bound again later
print(x)

d = {"key": [0]}
kept = d["key"]
del d["key"]       # removes the dict's reference only
print(d, kept)

items = [[1], [2], [3]]
first = items[0]
del items[0]       # the list slot is gone; `first` keeps [1] alive
del items[:]       # removes all remaining slots: [2] and [3] are freed
print(items, first)
