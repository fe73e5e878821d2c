# randrange with steps, uniform, getrandbits, independent Random objects.
import random
random.seed(99)
print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(10, 0, -3))
print(random.randrange(-5, 5), random.randrange(2 ** 70))
print(random.uniform(1, 2), random.uniform(-1, 1))
print(random.getrandbits(1), random.getrandbits(32), random.getrandbits(100), random.getrandbits(0))
r = random.Random(7)
print(r.random(), r.randint(1, 6))
print(random.random())
