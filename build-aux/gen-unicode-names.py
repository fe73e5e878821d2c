#!/usr/bin/env python3
"""gen-unicode-names.py OUTPUT — writes the table of Unicode character names that the
\\N{...} escape looks up (hs-unicode-name.c), from the unicodedata of the Python running it,
which should have CPython 3.11's Unicode 14.0.0 (it warns otherwise).

Every character whose name unicodedata.lookup() finds goes in, sorted by name, except the
CJK unified ideographs, named by their code ("CJK UNIFIED IDEOGRAPH-4E00"): their ranges go
in instead. Name aliases (LINE FEED) are not in Python's API, so not here.
"""
import sys
import unicodedata

CJK = "CJK UNIFIED IDEOGRAPH-"


def main():
    if unicodedata.unidata_version != "14.0.0":
        print("gen-unicode-names.py: warning: CPython 3.11 has Unicode 14.0.0, this Python "
              f"{unicodedata.unidata_version}: \\N{{...}} names will follow it", file=sys.stderr)
    names, cjk = [], []
    for cp in range(sys.maxunicode + 1):
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        if name.startswith(CJK):
            if cjk and cjk[-1][1] == cp - 1:
                cjk[-1][1] = cp
            else:
                cjk.append([cp, cp])
            continue
        try:
            if unicodedata.lookup(name) != chr(cp):
                continue
        except KeyError:
            continue
        names.append((name, cp))
    names.sort()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write("/* hs-unicode-names-table.h — written by build-aux/gen-unicode-names.py from "
                  f"Unicode {unicodedata.unidata_version}. */\n")
        out.write("static const char unicode_name_text[] =\n")
        offsets, off = [], 0
        for name, _ in names:
            offsets.append(off)
            out.write(f'  "{name}\\0"\n')
            off += len(name) + 1
        out.write("  ;\n\nstatic const guint32 unicode_names[][2] = {\n")
        for (name, cp), o in zip(names, offsets):
            out.write(f"  {{ {o}, 0x{cp:X} }},\n")
        out.write("};\n\nstatic const guint32 unicode_cjk_ranges[][2] = {\n")
        for lo, hi in cjk:
            out.write(f"  {{ 0x{lo:X}, 0x{hi:X} }},\n")
        out.write("};\n")


main()
