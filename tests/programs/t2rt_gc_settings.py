# Collector settings: enable/disable, thresholds, generations.
import gc
print(gc.isenabled(), gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
gc.enable()
print(gc.isenabled())
print(gc.collect(0), gc.collect(1), gc.collect(generation=2))
print(gc.collect())
