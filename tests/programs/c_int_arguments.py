# Arguments CPython takes as a C int: past 2**31 - 1 the error is the conversion's
# OverflowError, before any range check of the function's own.
import random

for what in ("chr(2**31)", "chr(-(2**31) - 1)", "chr(2**31 - 1)", "chr(-1)",
             "'a\\tb'.expandtabs(2**40)", "b'a\\tb'.expandtabs(2**31)",
             "'a\\tb'.expandtabs(-(2**31))", "random.getrandbits(2**31)"):
    try:
        print(what, "->", repr(eval(what)))
    except (OverflowError, ValueError) as e:
        print(what, "->", type(e).__name__, e)
# and a Py_ssize_t index: list.insert/pop, bytearray.insert/pop
for what in ("[1].insert(2**100, 2)", "[1].pop(2**100)", "bytearray(b'x').insert(-(2**100), 1)",
             "bytearray(b'x').pop(2**63)", "[1, 2].pop(2**63 - 1)"):
    try:
        print(what, "->", repr(eval(what)))
    except (OverflowError, IndexError) as e:
        print(what, "->", type(e).__name__, e)
