# Importing a module that does not exist.
import math
print(math.floor(1.5))
import numpy
