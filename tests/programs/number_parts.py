for x in [0, 7, -12, 10 ** 30, True, False]:
    print(x, x.real, x.imag, x.numerator, x.denominator, x.as_integer_ratio(), type(x.numerator), type(x.real))
for x in [0.0, -0.0, 1.5, -2.75, 0.1, 1e300, 5e-324, 123456.789, 2.0 ** 60, 1 / 3]:
    print(repr(x), x.real, x.imag, x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x)
print(float("inf").hex(), float("-inf").hex(), float("nan").hex())
for s in ["0x1.8p+0", "1.8p0", "  -0X1P-1074 ", "0x.8", "0x1.fffffffffffff7p+1023", "inf", "-Infinity", "nan", "0x10", "1p-1075", "0x1.00000000000008p+0", "0x1.000000000000081p+0"]:
    print(s, float.fromhex(s))
for bad in ["", "0x", "0x1p", "1.2.3", "0x1g", "abc", "0x1p1.5", "0x1.fffffffffffffcp+1023", "0x1p+2000"]:
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
for call in [lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio(), lambda: (5).as_integer_ratio(1), lambda: float.fromhex(5), lambda: (1.5).hex(2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)


class MyInt(int):
    pass


m = MyInt(42)
print(m.numerator, type(m.numerator), m.as_integer_ratio(), (2.5).real, type((3).imag))
print(sum(f.as_integer_ratio()[0] for f in [0.5, 0.25, 0.125]), float.fromhex("0x1.5p3"))
