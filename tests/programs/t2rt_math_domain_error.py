# math raises ValueError("math domain error") where the result is not a real number.
import math
print(math.sqrt(4))
print(math.sqrt(-4))
