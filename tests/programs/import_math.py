# Importing a standard module.
import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1))
print(math.pi, math.gcd(12, 18))
from math import factorial
print(factorial(10))
