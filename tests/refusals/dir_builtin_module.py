import math
print(dir(range)[:2])
print(dir(math))
