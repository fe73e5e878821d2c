import sys

class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code

def load(name):
    try:
        return {"a": 1}[name]
    except KeyError as e:
        err = AppError(f"no setting {name!r}", 2)
        err.__cause__ = e
        err.add_note("check the settings file")
        raise err

try:
    load("b")
except AppError as e:
    print(e, e.code, repr(e.__cause__), e.__suppress_context__, e.__notes__)
    saved = e

e = ValueError("plain")
e.hint = "try again"
e.add_note("first")
print(e.hint, e.__dict__, vars(e))
e.args = ["a", "b"]
print(e.args, str(e))
e.__suppress_context__ = True
e.__context__ = saved
print(e.__context__ is saved, e.__suppress_context__)
del e.hint
print(e.__dict__)

def inner():
    raise TypeError("deep")

def outer():
    try:
        inner()
    except TypeError:
        tb = sys.exc_info()[2]
        return tb

tb = outer()
print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
try:
    raise RuntimeError("again").with_traceback(tb)
except RuntimeError as r:
    t = r.__traceback__
    lines = []
    while t is not None:
        lines.append(t.tb_lineno)
        t = t.tb_next
    print(lines)
    r.__traceback__ = None
    print(r.__traceback__)

class Notes(Exception):
    pass
n = Notes("with notes")
n.__notes__ = ["one", 2]
try:
    n.add_note(3)
except TypeError as x:
    print(x)
n.add_note("three")
print(n.__notes__)
err = KeyError("missing")
err.add_note("line one\nline two")
raise AppError("top") from err
