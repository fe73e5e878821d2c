# product() keeps an index per pool, as CPython's does: a billion pools are a MemoryError
# (it was an abort in g_malloc)
import itertools

itertools.product(range(2), repeat=10**9)
