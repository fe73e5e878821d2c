# A left shift past 2**61 digits of 30 bits is CPython's OverflowError (under that, past
# memory, its MemoryError: the bad-input case shift_past_memory); a shift of 0 or a right
# shift never allocates.
tests = [
    "1 << 30 * 2**63", "1 << 30 * (2**63 - 1) - 1", "1 << 30 * 2**61",
    "0 << 2**200", "1 >> 2**200", "-1 >> 2**200", "1 << -1",
]
for t in tests:
    try:
        print(t, "=", eval(t))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
