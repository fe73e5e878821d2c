# Cycles through dicts, lists, tuples and sets.
import gc
gc.disable()
d = {}
l = [d]
d["list"] = l
del d, l
print(gc.collect())
t = ([],)
s = set([t])
t[0].append(s)
del t, s
print(gc.collect())
outer = [[], []]
outer[0].append(outer)
outer[1].append(outer[0])
del outer
print(gc.collect())
gc.enable()
