# sys.getrefcount counts references (plus one for the argument).
import sys
x = [1, 2]
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
