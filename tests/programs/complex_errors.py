# complex: CPython's errors for division by zero, orderings, bad constructor arguments, math
import math

tests = [
    lambda: (1 + 1j) / 0,
    lambda: 1 / 0j,
    lambda: 0j ** -1,
    lambda: 0 ** 1j,
    lambda: 2j ** 1e300,
    lambda: abs(complex(1e308, 1e308)) and abs(complex(1e308, 1e308)) * 10,
    lambda: 1j // 2,
    lambda: 1j % 2,
    lambda: divmod(1j, 1),
    lambda: 1j < 2,
    lambda: 1j >= 1j,
    lambda: ~1j,
]
constructors = [
    lambda: pow(1j, 2, 3),
    lambda: round(1j),
    lambda: int(1j),
    lambda: float(1j),
    lambda: math.sqrt(-1 + 0j),
    lambda: complex("1__0j"),
    lambda: complex(""),
    lambda: complex("(1+2j"),
    lambda: complex("1+2i"),
    lambda: complex("1e"),
    lambda: complex("1", 2),
    lambda: complex("1+2j", None),
    lambda: complex(1, "2"),
    lambda: complex([]),
    lambda: complex(None),
    lambda: complex(1, []),
    lambda: complex(x=2),
    lambda: complex(1, 2, 3),
    lambda: complex(10 ** 400),
    lambda: 1j + 10 ** 400,
    lambda: (2 + 3j).foo,
    lambda: (2 + 3j).conjugate(1),
]
for t in tests + constructors:
    try:
        print("ok", t())
    except Exception as e:
        print(type(e).__name__ + ":", e)

z = 3 + 4j
print(abs(z))
print(z / (z - z))
