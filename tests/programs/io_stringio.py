# io.StringIO as an in-memory text file: write/read/seek/tell/lines, print(file=), json.dump/load
import io
import json

buf = io.StringIO()
print(buf.write("hello\n"), buf.tell(), buf.write("wörld\n"), buf.tell())
print(repr(buf.getvalue()), repr(buf.read()), buf.seek(0), repr(buf.read(3)), buf.tell())
print(repr(buf.readline()), repr(buf.readline()), repr(buf.readline()), buf.readable())
print("a", "b", sep="-", end="!\n", file=buf)
print(1, [2], None, file=buf)
print(file=buf)
buf.writelines(["x\n", "y\n"])
print(repr(buf.getvalue()))
buf.seek(0)
print([line for line in buf])
buf.seek(0)
print(buf.readlines(), buf.readlines())
print(buf.seek(0, 2), buf.seek(3), repr(buf.read(2)), repr(buf.readline(2)), buf.truncate(), buf.tell())
print(repr(buf.getvalue()))

s = io.StringIO("line one\nline two\nlast")
for number, line in enumerate(s, 1):
    print(number, repr(line))
s.seek(5)
s.write("ONE")
print(s.getvalue(), s.tell(), s.seek(0, 1))
p = io.StringIO()
p.seek(3)
p.write("x")
print(repr(p.getvalue()), p.truncate(1), repr(p.getvalue()), p.tell())
with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)

data = {"name": "Ada", "langs": ["en", "fr"], "age": 36, "ok": True, "none": None}
f = io.StringIO()
print(json.dump(data, f), repr(f.getvalue()))
f.seek(0)
print(json.load(f) == data)
g = io.StringIO()
json.dump([1, {"b": 2, "a": 1}], g, indent=2, sort_keys=True)
print(g.getvalue())
g.seek(0)
print(json.load(g))


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


col = Collector()
print("x", 2, sep=", ", file=col)
print(col.parts[:4], "".join(col.parts))
print(json.load(io.StringIO('{"a": [1, 2.5, "x"]}')))

for bad in (lambda: buf.write(5), lambda: buf.seek(1, 1), lambda: buf.seek(-1), lambda: buf.seek(0, 3),
            lambda: buf.truncate(-1), lambda: io.StringIO(5), lambda: buf.read("x"),
            lambda: json.dump({}), lambda: json.load(5), lambda: print(1, file=5),
            lambda: json.load(io.StringIO("{bad")), lambda: json.dump({1, 2}, io.StringIO())):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
buf.close()
print(buf.closed)
for bad in (lambda: buf.write("a"), lambda: buf.getvalue(), lambda: buf.tell(), lambda: iter(buf),
            lambda: buf.read()):
    try:
        print(bad())
    except ValueError as e:
        print("ValueError", e)
