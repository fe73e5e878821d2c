# OSError and its family: errno, strerror, file names, the subclass an errno picks, IOError.
e = OSError(2, "No such file or directory", "a.txt")
print(type(e).__name__, e, e.args, e.errno, e.strerror, e.filename, e.filename2)
print(OSError("plain"), OSError("plain").errno, OSError(1, 2).strerror, OSError(13, "denied"))
print(type(OSError(17, "x")).__name__, type(OSError(999, "x")).__name__, IOError is OSError, EnvironmentError)
print(OSError(1, "a", "f", None, "g"))
print(str(FileNotFoundError("missing")), repr(OSError(2, "x", "f")))
try:
    raise FileNotFoundError(2, "No such file", "notes.txt")
except IOError as err:
    print("caught", type(err).__name__, err)
class MyErr(OSError):
    pass
m = MyErr(5, "io", "f.txt")
print(m, m.args, m.filename)
class Custom(OSError):
    def __init__(self, path):
        super().__init__(2, "gone", path)
c = Custom("x.py")
print(c, c.filename, c.args)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError), EOFError.__mro__)
for w in (UserWarning, DeprecationWarning, StopAsyncIteration, FloatingPointError):
    print(w.__name__, w.__base__.__name__)
