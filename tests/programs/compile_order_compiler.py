# The compiler's first error in the order of the module: a late future import is one
# of them, after the SyntaxWarning before it.
x = 1 is 1
break
from __future__ import braces
