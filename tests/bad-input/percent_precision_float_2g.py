# a legal precision whose text would pass the heap cap: MemoryError at once (CPython
# allocates 2 GiB first)
print(len('%.2147483647f' % 1.5))
