# A method bound to a method bound to a method... 50,000 deep: each link's call puts its
# self before the arguments it was given, so the calls hold a triangle of arguments; past
# the memory limit that is CPython's MemoryError (it was an abort in g_malloc)
import types


class A:
    pass


m = print
for i in range(50000):
    m = types.MethodType(m, A())
m()
