import io, traceback, sys

# the tracebacks printed on stdout name this file: its folder is the test machine's
HERE = sys.argv[0].rsplit("/", 1)[0]


def out(*values):
    print(*(str(v).replace(HERE, "<dir>") for v in values))


def f(x):
    return 10 / x

def g():
    return f(0)

try:
    g()
except ZeroDivisionError:
    traceback.print_exc()
    s = traceback.format_exc()
    out(s)
    out(repr(s[-30:]))

try:
    int("abc")
except ValueError as e:
    lines = traceback.format_exception(e)
    out(lines)
    out(traceback.format_exception_only(e))
    out(traceback.format_exception(type(e), e, e.__traceback__))
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    out(buf.getvalue())
    for fs in traceback.extract_tb(e.__traceback__):
        out(fs, fs.filename.endswith("traceback_basic.py"), fs.lineno, fs.name, fs.line)
    out(traceback.format_tb(e.__traceback__))

def deep(n):
    if n == 0:
        raise KeyError("boom")
    deep(n - 1)

try:
    deep(6)
except KeyError:
    out(traceback.format_exc(limit=2))
    out(traceback.format_exc(limit=-2))
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
    out("".join(traceback.format_exc()))

out(traceback.format_exc())
def show():
    traceback.print_stack()
    out(traceback.extract_stack()[-1])
    out(traceback.format_stack(limit=1))
show()
traceback.print_exc()
e = ValueError("x")
e.add_note("a note")
out(traceback.format_exception_only(e))
out(traceback.format_exception(e))
out(traceback.format_exception(None))
