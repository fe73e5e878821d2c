# math.comb and math.perm take any n now: a result that cannot fit under the heap cap is a
# MemoryError before GMP starts on it (CPython would multiply for hours)
import math

print(math.comb(10**30, 10**15 // 4).bit_length())
