# An exception chain that loops, or longer than 100, is printed as CPython prints it:
# each exception once, the whole chain, oldest first.
import traceback

a = ValueError("a")
b = KeyError("b")
c = TypeError("c")
a.__context__ = b
b.__context__ = c
c.__context__ = a
print("".join(traceback.format_exception(a)))

x = ValueError("x")
y = KeyError("y")
x.__cause__ = y
y.__cause__ = x
print("".join(traceback.format_exception(x)))

e = None
for i in range(150):
    n = IndexError(i)
    n.__context__ = e
    e = n
lines = traceback.format_exception(e)
print(len(lines), lines[0], lines[-1])

try:
    raise a
except ValueError as caught:
    print(caught is a, caught.__context__ is b)
raise e
