# re: matching, searching, groups, findall/finditer, sub/subn, split, flags, compiled patterns
import re

m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m)
print(m.group(0), m.group(1), m.group(2), m.group(1, 2), m[1], m.groups(), m.span(2))
print(m.start(), m.end(), m.start(2), m.end(1), m.string, m.re, m.pos, m.endpos, m.lastindex)
print(re.match("abc", "xabc"), re.search("abc", "xabc"), re.fullmatch("a+", "aaa"))
print(re.fullmatch("a+", "aab"), re.search("$", "ab"), re.search("b*", "abc"))

date = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")
d = date.search("due 2024-03-15, paid 2024-04-01")
print(d, d.groupdict(), d["year"], d.group("month", "day"), d.lastgroup, date.groupindex)
print(date.pattern, date.groups, date.flags, date, re.compile("x", re.I | re.M))
print(date.findall("2024-03-15 and 2023-12-31"), date.sub(r"\g<day>/\g<month>/\1", "2024-03-15"))
print(date.sub(r"\3.\2.\1", "on 2024-03-15 and 1999-01-02"))
print([m.span() for m in re.finditer(r"\d+", "a1 b22 c333")], re.findall(r"(\w)(\d)", "a1 b2 c"))
print(re.findall(r"\b\w", "hello big world"), re.findall("x*", "axxb"), re.findall("", "ab"))

print(re.sub(r"\s+", " ", "too    many   spaces"), re.subn("a", "b", "banana"), re.sub("a", "b", "banana", 2))
print(re.sub("x*", "-", "abxd"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 2 30"), re.sub("a", r"\n", "a"))
print(re.sub("(a)|b", r"[\1]", "ab"), re.sub("a", "\\\\", "a"), re.sub("(?P<x>a)", r"\g<x>\g<1>", "a"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(",", "a,b,c", 1))
print(re.split("x*", "axbc"), re.split(r"(a)|b", "1a2b3"), re.split("\n", "l1\nl2"))

print(re.findall("^a", "a\na", re.M), re.findall("a.", "a\nab", re.S), re.findall("A", "aA", re.I))
print(re.match(r"""(?x) (\d+)   # number
                   \s* ([a-z]+) # unit""", "42 kg").groups(), re.search("(?i)hello", "Say HELLO"))
print(re.escape("1+1=2? (yes) a.b"), re.compile("ab") == re.compile("ab"), int(re.I), (re.IGNORECASE | re.DOTALL) == 18)
print(re.search(r"(a)(b)?", "ac").groups(), re.search(r"(a)(b)?", "ac").groups("-"), re.search("(a)(b)?", "ac").span(2))
print(re.search(r"((a)b)", "ab").lastindex, re.search(r"(?P<n>a)|b", "b").lastgroup, re.search("a|(b)", "a").lastindex)
print(re.search(r"é+", "caféé!"), re.findall(r"\w+", "naïve café"), re.sub("ü", "ue", "Müller"))
print(re.search(r"\d", "x٣y"), re.match(r"a\Z", "a\n"), re.match(r"a$", "a\n"), re.search(r"(?<=-)\w+", "x-ray"))
print(re.search(r"(\w)\1", "hello"), re.search(r"(?P<c>\w)(?P=c)", "abba"), re.match("a{,2}", "aaaa"))
pattern = re.compile(r"o")
print(pattern.search("foo", 2), pattern.match("foo", 1), pattern.search("foo", 0, 1), pattern.findall("foo boo", 3))
print(bool(re.match("a", "a")), re.match("a", "a") is not None, type(m).__name__, type(pattern).__name__)

for bad in ["(", "a)", "*", "a**", "[a", "a{2,1}", "(?P<n>a)(?P<n>b)", "\\", "(?P=x)", r"\q", "(?z)", "[b-a]", "a(?i)b", r"(a)\2"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(type(e).__name__, e)
for f in (lambda: re.sub("a", r"\g<2>", "a"), lambda: re.sub("(a)", r"\g<x>", "a"), lambda: re.sub("a", r"\q", "a"),
          lambda: re.search("a", 5), lambda: re.compile(5), lambda: m.group(3), lambda: m.group("nope"),
          lambda: re.compile(re.compile("a"), re.I), lambda: re.sub("a", lambda m: 5, "a"), lambda: m["x"]):
    try:
        print(f())
    except (re.error, TypeError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
