# re, differential: random patterns from a small grammar run on random subjects (fixed seed),
# each printing search, findall, finditer spans, sub and split as CPython computes them
import random
import re

random.seed(1729)
ATOMS = ["a", "b", "c", ".", "[ab]", "[^a]", r"\d", r"\w", r"\s", r"\W", "x", " ", "[a-c1]"]
QUANTS = ["", "", "", "*", "+", "?", "{1,2}", "{2}", "*?", "+?", "??", "{0,1}"]


def atom(depth):
    r = random.random()
    if depth < 2 and r < 0.2:
        inner = alternation(depth + 1)
        return random.choice(["(", "(?:"]) + inner + ")"
    if r < 0.25:
        return random.choice(["^", "$", r"\b"])
    return random.choice(ATOMS) + random.choice(QUANTS)


def sequence(depth):
    return "".join(atom(depth) for _ in range(random.randint(1, 3)))


def alternation(depth):
    return "|".join(sequence(depth) for _ in range(random.choice([1, 1, 1, 2])))


def subject():
    return "".join(random.choice("abc1 x\n") for _ in range(random.randint(0, 9)))


for case in range(150):
    pattern = alternation(0)
    flags = random.choice([0, 0, re.I, re.M, re.S])
    text = subject()
    try:
        p = re.compile(pattern, flags)
    except re.error as e:
        print(case, repr(pattern), "error:", e)
        continue
    m = p.search(text)
    print(case, repr(pattern), int(flags), repr(text), m and (m.span(), m.groups()))
    print("  ", p.findall(text), [mm.span() for mm in p.finditer(text)])
    print("  ", repr(p.sub("<\\g<0>>", text)), p.split(text), p.subn("", text)[1])
