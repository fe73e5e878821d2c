# csv's reader, writer and dialect registry and warnings.warn/warn_explicit are built-in
# functions, as CPython's come from _csv and _warnings (type(), repr, __module__, the
# argument counts' messages), though Heapscope writes them in Python.
import warnings, csv, io
def old_api(x):
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return x * 2
warnings.simplefilter("always")
print(old_api(2))
warnings.warn("plain warning")
with warnings.catch_warnings(record=True) as caught:
    warnings.warn("recorded", UserWarning)
    old_api(1)
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
print(type(warnings.warn).__name__, warnings.warn.__module__, csv.reader.__module__, type(csv.writer).__name__)
print(csv.reader, warnings.warn_explicit, csv.list_dialects())
r = csv.reader(io.StringIO("x,y\n"))
print(type(r).__name__, next(r), r.line_num)
for bad in [lambda: csv.reader(), lambda: csv.writer(io.StringIO(), "excel", 3), lambda: warnings.warn()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
warnings.filterwarnings("error", category=RuntimeWarning)
warnings.warn("now an error", RuntimeWarning)
