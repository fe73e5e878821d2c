#!/usr/bin/env python3
"""Writes the bad-input cases too big or too binary to write by hand. The outputs are
committed; run this again only to change them (the binary file is fixed: it is made from
a seeded generator, not /dev/urandom, so a re-run gives the same bytes)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
N = 100_000  # the brief's "100,000 nested brackets"
M = 30_000   # chains: far past any nesting limit, small enough to commit
D = 60_000   # left-nested chains: deep enough to overflow a C stack walked recursively


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name + ".py"), "wb") as f:
        f.write(data)


write("nested_parens_100k", "x = " + "(" * N + "1" + ")" * N + "\n")
write("nested_brackets_100k", "x = " + "[" * N + "]" * N + "\n")
write("nested_braces_100k", "x = " + "{" * N + "}" * N + "\n")
write("unclosed_brackets_100k", "x = " + "[" * N + "\n")
# each line leaves a call open after two juxtaposed names: the "forgot a comma?" check tried
# each expression twice, and again inside each try: 2**lines steps before issue #8
write("unclosed_juxtaposed_calls", "f(a b(\n" * 100)
write("nested_list_literal_300", "x = " + "[" * 300 + "]" * 300 + "\nprint(x)\n")
write("nested_ifs_1000",
      "".join(" " * i + "if True:\n" for i in range(1000)) + " " * 1000 + "pass\n")
write("long_sum_line", "x = " + "1+" * D + "1\nprint(x)\n")
write("long_attr_chain", "x = " + "a." * D + "b\nprint(x)\n")
write("long_unary_chain", "x = " + "-" * M + "1\nprint(x)\n")
write("long_not_chain", "x = " + "not " * M + "True\nprint(x)\n")
write("long_power_chain", "x = " + "1 ** " * M + "1\nprint(x)\n")
write("long_call_chain", "def f():\n    return f\n\n\nx = f" + "()" * D + "\nprint(x)\n")
write("long_ternary_chain", "x = " + "1 if False else " * M + "2\nprint(x)\n")
write("long_lambda_chain", "f = " + "lambda: " * M + "1\nprint(f)\n")
# past CPython's 3,000 levels of compilation, within its parser's 6,000 (RecursionError, not
# the parser's MemoryError)
write("not_chain_4000", "x = " + "not " * 4000 + "True\nprint(x)\n")
write("unary_chain_4000", "x = " + "-" * 4000 + "1\nprint(x)\n")
write("ternary_chain_4000", "x = " + "1 if False else " * 4000 + "2\nprint(x)\n")
# within both: 199 brackets (CPython's tokenizer allows 200) around 400 `not`s
write("brackets_199_around_nots", "x = " + "(" * 199 + "not " * 400 + "True" + ")" * 199
      + "\nprint(x)\n")
# a lambda's default costs CPython's parser 8 levels: 1,000 nested ones pass its 6,000
write("lambda_default_chain", "f = " + "lambda a=" * 1000 + "1" + ": a" * 1000 + "\nprint(f)\n")
write("long_compare_chain", "x = " + "1 < " * M + "2\nx.append(1)\n")
write("many_targets", "x" + " = x" * M + " = 1\nx.append(1)\n")
write("long_subscript_chain", "x = [0]\nx.append(x)\ny = x" + "[1]" * D + "\nprint(y[5])\n")
write("long_string_line", 'x = "' + "a" * 300_000 + '"\nprint(len(x))\nprint(x[600000])\n')
write("long_identifier", "a" * 20_000 + " = 1\nprint(" + "a" * 20_000 + " + b)\n")
write("huge_list_literal", "x = [" + "1, " * M + "]\nprint(len(x))\nprint(x[" + str(M) + "])\n")
write("many_lines", "x = 0\n" * 50_000 + "print(x)\nprint(y)\n")
write("invalid_utf8", b'print("caf\xe9")\n')
write("truncated_utf8", b'print("\xe2\x82")\n')
write("nul_byte", b'x = 1\n\x00print(x)\n')
write("latin1_comment", b'# r\xe9sum\xe9\nprint(1)\n')
rng = random.Random(20240601)
write("binary_file", bytes(rng.randrange(256) for _ in range(4096)))
