# dir() of exceptions (with their own attributes), Counter and OrderedDict
from collections import Counter, OrderedDict

class AppError(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code

e = AppError("bad", 7)
print(dir(e))
print(e.__dict__, dir(ValueError) == dir(ValueError("x")))
for exc in [BaseException(), KeyError("k"), StopIteration(5), OSError(2, "gone", "f.txt"),
            SyntaxError("oops", ("m.py", 3, 4, "x = (", 3, 5)), NameError("n"), SystemExit(1)]:
    print(type(exc).__name__, [n for n in dir(exc) if not n.startswith("__")])
s = SyntaxError("oops", ("m.py", 3, 4, "x = (", 3, 5))
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset, s.print_file_and_line)
o = OSError(2, "gone", "f.txt")
print(o.errno, o.strerror, o.filename, o.filename2)
try:
    o.characters_written
except AttributeError as err:
    print("AttributeError", err)
class Stop(StopIteration):
    pass
print(Stop(9).value, StopIteration().value)
w = ValueError("w")
w.__setstate__({"extra": 1, "more": [2]})
print(w.extra, w.more, w.__dict__, sorted(set(dir(w)) - set(dir(ValueError))))
w.__dict__ = {"only": True}
print(w.__dict__, w.only)
try:
    w.__setstate__(5)
except TypeError as err:
    print("TypeError", err)

c = Counter("mississippi")
print(dir(c))
print(dir(Counter) == dir(c), Counter.__module__, c.__module__, c.__dict__, type(Counter.__dict__["__weakref__"]).__name__)
c.note = "counted"
print(c.__dict__, "note" in dir(c))
c["m"] = 0
c["z"] = -2
print(c._keep_positive() is c, c)
od = OrderedDict(b=2, a=1)
print(dir(od))
print(dir(OrderedDict) == dir(od), od.__dict__, OrderedDict.keys, OrderedDict.__iter__)
od.tag = 1
print(od.__dict__, "tag" in dir(od))
od["c"] = 3
del od["b"]
od |= {"d": 4}
print(list(od.keys()), list(od.values()), list(od.items()), list(od.__reversed__()))
print(od.pop("a"), OrderedDict.fromkeys("xy", 0), od)
od.clear()
print(od)
