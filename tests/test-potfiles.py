#!/usr/bin/env python3
"""test-potfiles.py SOURCE_ROOT — every source file with translatable strings is listed in
po/POTFILES.in, and every listed file exists (xgettext fails on a missing one). TAP."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = {line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()
          if line.strip() and not line.startswith('#')}
marker = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(|translatable="yes"')
found = set()
for pattern in ('src/**/*.c', 'ui/*.ui'):
    for path in root.glob(pattern):
        if marker.search(path.read_text(encoding='utf-8', errors='replace')):
            found.add(str(path.relative_to(root)))
checks = [(f'{name} is listed in po/POTFILES.in', name in listed) for name in sorted(found)]
checks += [(f'{name} (listed) exists', (root / name).is_file()) for name in sorted(listed)]
print(f'1..{len(checks)}')
for i, (what, ok) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {what}')
