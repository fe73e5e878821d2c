# A seeded generator gives CPython's exact sequence.
import random
random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 10), random.randint(1, 10), random.randint(1, 10))
random.seed(42)
print(random.random())
random.seed(2024)
rolls = []
for i in range(10):
    rolls.append(random.randint(1, 6))
print(rolls)
random.seed("heapscope")
print(random.random())
random.seed(-7)
print(random.random())
