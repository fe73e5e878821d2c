#!/usr/bin/env python3
"""test-layers.py SOURCE_ROOT — the layers include only what they may (ARCHITECTURE.md):
src/trace sees the core through its public headers (the inspection API hs-inspect.h and the
object types), never the VM's private ones; src/core includes nothing of Graphviz, cairo or
GTK; src/diagram nothing of GTK. TAP, one test per source file."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
include = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
private = re.compile(r'(-private|-internal)\.h$|^hs-(frame|error)\.h$')
private_core = {p.name for p in (root / 'src/core').rglob('*.h') if private.search(p.name)}
forbidden = {
    'src/trace': lambda h: h in private_core or h.startswith(('gtk/', 'adwaita', 'graphviz/', 'cairo')),
    'src/core': lambda h: h.startswith(('gtk/', 'adwaita', 'graphviz/', 'cairo', 'pango')),
    'src/diagram': lambda h: h.startswith(('gtk/', 'adwaita')),
}
checks = []
for folder, bad in forbidden.items():
    for path in sorted((root / folder).rglob('*.[ch]')):
        found = [h for h in include.findall(path.read_text(encoding='utf-8', errors='replace')) if bad(h)]
        checks.append((f'{path.relative_to(root)} includes {", ".join(found) or "only what its layer may"}',
                       not found))
print(f'1..{len(checks)}')
for i, (what, ok) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {what}')
