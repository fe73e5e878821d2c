# from M import name binds the module's attribute; modules are cached.
from math import sqrt, pi
import math
import math as m
print(sqrt(81), pi == math.pi, m is math)
from random import randint, seed
seed(3)
print(randint(1, 100))
import sys, gc
print(sys.getrefcount is sys.getrefcount, gc.isenabled())
