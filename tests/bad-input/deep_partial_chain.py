# functools.partial of a partial, 200,000 deep: CPython flattens each into one partial over
# abs, so the call and the repr are one level (a C frame per level would overflow the stack)
import functools
f = abs
for i in range(200000):
    f = functools.partial(f)
print(f(-1), repr(f))
