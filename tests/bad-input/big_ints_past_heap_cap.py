# 30 ints of 20 MB each: their digits are GMP's memory, counted on the heap like any
# object's (they were not: 600 MB past the 512 MiB cap, then GMP aborted)
x = [2 ** (8 * 20_000_000) + i for i in range(30)]
print(len(x))
