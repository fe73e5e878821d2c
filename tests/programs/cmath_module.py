import cmath
import math

# the constants
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.pi == math.pi, type(cmath.infj).__name__)

# square roots of negative numbers, and the branch cut's sides
print(cmath.sqrt(-1), cmath.sqrt(-4), cmath.sqrt(2))
print(cmath.sqrt(complex(-4, 0.0)), cmath.sqrt(complex(-4, -0.0)))
print(cmath.sqrt(3 + 4j), cmath.sqrt(1j))
roots = [cmath.sqrt(x) for x in range(-3, 4)]
print(roots)

# quadratic with complex roots
a, b, c = 1, 2, 5
d = cmath.sqrt(b * b - 4 * a * c)
print((-b + d) / (2 * a), (-b - d) / (2 * a))

# exponentials and logarithms; Euler's identity
print(cmath.exp(1j * cmath.pi))
print(cmath.exp(0), cmath.exp(1 + 1j))
print(cmath.log(-1), cmath.log(1j), cmath.log(10), cmath.log(8, 2), cmath.log(1 + 1j, 1j))
print(cmath.log10(100), cmath.log10(-1000))
print(cmath.log(0, 2))

# polar and rectangular forms
z = 1 + 1j
r, phi = cmath.polar(z)
print(r, phi, cmath.phase(z), abs(z))
print(cmath.rect(r, phi), cmath.rect(2, math.pi / 2), cmath.rect(1, 0))
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.phase(-1j))

# trigonometric and hyperbolic
for f in (cmath.sin, cmath.cos, cmath.tan, cmath.asin, cmath.acos, cmath.atan,
          cmath.sinh, cmath.cosh, cmath.tanh, cmath.asinh, cmath.acosh, cmath.atanh):
    print(f.__name__, f(0.5 + 0.25j), f(2), f(-3j))
print(cmath.asin(2), cmath.acos(2), cmath.acosh(0.5), cmath.atanh(2))

# tests
print(cmath.isfinite(1 + 2j), cmath.isfinite(complex(cmath.inf, 0)), cmath.isinf(cmath.infj),
      cmath.isnan(cmath.nanj), cmath.isnan(1))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j),
      cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0, 1e-10j, abs_tol=1e-9))
print(cmath.isclose(cmath.infj, cmath.infj), cmath.isclose(cmath.inf, 1e308))


class Wave:
    def __init__(self, z):
        self.z = z

    def __complex__(self):
        return self.z


class Level:
    def __float__(self):
        return 9.0


print(cmath.sqrt(Wave(-9)), cmath.phase(Wave(1j)), cmath.sqrt(Level()))
print(cmath.sqrt(True), cmath.exp(False))


def attempt(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)


attempt(cmath.log, 0)
attempt(cmath.log, 2, 1)
attempt(cmath.log, 2, 0)
attempt(cmath.atanh, 1)
attempt(cmath.atanh, -1)
attempt(cmath.exp, 1000)
attempt(cmath.cosh, 1000 + 1j)
attempt(cmath.sinh, -1000)
attempt(cmath.exp, complex(1, cmath.inf))
attempt(cmath.rect, 1, cmath.inf)
attempt(cmath.polar, 1e308 + 1e308j)
attempt(cmath.phase, 1e300 + 1e-170j)
attempt(cmath.sqrt)
attempt(cmath.sqrt, 1, 2)
attempt(cmath.sqrt, z=4)
attempt(cmath.sqrt, 'four')
attempt(cmath.sqrt, None)
attempt(cmath.sqrt, 10 ** 400)
attempt(cmath.log)
attempt(cmath.log, 1, 2, 3)
attempt(cmath.log, 8, 'two')
attempt(cmath.rect, 1)
attempt(cmath.rect, 1, 1j)
attempt(cmath.isclose, 1)
attempt(cmath.isclose, 1, 2, 3)
attempt(cmath.isclose, 1, 2, rel_tol=-1)
attempt(cmath.isclose, 1, "x")
attempt(cmath.isclose, "x", 1, abs_tol=-1)
attempt(cmath.sqrt, Wave(3))
print(cmath.acos(3 + 4j) + cmath.asin(3 + 4j))
cmath.log(0j)
