# getsizeof of ints (30-bit digits), bools, floats and None on 64-bit CPython 3.11.
import sys
for v in [0, 1, -1, 2 ** 30 - 1, 2 ** 30, 2 ** 60, 2 ** 90, -(2 ** 100)]:
    print(v, sys.getsizeof(v))
print(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(1.5), sys.getsizeof(None))
