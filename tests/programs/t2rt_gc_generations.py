# Young-generation collections do not look at objects that survived one.
import gc
gc.disable()
gc.collect()
a = []
a.append(a)
print(gc.collect(0))
b = []
b.append(b)
del a
print(gc.collect(0))
del b
print(gc.collect(0))
print(gc.collect(1))
gc.enable()
