# A missing module attribute.
import math
print(math.sqrt(9))
print(math.nothing_here)
