# A leading future import's error comes before the symbol table's (CPython reads the
# futures first), though the module is compiled a statement at a time.
from __future__ import braces
nonlocal x
