#!/usr/bin/env python3
"""Writes src/core/objects/hs-str-cpython-ids-table.h: the identifiers of two letters or more
that CPython 3.11 allocates statically and interns before a program runs (the `_Py_ID` names
of its C code and the names and constants of its deep-frozen modules: `'name'`, `'data'`,
`'key'`, `'__init__'`...). Their count there is 999999999 plus what the whole interpreter
holds, so Heapscope makes them immortal like the small ints (hs-str-cpython-ids.c).

A candidate is kept when, in a fresh `python3 -c` that imports only sys, interning a copy of
it gives an object whose count is at least 999999999 (the same set with -S and -I).

Usage (with CPython 3.11):
  build-aux/gen-cpython-static-ids.py > src/core/objects/hs-str-cpython-ids-table.h
"""
import _imp
import builtins
import os
import re
import subprocess
import sys
import sysconfig
import types

PROBE = """
import sys
for line in sys.stdin:
    s = line.strip()
    if sys.getrefcount(sys.intern(''.join(list(s)))) >= 999999999:
        print(s)
"""


def code_strings(co, out):
    out.update(co.co_names, co.co_varnames, co.co_cellvars, co.co_freevars,
               (co.co_name, co.co_qualname))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            code_strings(c, out)
        for x in c if isinstance(c, tuple) else (c,):
            if isinstance(x, str):
                out.add(x)


def candidates():
    out = set()
    for name in _imp._frozen_module_names():
        code_strings(_imp.get_frozen_object(name), out)
    header = os.path.join(sysconfig.get_paths()["include"], "internal",
                          "pycore_global_strings.h")
    with open(header, encoding="utf-8") as f:
        out.update(re.findall(r"STRUCT_FOR_ID\(([A-Za-z0-9_]+)\)", f.read()))
    for v in vars(builtins).values():
        out.update(dir(v) if isinstance(v, type) else ())
    out.update(dir(builtins))
    return sorted(s for s in out if isinstance(s, str) and s.isascii() and s.isidentifier()
                  and len(s) > 1)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen-cpython-static-ids.py needs CPython 3.11")
    found = subprocess.run([sys.executable, "-c", PROBE], input="\n".join(candidates()),
                           capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED="0")).stdout.split()
    print("/* hs-str-cpython-ids-table.h — written by build-aux/gen-cpython-static-ids.py from")
    print(f" * CPython {sys.version.split()[0]}: {len(found)} identifiers it allocates statically"
          " and interns")
    print(" * before a program runs, sorted by strcmp. */")
    line = " "
    for s in sorted(found):
        item = f' "{s}",'
        if len(line) + len(item) > 98:
            print(line)
            line = " "
        line += item
    print(line)


if __name__ == "__main__":
    main()
