# sys.getrefcount counts every reference, plus one for its own argument.
import sys
x = [1, 2]
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
box = [x, x, x]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
del y, box
print(sys.getrefcount(x))
d.clear()
print(sys.getrefcount(x))
t = (x,)
print(sys.getrefcount(x), sys.getrefcount(t))
