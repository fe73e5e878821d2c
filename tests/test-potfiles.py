#!/usr/bin/env python3
"""test-potfiles.py SOURCE_ROOT — every source file (C sources and headers, .ui) with translatable strings is listed in
po/POTFILES.in, and every listed file exists (xgettext fails on a missing one). TAP."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = {line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()
          if line.strip() and not line.startswith('#')}
marker = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(|translatable="yes"')
found = set()
for pattern in ('src/**/*.[ch]', 'ui/*.ui'):
    for path in root.glob(pattern):
        text = path.read_text(encoding='utf-8', errors='replace')
        if path.suffix in ('.c', '.h'):
            text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)  # N_() named in a comment
        if marker.search(text):
            found.add(str(path.relative_to(root)))
checks = [(f'{name} is listed in po/POTFILES.in', name in listed) for name in sorted(found)]
checks += [(f'{name} (listed) exists', (root / name).is_file()) for name in sorted(listed)]
print(f'1..{len(checks)}')
for i, (what, ok) in enumerate(checks, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {what}')
