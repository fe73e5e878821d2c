# traceback's functions on a caught exception, printing nothing that names the file
import traceback


def parse(text):
    return int(text)


def total(items):
    s = 0
    for it in items:
        s += parse(it)
    return s


try:
    total(["1", "2", "x3"])
except ValueError as err:
    frames = traceback.extract_tb(err.__traceback__)
    for fs in frames:
        print(fs.name, fs.lineno, repr(fs.line))
    name, line, func, text = frames[-1]
    print(func, text, len(frames[0]))
    print(traceback.format_exception_only(err))
    last = traceback.format_exc().splitlines()[-1]
    print(last)
    traceback.print_exc()

try:
    raise KeyError("missing")
except KeyError:
    print(traceback.format_exc().splitlines()[-1])
print(traceback.format_exc())
