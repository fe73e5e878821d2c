# How deeply a source may nest. CPython 3.11's parser gives up past 6,000 levels of its
# grammar (MemoryError, no message), its tokenizer past 200 open brackets (SyntaxError),
# and its symtable past 3 x the recursion limit, counted from 3 x the frames running
# (RecursionError). Each source is texts[i] * counts[i] joined, built in C so that no
# frame holds it (the trace stays small).
import sys
from operator import mul


def outcome(texts, counts):
    try:
        compile("".join(map(mul, texts, counts)), "<deep>", "exec")
        return "ok"
    except MemoryError as e:
        return "MemoryError " + repr(e.args)
    except RecursionError as e:
        return "RecursionError: " + str(e)
    except SyntaxError as e:
        return "SyntaxError: " + e.msg


def show(name, texts, counts):
    print(name + ":", outcome(texts, counts))


show("not x 2000", ("not ", "1"), (2000, 1))
show("not x 4000", ("not ", "1"), (4000, 1))
show("not x 100000", ("not ", "1"), (100_000, 1))
show("minus x 4000", ("-", "1"), (4000, 1))
show("minus x 7000", ("-", "1"), (7000, 1))
show("if-else x 4000", ("1 if 1 else ", "1"), (4000, 1))
show("if-else x 6500", ("1 if 1 else ", "1"), (6500, 1))
show("lambda x 2000", ("lambda: ", "1"), (2000, 1))
show("lambda x 3100", ("lambda: ", "1"), (3100, 1))
show("power x 2000", ("a ** ", "1"), (2000, 1))
show("power x 3100", ("a ** ", "1"), (3100, 1))
show("power of minus x 2100", ("a ** -", "1"), (2100, 1))
show("lambda default x 700", ("lambda a=", "1", ": a"), (700, 1, 700))
show("lambda default x 800", ("lambda a=", "1", ": a"), (800, 1, 800))
show("x = not x 4000", ("x = ", "not ", "1"), (1, 4000, 1))
show("x = not x 5990", ("x = ", "not ", "1"), (1, 5990, 1))
show("sum x 2900", ("a", "+a"), (1, 2899))
show("sum x 3100", ("a", "+a"), (1, 3099))
show("sum x 100000", ("a", "+a"), (1, 99_999))
show("attributes x 3100", ("a", ".b"), (1, 3100))
show("calls x 3100", ("a", "()"), (1, 3100))
show("subscripts x 3100", ("a", "[0]"), (1, 3100))
show("and x 100000", ("a", " and a"), (1, 99_999))
show("compare x 100000", ("a", " < a"), (1, 99_999))
show("parens x 199", ("(", "1", ")"), (199, 1, 199))
show("parens x 201", ("(", "1", ")"), (201, 1, 201))
show("brackets x 100000", ("[", "]"), (100_000, 100_000))
show("parens x 150 around not x 2000", ("(", "not ", "1", ")"), (150, 2000, 1, 150))
show("calls x 150 around not x 2000", ("f(", "not ", "1", ")"), (150, 2000, 1, 150))
show("lists x 150 around not x 2000", ("[", "not ", "1", "]"), (150, 2000, 1, 150))
show("a block around not x 5000", ("if 1:\n  ", "not ", "1\n"), (1, 5000, 1))


def at_depth(n, texts, counts):
    return outcome(texts, counts) if n == 0 else at_depth(n - 1, texts, counts)


# the frames running count: 2,500 levels compile at the top, not 200 calls down
print("sum x 2500, 10 frames down:", at_depth(10, ("a", "+a"), (1, 2499)))
print("sum x 2500, 200 frames down:", at_depth(200, ("a", "+a"), (1, 2499)))
sys.setrecursionlimit(1200)
show("sum x 3300, limit 1200", ("a", "+a"), (1, 3299))
sys.setrecursionlimit(1000)
show("sum x 3300, limit 1000", ("a", "+a"), (1, 3299))
try:
    exec("".join(map(mul, ("x = ", "not ", "1"), (1, 100_000, 1))))
except MemoryError as e:
    print("exec:", type(e).__name__, e.args)
try:
    eval("".join(map(mul, ("a", "+a"), (1, 4999))), {"a": 1})
except RecursionError as e:
    print("eval:", e)
