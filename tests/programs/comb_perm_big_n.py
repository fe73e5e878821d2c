# math.comb and math.perm take any n, as CPython's do: k is what counts (its factors), with
# CPython's errors past LLONG_MAX of them; perm(n) is factorial(n). int.to_bytes with a
# length past 2**61 bytes is CPython's MemoryError, where length * 8 once wrapped around.
import math

n = 10**20
print(math.comb(n, 3), math.comb(n, n - 2), math.perm(n, 2))
print(math.comb(2**64, 2), math.perm(2**100, 3) % 1000003, math.comb(2**62 + 5, 5) % 97)
print(math.comb(10**30, 0), math.comb(10**30, 1), math.comb(10**30, 10**30), math.perm(10**30, 0))
print(math.comb(10, 10**30), math.perm(5, 10**30), math.perm(2**63, 1), math.perm(10**25, 1))
print(math.comb(1000, 500) % 1000, math.perm(1000, 500).bit_length(), math.perm(7, 7))
print(math.factorial(200000).bit_length(), math.perm(150000).bit_length())


class Index:
    def __index__(self):
        return 10**20


print(math.comb(Index(), 2), math.perm(Index(), True))
for args in [(-1, 2), (10**20, -1), (-1, -1), (2**64, 2**63), (2**65, 2**64 - 1), (2**64, 2**63, 1),
             (10**30,), (-5,), (1.5, 2), (10, "2"), (2**64, 2.0), (2**64, None)]:
    for name in ("comb", "perm"):
        try:
            print(name, args, getattr(math, name)(*args))
        except (ValueError, OverflowError, TypeError) as e:
            print(name, args, type(e).__name__, e)
for expr in ["(1).to_bytes(2**62)", "(1).to_bytes(2**62, 'little')", "(0).to_bytes(2**61 + 1)",
             "(-1).to_bytes(2**62, signed=True)", "(2**100).to_bytes(2**63)", "(1).to_bytes(2**61 - 1)"]:
    try:
        print(expr, len(eval(expr)))
    except (MemoryError, OverflowError) as e:
        print(expr, type(e).__name__, e)
