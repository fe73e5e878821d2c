# A repetition past what a ssize_t counts: bytes raise CPython's OverflowError (bytearrays
# and lists MemoryError), strs "repeated string is too long"; a bytes %-precision past a C
# int is "prec too big" (a str's is "precision too big").
for what in ("b'ab' * 2**62", "'ab' * 2**62",
             "b'%.2147483648f' % 1.5", "'%.2147483648f' % 1.5"):
    try:
        print(what, "->", len(eval(what)))
    except (OverflowError, MemoryError, ValueError) as e:
        print(what, "->", type(e).__name__, e)
