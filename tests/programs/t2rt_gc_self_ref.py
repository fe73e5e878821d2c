# Self-referencing containers: each one is a cycle of one.
import gc
gc.disable()
l = [1, 2, 3]
l.append(l)
print(l)
del l
print(gc.collect())
d = {"name": "loop"}
d["self"] = d
print(d)
del d
print(gc.collect())
gc.enable()
