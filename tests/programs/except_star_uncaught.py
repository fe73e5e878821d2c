# What no except* clause matches leaves the module re-raised: CPython reports no
# 'exception' for the re-raise, and the module's 'return' has no line (None)
def split(values):
    errors = [ValueError(v) for v in values if v < 0] + [TypeError(v) for v in values if v == 0]
    return ExceptionGroup("bad values", errors)


count = 0
try:
    raise split([-1, 0, -2])
except* ValueError as eg:
    count = len(eg.exceptions)
    print("handled", count, "ValueErrors")
print("not reached")
