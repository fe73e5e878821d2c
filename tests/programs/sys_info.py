import sys

v = sys.version_info
# the micro version is left out: the oracle may be another 3.11 than the expected output's
print(repr(v).replace(str(v.micro), "M"))
print(type(v), type(v).__mro__)
print(v >= (3, 8), v[:2], v.major, v.minor, v.releaselevel, len(v), v[0], v[-1])
print(v == (3, 11, v.micro, "final", 0), hash(v) == hash(tuple(v)), tuple(v)[:2], list(v)[3:])
print(sys.version.startswith("3.11.%d" % v.micro), sys.hexversion >> 16, hex(sys.hexversion & 0xff))
print(sys.hexversion >= 0x030800F0)
major, minor = sys.version_info[:2]
print(major, minor)
for stmt in ["v.major = 4", "v.foo = 1", "del v.major", "type(v)()", "type(v)((1, 2))"]:
    try:
        exec(stmt)
    except Exception as e:
        print(type(e).__name__, e)
print(type(v).n_fields, type(v).n_sequence_fields, type(v).n_unnamed_fields)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(1.0 + sys.float_info.epsilon > 1.0, sys.float_info.max * 2)
print(sys.int_info)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(sys.maxunicode, chr(sys.maxunicode) == "\U0010ffff", sys.byteorder, sys.platform, sys.maxsize)

print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    t, e, tb = sys.exc_info()
    print(t, e, type(tb).__name__, tb.tb_lineno, sys.exception() is e)
    try:
        {}["k"]
    except KeyError:
        print(sys.exc_info()[0], repr(sys.exception()))
    print(sys.exc_info()[0])
print(sys.exc_info(), sys.exception())

print(sys.get_int_max_str_digits())
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
try:
    str(10 ** 1000)
except ValueError as e:
    print(e)
print(len(str(10 ** 999)))
for bad in [5, -1, "x", 10 ** 30]:
    try:
        sys.set_int_max_str_digits(bad)
    except Exception as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())

a = "".join(["hello", " ", "world"])
b = sys.intern(a)
c = sys.intern("hello world")
print(a == b, b is c, sys.intern(b) is b)
try:
    sys.intern(5)
except TypeError as e:
    print(e)
