# Reference counts of instances held by variables, attributes and lists.
import sys
class Box:
    pass
b = Box()
print(sys.getrefcount(b))
other = Box()
other.inner = b
print(sys.getrefcount(b))
shelf = [b, b]
print(sys.getrefcount(b))
del other
print(sys.getrefcount(b))
shelf.clear()
print(sys.getrefcount(b))
