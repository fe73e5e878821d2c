#!/usr/bin/env python3
"""gen-unicode-data.py OUTPUT — writes the character properties the unicodedata module reads
(hs-mod-unicodedata.c) from the unicodedata of the Python running it, which should have
CPython 3.11's Unicode 14.0.0 (it warns otherwise): each character's general category, as
runs of code points sharing one, and the decimal, digit and numeric values of the characters
that have one.
"""
import sys
import unicodedata


def main():
    if unicodedata.unidata_version != "14.0.0":
        print("gen-unicode-data.py: warning: CPython 3.11 has Unicode 14.0.0, this Python "
              f"{unicodedata.unidata_version}: unicodedata will follow it", file=sys.stderr)
    categories, runs, numerics = [], [], []
    prev = None
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        cat = unicodedata.category(c)
        if cat not in categories:
            categories.append(cat)
        if cat != prev:
            runs.append((cp, categories.index(cat)))
            prev = cat
        num = unicodedata.numeric(c, None)
        if num is not None:
            numerics.append((cp, unicodedata.decimal(c, -1), unicodedata.digit(c, -1), num))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write("/* hs-unicodedata-table.h — written by build-aux/gen-unicode-data.py from "
                  f"Unicode {unicodedata.unidata_version}. */\n")
        out.write(f'#define HS_UNIDATA_VERSION "{unicodedata.unidata_version}"\n\n')
        out.write("static const char unicode_categories[][3] = {\n")
        out.write("".join(f'  "{c}",\n' for c in categories))
        out.write("};\n\n/* the first code point of each run of one category */\n")
        out.write("static const struct\n{\n  guint32 start;\n  guint8 category;\n} "
                  "unicode_category_runs[] = {\n")
        out.write("".join(f"  {{ 0x{cp:X}, {i} }},\n" for cp, i in runs))
        out.write("};\n\n/* decimal and digit -1 where the character has none */\n")
        out.write("static const struct\n{\n  guint32 code;\n  gint8 decimal, digit;\n"
                  "  double numeric;\n} unicode_numerics[] = {\n")
        out.write("".join(f"  {{ 0x{cp:X}, {de}, {di}, {num!r} }},\n"
                          for cp, de, di, num in numerics))
        out.write("};\n")


main()
