# A module's missing attribute is compared with its globals.
import math
import random

random.seed(1)
print(math.sqrt(16), random.randint(1, 6))
print(math.sqr(2))
