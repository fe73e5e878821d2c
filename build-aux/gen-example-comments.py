#!/usr/bin/env python3
"""gen-example-comments.py [--check] — writes src/app/heapscope-examples-comments.h, the
prose comments of data/examples/*.py as messages for xgettext, so po/ can translate them.

A run of whole-line comments at one indentation is one message (lines joined by newlines);
a comment after code is another. Comments without prose (`# 1 2 3`, `# False True`) are
left out. src/app/heapscope-examples.c splits comments the same way when it loads an
example, and tests/test-examples.c checks that the two agree. Re-run after editing an
example; --check exits 1 when the header is stale."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
header = root / 'src' / 'app' / 'heapscope-examples-comments.h'
PROSE = re.compile(r'\b(?!(?:True|False|None)\b)[A-Za-z]{2,}')


def comment_start(line):
    """Index of the '#' that starts a comment outside string literals, or -1."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == '\\':
                i += 1
            elif c == quote:
                quote = None
        elif c in '\'"':
            quote = c
        elif c == '#':
            return i
        i += 1
    return -1


def comment_text(line, at):
    text = line[at + 1:]
    return (text[1:] if text.startswith(' ') else text).rstrip()


def messages(source):
    found, block, indent = [], [], None

    def flush():
        if block and PROSE.search('\n'.join(block)):
            found.append('\n'.join(block))
        block.clear()

    for line in source.splitlines():
        at = comment_start(line)
        whole = at >= 0 and line[:at].strip() == ''
        if not whole or (block and line[:at] != indent):
            flush()
        if whole:
            indent = line[:at]
            block.append(comment_text(line, at))
        elif at >= 0 and PROSE.search(comment_text(line, at)):
            found.append(comment_text(line, at))
    flush()
    return found


def c_string(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


def render():
    seen, lines = set(), []
    for path in sorted((root / 'data' / 'examples').glob('*.py')):
        lines.append(f'  /* {path.name} */')
        for msg in messages(path.read_text(encoding='utf-8')):
            if msg not in seen:
                seen.add(msg)
                lines.append(f'  NC_ ("example comment", {c_string(msg)}),')
    return ('/* heapscope-examples-comments.h — written by build-aux/gen-example-comments.py from\n'
            ' * data/examples: the examples\' comments as messages for xgettext. Do not edit. */\n'
            '#pragma once\n\n#include <glib/gi18n.h>\n\n'
            'static const char *const heapscope_examples_comment_table[] = {\n'
            + '\n'.join(lines) + '\n};\n')


if __name__ == '__main__':
    text = render()
    if '--check' in sys.argv[1:]:
        sys.exit(0 if header.exists() and header.read_text() == text else 1)
    header.write_text(text)
