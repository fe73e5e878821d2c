import sys
def inner():
    raise TypeError("deep")
def outer():
    try:
        inner()
    except TypeError:
        return sys.exc_info()[2]
tb = outer()
def reraise():
    raise RuntimeError("again").with_traceback(tb)
reraise()
