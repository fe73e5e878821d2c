# math constants and rounding functions.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25))
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-2.5), math.ceil(-2.5))
print(math.floor(5), math.ceil(True), math.floor(1e20), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.fabs(2.5), math.pow(2, 10), math.pow(2, 0.5), math.pow(4, -1))
print(math.isfinite(1e308), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1.0))
