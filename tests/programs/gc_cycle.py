# A reference cycle is freed by the cycle collector.
import gc
gc.disable()
a = []
b = [a]
a.append(b)
del a, b
print(gc.collect() >= 2)
gc.enable()
