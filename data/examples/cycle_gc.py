# Reference cycles and the cycle collector.
# Two lists pointing at each other keep each other's count above zero,
# so deleting the names does not free them; gc.collect() finds them.
import gc

gc.disable()             # so the collector runs only when we ask

a = []
b = [a]
a.append(b)              # a -> b -> a: a cycle
print(len(a), len(b))

del a
del b                    # unreachable now, but still alive (a leak)

found = gc.collect()     # the collector frees the unreachable cycle
print(found >= 2)

# A list that contains itself is the smallest cycle.
me = []
me.append(me)
print(me)
del me
print(gc.collect() >= 1)
gc.enable()
