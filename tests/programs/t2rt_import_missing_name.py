# Importing a name the module does not have.
from math import floor
print(floor(2.5))
from gc import nosuch
