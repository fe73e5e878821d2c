# Small numeric algorithms: gcd, binary search, fast power.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(2 ** 80, 6 ** 20), gcd(17, 5))
def bsearch(items, target):
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        elif items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
data = list(range(0, 100, 7))
print(bsearch(data, 49), bsearch(data, 50))
def fast_pow(b, e):
    if e == 0:
        return 1
    half = fast_pow(b, e // 2)
    return half * half * (b if e % 2 else 1)
print(fast_pow(3, 45) == 3 ** 45, fast_pow(2, 100))
