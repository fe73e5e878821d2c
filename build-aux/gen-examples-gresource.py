#!/usr/bin/env python3
# Writes a GResource XML listing every data/examples/*.py, so the examples menu
# follows the directory without a hand-kept list (re-run meson to pick up new files).
import pathlib
import sys

out, examples = sys.argv[1], pathlib.Path(sys.argv[2])
lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<gresources>',
         '  <gresource prefix="/io/github/heapscope/Heapscope/examples">']
for p in sorted(examples.glob('*.py')):
    lines.append(f'    <file>{p.name}</file>')
lines += ['  </gresource>', '</gresources>', '']
pathlib.Path(out).write_text('\n'.join(lines))
