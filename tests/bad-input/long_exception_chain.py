# A chain of 200,000 exceptions built at run time, raised uncaught: the report walks it
# in a loop (CPython 3.11 overflows its C stack printing it).
e = None
for i in range(200000):
    n = ValueError(i)
    n.__context__ = e
    e = n
raise e
