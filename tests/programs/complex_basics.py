# complex: literals, construction, arithmetic with ints and floats, repr, hash and attributes
import sys

z = 1 + 2j
w = complex(3, -4)
print(z, w, repr(z), str(w), type(z).__name__)
print(z + w, z - w, z * w, z / w, z ** 2, w ** -1)
print(z + 1, 1 - z, 2 * z, z / 2, 1.5 * z, z - 0.5, 3 / z)
print(-z, +z, abs(w), abs(3 + 4j), z.real, z.imag, z.conjugate(), w.imag.__class__.__name__)
print(1j, -1j, 0j, -0j, 0 - 0j, complex(0.0, -0.0), complex(-0.0, -0.0), 1e16j, 1.5e-7j)
inf = float("inf")
nan = float("nan")
print(complex(inf, -inf), complex(nan, 1), complex(1, nan), complex(nan, -0.0), 2j * inf)
print(complex(), complex(2), complex(1.5), complex(True, False), complex(2, 1j), complex(1j, 1j))
print(complex(real=2), complex(imag=3), complex(z) is z)
for text in ["1+2j", "  ( -1.5e3-2J ) ", "j", "-j", "infj", "nan+nanj", "+1.j", ".5j", "1_000j", "3"]:
    print(repr(text), complex(text))
print(z == 1 + 2j, z != w, 1 + 0j == 1, 1.0 == 1 + 0j, 2j == 2, z == "z", 3 + 0j in [3])
print(hash(1 + 2j), hash(3 + 0j) == hash(3), hash(0.5 + 0j) == hash(0.5), hash(-1 + 0j))
print({1j: "a", 1 + 0j: "b", 1: "c"}, bool(0j), bool(-0.0j), bool(1e-300j))
print((1 + 2j) ** 100, (1 + 2j) ** 101, (1 + 2j) ** -3, (1 + 2j) ** (3 + 4j), 1j ** 0.5)
print(2 ** 0.5j, (-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5, 0j ** 0, sum([1j, 2, 0.5]))
print(f"{z}", f"{w!r}", "%s" % (z,), format(z), [z, w], (z,))
a = 1j
b = 1j
twice = z * 2
print(a is b, sys.getrefcount(twice), sys.getsizeof(z))


def scale(c, k):
    return c * k


print(scale(z, 3), isinstance(z, complex), isinstance(1, complex))
