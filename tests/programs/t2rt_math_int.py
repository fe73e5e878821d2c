# Exact integer functions of math.
import math
print(math.factorial(0), math.factorial(10), math.factorial(30))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, -4, 6), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(), math.lcm(3, 5, 7))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 40))
print(math.comb(10, 3), math.comb(3, 10), math.comb(50, 25))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)))
