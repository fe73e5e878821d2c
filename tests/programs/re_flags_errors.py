# re: flags as RegexFlag members, re.error's msg/pattern/pos/lineno/colno, the cache of
# compiled patterns, lazy finditer (a scanner), re.ASCII, iter(callable, sentinel)
import re


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


print(re.I, repr(re.I), str(re.M), re.I | re.M, re.NOFLAG, re.A, re.U, re.X, re.S, re.DEBUG, re.T)
print(type(re.I), type(re.I | re.M), re.I == 2, int(re.I), re.I.name, re.I.value, re.I | 1024)
print(list(re.RegexFlag), re.RegexFlag(2), re.RegexFlag(3), re.RegexFlag(1024), ~re.I)
print(re.I & re.M, re.IGNORECASE is re.I, re.I in (re.I | re.M), f"{re.I | re.S}", format(re.M, ">16"))
print(re.RegexFlag.__name__, re.RegexFlag.__module__, isinstance(re.I, int), bool(re.NOFLAG), re.I + 1)
print(re.compile("a", re.I | re.M), re.compile("a", re.I).flags, re.compile("x", re.A | re.X))
print(re.compile(r"\w+", re.I | re.S).pattern, re.compile("a", 2 | 8), re.compile("a", re.I | 8).flags)

# the cache: the same source and flags give the same Pattern while it lives
p = re.compile(r"\d+")
print(p is re.compile(r"\d+"), p is re.compile(r"\d+", re.I), re.compile(r"\d+", re.I) is re.compile(r"\d+", re.I))
print(re.compile(p) is p, re.match(r"\d+", "42").re is p, re.search(r"\d+", "x7").re is p)

# finditer is lazy: one match per next()
it = re.finditer(r"\d", "a1b22c")
print(type(it).__name__, next(it), next(it).span(), [m.group() for m in it], list(it))
sc = p.scanner("1 22 333")
print(type(sc).__name__, sc.pattern is p, sc.search(), sc.search().group(), sc.match(), sc.search(), sc.search())
print([m.span() for m in re.finditer(r"x*", "axxb")], [m.group() for m in re.compile("a").finditer("aaa", 1, 2)])
seen = []
for m in re.finditer(r"\w+", "one two three"):
    seen.append(m.group())
    if len(seen) == 2:
        break
print(seen)

# ASCII
print(re.findall(r"\w+", "héllo wörld"), re.findall(r"\w+", "héllo wörld", re.A), re.findall(r"\d", "1٢3"))
print(re.findall(r"\d", "1٢3", re.ASCII), re.findall(r"\s", "a\u00a0b c"), re.findall(r"\s", "a\u00a0b c", re.A))
print(re.match(r"(?a)\w+", "naïve"), re.match(r"\W", "é", re.A), re.findall(r"[\w]+", "ça va", re.A))
print(re.match("É", "é", re.I), re.match("É", "é", re.I | re.A), re.match(r"\bé", "é"), re.match(r"\bé", "é", re.A))
print(re.findall(r"[\W\d]+", "aé1 b", re.A), re.findall(r"[^\s\w]", "é a\u00a0", re.A), re.findall(r"\Bé", "aé", re.A))
print(re.findall(r"(?a)\S+", "x\u2003y z"), re.sub(r"\w", "*", "Tér 9", flags=re.A | re.I), re.split(r"\W+", "a-b_é", flags=re.A))

# iter(callable, sentinel)
data = [3, 2, 1, 0, 5]
print(list(iter(data.pop, 1)), data, type(iter(int, 1)).__name__)
attempt("iter(1, 2)", lambda: iter(1, 2))
attempt("iter()", lambda: iter())
attempt("iter(1, 2, 3)", lambda: iter(1, 2, 3))

# re.error
for pattern in ["a(b", "a)b", "[a-", "*a", "a**", r"a\q", "(?P<n>a)(?P<n>b)", "[z-a]", "a{3,2}",
                "(?P<1>a)", r"(?P=x)", "a\n(b\nc", "(?i)a(?s)b" if False else "x(?i)", "\\", "(?<=a+)b"]:
    try:
        re.compile(pattern)
        print(repr(pattern), "compiles")
    except re.error as e:
        print(repr(pattern), "->", e, "|", e.msg, "|", repr(e.pattern), e.pos, e.lineno, e.colno, e.args)
for repl in [r"\g<2>", r"\g<x", r"\q", "\\", r"\g<>", r"\9"]:
    try:
        re.sub("(a)", repl, "a")
    except (re.error, IndexError) as e:
        print(repr(repl), "->", type(e).__name__, e, getattr(e, "pos", None), repr(getattr(e, "pattern", None)))
e = re.error("boom")
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno, e.args)
e = re.error("boom", "ab\ncd", 4)
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno, e.args, isinstance(e, Exception), re.error.__module__)
attempt("re.error()", lambda: re.error())
attempt("raise", lambda: (_ for _ in ()).throw(re.error("x", "y", 0)))
