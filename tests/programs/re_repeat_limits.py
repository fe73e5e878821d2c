# Repetition counts: above MAXREPEAT - 1 (2**32 - 2) CPython's OverflowError, checked
# before min <= max and before what they repeat; {,n} and {m,} as CPython reads them.
import re
for p in ["a{4294967295}", "a{4294967296}", "a{,4294967295}", "a{4294967295,}",
          "a{99999999999999999999}", "a{5,4294967295}", "a{3,2}", "{3,2}", "x|{3,2}",
          "{4294967295}", "a{65535}", "a{2,}", "a{,2}", "a{,}", "a{}", "a{x}", "a{1,2}{3}"]:
    try:
        r = re.compile(p)
        print(p, "ok", [m.group() for m in r.finditer("aaa{}a{,}")])
    except re.error as e:
        print(p, "re.error:", e)
    except OverflowError as e:
        print(p, "OverflowError:", e)
