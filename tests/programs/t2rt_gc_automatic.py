# With the collector enabled, cycles are freed automatically past the threshold.
import gc
gc.collect()
for i in range(5000):
    a = []
    b = [a]
    a.append(b)
del a, b
print(gc.collect() < 1000)
