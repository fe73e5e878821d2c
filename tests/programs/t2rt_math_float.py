# Logarithms, exponentials, trigonometry and exact sums.
import math
print(math.exp(0), math.exp(1), math.exp(-1))
print(math.log(100), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000))
print(math.log(10 ** 400), math.log(2 ** 1000, 2))
print(math.sin(1), math.cos(1), math.tan(1))
print(math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print(math.prod([2.5, 2], start=2))
