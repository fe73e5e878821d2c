# range and slice as CPython 3.11's type dicts hold them: start, stop and step are read-only
# member descriptors, range has __bool__ (no OverflowError for a huge one) and __reversed__;
# dir() of both is CPython's.
r = range(2, 20, 3)
s = slice(1, None, 2)
print(r.start, r.stop, r.step, s.start, s.stop, s.step)
print(range.start, slice.step, type(range.stop).__name__)
print(range.start.__get__(range(4, 5)), slice.stop.__get__(slice(7)), range.step.__name__)
for target, name in [(r, "start"), (s, "stop")]:
    try:
        setattr(target, name, 0)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        delattr(target, name)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    range.start.__set__(r, 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    range.start.__get__(s)
except TypeError as e:
    print("TypeError:", e)
print(bool(range(0)), bool(range(5, 1)), bool(range(10**30)), range(3).__bool__())
print(list(r.__reversed__()), type(r.__reversed__()).__name__, list(reversed(range(3))))
print(dir(range))
print(dir(slice))
print(dir(r) == dir(range), dir(s) == dir(slice))
