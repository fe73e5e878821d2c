# random.seed takes bytes and bytearray as it takes a str: through SHA-512 (version 2), so
# b"dice" and "dice" seed the same sequence; other types are refused.
import random
for seed in ["dice", b"dice", bytearray(b"dice"), b"", "d\xe9", "d\xe9".encode()]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 6), random.choice("abc"))
gen = random.Random(b"\x00\xff")
print(gen.random(), gen.getrandbits(40))
for bad in [(1, 2), [1], {"k": 1}]:
    try:
        random.seed(bad)
    except TypeError as e:
        print("TypeError:", e)
