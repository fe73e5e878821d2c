# A method bound to a method bound to a method... 200,000 deep: each link's call puts its
# self before the arguments it was given, so the calls hold a triangle of arguments; past
# the heap cap that is CPython's MemoryError (it was an abort in g_malloc)
import types


class A:
    pass


m = print
for i in range(200000):
    m = types.MethodType(m, A())
m()
