#!/usr/bin/env python3
"""Regenerates the expected parser outputs from CPython (run with Python 3.11).

ok/NAME.py  -> ok/NAME.ast : ast.dump(ast.parse(src), include_attributes=True)
err/NAME.py -> err/NAME.err: the SyntaxError CPython raises compiling the file:
               type, message, "lineno offset end_lineno end_offset", text (4 lines)
tests/test-parser.c only reads these stored files; it never runs Python.
"""
import ast
import pathlib
import sys
import warnings

HERE = pathlib.Path(__file__).resolve().parent


def main():
    warnings.simplefilter("ignore")
    if sys.version_info[:2] != (3, 11):
        sys.exit("regen.py needs CPython 3.11 (the semantics Heapscope follows)")
    for path in sorted((HERE / "ok").glob("*.py")):
        src = path.read_text(encoding="utf-8")
        tree = ast.parse(src, str(path))
        path.with_suffix(".ast").write_text(ast.dump(tree, include_attributes=True) + "\n",
                                            encoding="utf-8")
    for path in sorted((HERE / "err").glob("*.py")):
        src = path.read_text(encoding="utf-8")
        try:
            compile(src, path.name, "exec")
        except SyntaxError as e:
            text = (e.text or "").rstrip("\n")
            out = f"{type(e).__name__}\n{e.msg}\n{e.lineno} {e.offset} {e.end_lineno} {e.end_offset}\n{text}\n"
            path.with_suffix(".err").write_text(out, encoding="utf-8")
        else:
            sys.exit(f"{path.name}: expected a SyntaxError")


if __name__ == "__main__":
    main()
