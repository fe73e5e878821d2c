# import forms; a missing module raises ModuleNotFoundError.
import math
import math as m
from math import sqrt, pi as PI

print(math.sqrt(9), m.floor(3.7), sqrt(2) == math.sqrt(2), round(PI, 3))
try:
    from sys import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e)
import numpy
