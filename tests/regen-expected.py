#!/usr/bin/env python3
"""Regenerate the expected outputs of the differential corpus from CPython.

For every tests/programs/NAME.py this runs `python3 NAME.py` with the corpus
directory as the working directory and writes, beside it:

  NAME.out     the program's stdout, byte for byte
  NAME.err     its stderr, with the corpus directory's absolute path replaced
               by the placeholder `<dir>` (CPython prints the script's absolute
               path in tracebacks and syntax errors), and every address
               (" at 0x7f..." in "Exception ignored in: <function A.__del__
               at 0x7f...>") by " at 0x..."
  NAME.status  its exit status, as a decimal number and a newline

A program that calls input() reads NAME.in, when there is one, as its standard input
(else its stdin is empty: input() raises EOFError).

The stored files are the truth test-corpus.c compares Heapscope against, so the
test suite itself never needs python3. Run this only with CPython 3.11 (the
semantics Heapscope follows); it refuses other versions unless --force is given.

Usage: tests/regen-expected.py [--force] [--check] [NAME ...]
  --check  compare instead of writing; exit 1 if any stored file differs
  NAME     regenerate only these programs (with or without .py)
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIRS = [os.path.join(HERE, "programs")]
PLACEHOLDER = "<dir>"
TIMEOUT_SECONDS = 60


def run_program(directory, name):
    """Run one program under python3; return (stdout, stderr, status)."""
    env = dict(os.environ)
    # Make the run reproducible: fixed hash seed, no bytecode files beside the
    # corpus, UTF-8 I/O whatever the caller's locale, UTC as the local time zone.
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["TZ"] = "UTC"  # the test suite runs Heapscope under UTC too (tests/meson.build)
    env.pop("PYTHONWARNINGS", None)
    env.pop("PYTHONSTARTUP", None)
    stdin_path = os.path.join(directory, name + ".in")
    stdin = b""
    if os.path.exists(stdin_path):
        with open(stdin_path, "rb") as f:
            stdin = f.read()
    proc = subprocess.run(
        [sys.executable, "-X", "utf8", os.path.join(directory, name + ".py")],
        cwd=directory,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
    )
    stderr = proc.stderr.decode("utf-8")
    stderr = stderr.replace(os.path.abspath(directory), PLACEHOLDER)
    stderr = re.sub(r" at 0x[0-9a-f]+", " at 0x...", stderr)
    return proc.stdout, stderr.encode("utf-8"), proc.returncode


def expected_files(directory, name, out, err, status):
    base = os.path.join(directory, name)
    return {
        base + ".out": out,
        base + ".err": err,
        base + ".status": ("%d\n" % status).encode("ascii"),
    }


def differs(path, data):
    try:
        with open(path, "rb") as f:
            return f.read() != data
    except FileNotFoundError:
        return True


def main(argv):
    force = "--force" in argv
    check = "--check" in argv
    wanted = [a[:-3] if a.endswith(".py") else a for a in argv if not a.startswith("--")]
    if sys.version_info[:2] != (3, 11) and not force:
        sys.stderr.write("regen-expected.py: needs CPython 3.11 (have %s); use --force\n"
                         % sys.version.split()[0])
        return 2

    mismatches = 0
    count = 0
    for directory in DEFAULT_DIRS:
        if not os.path.isdir(directory):
            continue
        names = sorted(f[:-3] for f in os.listdir(directory) if f.endswith(".py"))
        if wanted:
            names = [n for n in names if n in wanted]
        for name in names:
            out, err, status = run_program(directory, name)
            count += 1
            for path, data in expected_files(directory, name, out, err, status).items():
                if check:
                    if differs(path, data):
                        mismatches += 1
                        print("differs: %s" % os.path.relpath(path, HERE))
                elif differs(path, data):
                    with open(path, "wb") as f:
                        f.write(data)
    if check:
        print("%d programs checked, %d files differ" % (count, mismatches))
        return 1 if mismatches else 0
    print("%d programs regenerated" % count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
