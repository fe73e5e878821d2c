#!/usr/bin/env python3
"""gen-unicode-aliases.py — writes src/core/parse/hs-unicode-aliases-table.h, the Unicode
name aliases (LINE FEED, NUL, BOM...) that CPython 3.11's \\N{...} escape accepts.

Python's unicodedata cannot list them, so the candidates come from Perl's copy of the
Unicode names (unicore/Name.pl, Debian 12's Perl 5.36 has Unicode 14.0.0, as CPython 3.11),
and each is kept only if CPython's unicodedata.lookup() gives the same character under a
name that is not the character's own. Run with CPython 3.11:
  build-aux/gen-unicode-aliases.py /usr/share/perl/5.36/unicore/Name.pl \\
      > src/core/parse/hs-unicode-aliases-table.h
"""
import re
import sys
import unicodedata


def main():
    if unicodedata.unidata_version != "14.0.0":
        sys.exit("gen-unicode-aliases.py needs CPython 3.11 (Unicode 14.0.0)")
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    aliases = {}
    for code, name in zip(lines, lines[1:]):
        if not re.fullmatch(r"[0-9A-F]{4,6}", code) or not re.fullmatch(r"[A-Z0-9 -]+", name):
            continue
        try:
            ch = unicodedata.lookup(name)
        except KeyError:
            continue
        if ch == chr(int(code, 16)) and unicodedata.name(ch, None) != name:
            aliases[name] = ord(ch)
    print("/* hs-unicode-aliases-table.h — written by build-aux/gen-unicode-aliases.py: the "
          "name aliases\n * CPython 3.11's \\N{...} accepts, sorted. */")
    print("static const struct\n{\n  const char *name;\n  guint32 code;\n} unicode_aliases[] = {")
    for name in sorted(aliases):
        print(f'  {{ "{name}", 0x{aliases[name]:X} }},')
    print("};")


main()
