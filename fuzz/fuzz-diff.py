#!/usr/bin/env python3
"""Differential fuzzer: generates small random programs from a grammar of the subset
Heapscope supports and compares `heapscope-cli run` with CPython 3.11 (stdout byte for
byte, the exit status, and the last stderr line: the exception's type and message).

  fuzz-diff.py HEAPSCOPE-CLI [--seed N] [--count N] [--seconds S] [--keep DIR]

The meson test runs a short deterministic pass (--seed 1 --count 150); a long run takes
--seconds (e.g. 1200) with a random seed. Each mismatch is printed with its program and
written to DIR (default: the current directory) as diff-<seed>-<n>.py, to be reduced and
added to tests/programs. Exits 77 (skipped) when python3 is not CPython 3.11, 1 on a
mismatch. Programs avoid what legitimately differs: id(), hashes, set order of strings;
the addresses reprs show (`at 0x7f...`, Heapscope's are ids) are masked before comparing.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

NAMES = ["a", "b", "c", "xs", "d", "t", "s"]
SMALL = ["0", "1", "2", "3", "-1", "7", "10", "255", "-5", "2**40", "10**20"]
ADDRESS = rb" at 0x[0-9a-f]+"
STRS = ["'x'", "'ab'", "''", "'héllo'", "'a b c'", "'12'", "'ﬁ'"]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.depth = 0

    def pick(self, xs):
        return self.r.choice(xs)

    def atom(self):
        k = self.r.randrange(9)
        if k < 3:
            return self.pick(SMALL)
        if k < 5:
            return self.pick(STRS)
        if k == 5:
            return self.pick(NAMES)
        if k == 6:
            return "[" + ", ".join(self.expr() for _ in range(self.r.randrange(4))) + "]"
        if k == 7:
            return "(" + "".join(self.expr() + ", " for _ in range(self.r.randrange(3))) + ")"
        return "{" + ", ".join(f"{self.pick(SMALL)}: {self.expr()}"
                               for _ in range(self.r.randrange(3))) + "}"

    def expr(self):
        if self.depth > 3:
            return self.atom()
        self.depth += 1
        try:
            k = self.r.randrange(16)
            if k < 5:
                return self.atom()
            if k < 8:
                op = self.pick(["+", "-", "*", "//", "%", "==", "<", "!=", "and", "or", "in",
                                "&", "|", "^", "<<", ">>", "is"])
                return f"({self.expr()} {op} {self.expr()})"
            if k == 8:
                return f"{self.pick(NAMES)}[{self.expr()}]"
            if k == 9:
                return f"{self.pick(NAMES)}[{self.pick(SMALL)}:{self.pick(SMALL)}]"
            if k == 10:
                f = self.pick(["len", "str", "repr", "abs", "bool", "sorted", "list", "tuple",
                               "min", "max", "sum", "int", "hex", "reversed"])
                return f"{f}({self.expr()})"
            if k == 11:
                spec = self.pick(["", ":>5", ":<4", ":^7", ":05", ":x", ":,", ":.2f", "!r", ":+"])
                return "f'{" + self.expr() + spec + "}'"
            if k == 12:
                return f"'%s-%r' % ({self.expr()}, {self.expr()})"
            if k == 13:
                return f"[{self.pick('xyz')} * 2 for {self.pick('xyz')} in {self.expr()}]"
            if k == 14:
                return f"({self.expr()} if {self.expr()} else {self.expr()})"
            return f"{self.pick(NAMES)}.{self.pick(['count', 'index', 'get', 'pop', 'append', 'upper', 'split', 'keys', 'copy'])}({self.expr() if self.r.random() < 0.6 else ''})"
        finally:
            self.depth -= 1

    def stmt(self, indent):
        p = " " * indent
        k = self.r.randrange(10)
        if k < 4 or indent >= 8:
            return f"{p}{self.pick(NAMES)} = {self.expr()}\n"
        if k == 4:
            return f"{p}print({self.expr()})\n"
        if k == 5:
            return (f"{p}if {self.expr()}:\n" + self.block(indent + 4)
                    + f"{p}else:\n" + self.block(indent + 4))
        if k == 6:
            return f"{p}for {self.pick(NAMES)} in {self.expr()}:\n" + self.block(indent + 4)
        if k == 7:
            return (f"{p}try:\n" + self.block(indent + 4)
                    + f"{p}except (TypeError, ValueError, IndexError, KeyError, ZeroDivisionError,"
                    f" AttributeError) as e:\n{p}    print(type(e).__name__, e)\n")
        if k == 8:
            return f"{p}{self.pick(NAMES)} += {self.expr()}\n"
        return f"{p}del {self.pick(NAMES)}[{self.expr()}]\n"

    def block(self, indent):
        return "".join(self.stmt(indent) for _ in range(self.r.randrange(1, 3)))

    def program(self):
        out = ["a = 1\nb = 'ab'\nc = [1, 2, 3]\nxs = [3, 1, 2]\nd = {1: 'one', 2: 'two'}\n"
               "t = (1, 'x')\ns = 'hello'\n"]
        for _ in range(self.r.randrange(3, 9)):
            out.append(self.stmt(0))
        out.append("print(a, b, c, xs, d, t, s)\n")
        return "".join(out)


def run(cmd, path, timeout):
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, cwd=os.path.dirname(path),
                           env=dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8"))
    except subprocess.TimeoutExpired:
        return None
    err = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    last = re.sub(ADDRESS.decode(), " at 0x?", err[-1]) if err else ""
    return p.returncode, re.sub(ADDRESS, b" at 0x?", p.stdout), last


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--count", type=int, default=150)
    ap.add_argument("--seconds", type=float, default=None)
    ap.add_argument("--keep", default=".")
    args = ap.parse_args()
    args.cli = os.path.abspath(args.cli)
    if sys.version_info[:2] != (3, 11):
        print("# skipped: python3 is not CPython 3.11, the oracle")
        sys.exit(77)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"# seed {seed}", flush=True)
    gen = Gen(random.Random(seed))
    end = time.monotonic() + args.seconds if args.seconds else None
    bad = n = 0
    with tempfile.TemporaryDirectory(prefix="hs-diff-") as tmp:
        path = os.path.join(tmp, "prog.py")
        while (n < args.count) if end is None else (time.monotonic() < end):
            n += 1
            src = gen.program()
            with open(path, "w", encoding="utf-8") as f:
                f.write(src)
            want = run([sys.executable], path, 20)
            if want is None:
                continue  # CPython itself too slow: not a comparison
            got = run([args.cli, "run"], path, 60)
            if got == want:
                continue
            bad += 1
            keep = os.path.join(args.keep, f"diff-{seed}-{n}.py")
            with open(keep, "w", encoding="utf-8") as f:
                f.write(src)
            print(f"not ok {n}: {keep}\n# CPython   {want!r}\n# Heapscope {got!r}\n"
                  + "".join("#   " + l + "\n" for l in src.splitlines()), flush=True)
    print(f"# {n} programs, {bad} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
