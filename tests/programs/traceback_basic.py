import traceback, sys

def f(x):
    return 10 / x

def g():
    return f(0)

try:
    g()
except ZeroDivisionError:
    traceback.print_exc()
    s = traceback.format_exc()
    print(s)
    print(repr(s[-30:]))

try:
    int("abc")
except ValueError as e:
    lines = traceback.format_exception(e)
    print(lines)
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(type(e), e, e.__traceback__))
    traceback.print_exception(e, file=sys.stdout)
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs, fs.filename.endswith("traceback_basic.py"), fs.lineno, fs.name, fs.line)
    print(traceback.format_tb(e.__traceback__))

def deep(n):
    if n == 0:
        raise KeyError("boom")
    deep(n - 1)

try:
    deep(6)
except KeyError:
    print(traceback.format_exc(limit=2))
    print(traceback.format_exc(limit=-2))
    traceback.print_exc()

try:
    try:
        {}["a"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError:
    traceback.print_exc()
    traceback.print_exc(chain=False)

try:
    try:
        [][1]
    except IndexError:
        None + 1
except TypeError:
    print("".join(traceback.format_exc()))

print(traceback.format_exc())
def show():
    traceback.print_stack()
    print(traceback.extract_stack()[-1])
    print(traceback.format_stack(limit=1))
show()
traceback.print_exc()
e = ValueError("x")
e.add_note("a note")
print(traceback.format_exception_only(e))
print(traceback.format_exception(e))
print(traceback.format_exception(None))
