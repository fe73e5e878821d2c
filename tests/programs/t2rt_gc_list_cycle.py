# Two lists that refer to each other survive `del` until the collector finds them.
import gc
gc.disable()
a = []
b = [a]
a.append(b)
print(len(a), len(b))
del a, b
print(gc.collect())
print(gc.collect())
gc.enable()
