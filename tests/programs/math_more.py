import math

values = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.7, -3.7, 10.0, 1e-300, 1e300, 0.1, 171.5, -171.5,  200.5, -200.5, 1e-25, 25.0, 1.5, -0.5, 141.3, -141.3, 5.25, 30.0]
specials = [float("inf"), float("-inf"), float("nan")]
names = ["acosh", "asinh", "atanh", "cbrt", "cosh", "sinh", "tanh", "exp2", "expm1", "log1p", "erf", "erfc", "gamma", "lgamma", "frexp", "modf", "ulp"]
for name in names:
    f = getattr(math, name)
    out = []
    for x in values + specials + [3, -2, 10 ** 20, True]:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))

pairs = [(1.0, 2.0), (-3.5, 2.0), (5.0, -0.0), (0.0, -1.0), (7.5, 0.0), (1e308, 1e-308), (float("inf"), 2.0), (2.0, float("inf")), (float("nan"), 1.0), (-7, 3), (10, 3), (float("-inf"), float("inf")), (5.5, 2.5), (-5.5, 2.5)]
for name in ["copysign", "fmod", "remainder", "nextafter", "atan2"]:
    f = getattr(math, name)
    out = []
    for x, y in pairs:
        try:
            out.append(repr(f(x, y)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))

for x, i in [(1.0, 10), (0.75, -2), (1.0, 1024), (1.0, -1075), (-2.5, 3), (1.0, 10 ** 30), (1.0, -10 ** 30), (0.0, 10 ** 30), (float("inf"), -5), (3, 2)]:
    try:
        print("ldexp", x, i if abs(i) < 10 ** 6 else "big", repr(math.ldexp(x, i)))
    except OverflowError as e:
        print("ldexp", type(e).__name__, e)
for x in [1.5, -8.0, 0.0, 1e-320]:
    m, e = math.frexp(x)
    print(m, e, math.ldexp(m, e) == x)

print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], (1, 1, 1)), math.dist(iter([3]), [0]))
print(math.dist((), ()), math.dist((1.5, float("inf")), (0, 0)), math.dist((float("nan"),), (1,)))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot())

for call in [lambda: math.dist((1, 2), (1, 2, 3)), lambda: math.dist((1, "a"), (1, 2)), lambda: math.dist(5, (1,)), lambda: math.dist((1,)), lambda: math.ldexp(1.0, 2.5), lambda: math.ldexp(1.0), lambda: math.copysign(1), lambda: math.gamma("x"), lambda: math.fmod(1, 2, 3), lambda: math.erf(), lambda: math.modf("a")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

# gamma and lgamma at many points: CPython's own Lanczos sum, digit for digit
random_points = [(-1) ** i * (i * 0.731 % 37.0 + 0.001 * i) for i in range(1, 301)]
print(sum(1 for x in random_points if x == int(x)))
print([repr(math.gamma(x)) for x in random_points[:60]])
print([repr(math.lgamma(x)) for x in random_points])
