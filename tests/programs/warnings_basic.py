import warnings

def old_function():
    warnings.warn("old_function is deprecated", DeprecationWarning, stacklevel=2)
    return 1

def check(x):
    if x < 0:
        warnings.warn("negative value")
    return abs(x)

print(check(-3))
print(check(-4))
for i in range(3):
    check(-i - 1)
old_function()
old_function()
warnings.warn("plain")
warnings.warn(RuntimeWarning("as instance"))
warnings.warn("future", FutureWarning)
warnings.warn("pending", PendingDeprecationWarning)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    check(-1)
    check(-1)
    print(len(w), w[0].category.__name__, str(w[0].message), w[0].lineno)
    print(str(w[0]).split(", filename")[0], w[0].line)

warnings.simplefilter("ignore", UserWarning)
check(-5)
warnings.resetwarnings()
warnings.simplefilter("error")
try:
    check(-6)
except UserWarning as e:
    print("caught", repr(e))
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="neg.*")
check(-7)
warnings.warn("other one")
warnings.filterwarnings("error", category=RuntimeWarning)
try:
    warnings.warn("rt", RuntimeWarning)
except RuntimeWarning as e:
    print("rt error", e)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3))
print(len(warnings.filters))
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
class MyWarning(UserWarning):
    pass
warnings.warn("custom", MyWarning)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once only")
warnings.simplefilter("error")
warnings.warn("final error")
