# factorial(n) is refused by the size of its result against the heap cap (a MemoryError,
# as CPython's would end), where any n past 100,000 was refused
import math

print(math.perm(10**9).bit_length())
