# A cycle that a variable still reaches is not garbage.
import gc
gc.disable()
a = []
b = [a]
a.append(b)
keep = b
del a, b
print(gc.collect())
print(len(keep), len(keep[0]))
del keep
print(gc.collect())
gc.enable()
