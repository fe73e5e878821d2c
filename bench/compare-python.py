#!/usr/bin/env python3
"""Time Heapscope's interpreter against CPython on a few CPU-bound programs.

Usage: bench/compare-python.py HEAPSCOPE-CLI [PROGRAM.py ...]

For each program (by default every *.py in bench/programs) it runs
`HEAPSCOPE-CLI run PROGRAM` and `python3 PROGRAM` three times each, keeps the
best wall-clock time of each, and prints a table with the ratio
heapscope/cpython. This is a measurement, not a timed assertion: it exits 0
whatever the figures, and 1 only if a program's stdout or exit status differs
between the two interpreters (a benchmark of a wrong answer means nothing).
"""

import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = 3
TIMEOUT_SECONDS = 300


def best_of(argv, runs=RUNS):
    """Run argv `runs` times; return (best seconds, stdout, stderr, status) of the last."""
    best = None
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        try:
            proc = subprocess.run(argv, cwd=HERE, stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return None, b"", b"timed out after %d s\n" % TIMEOUT_SECONDS, -1
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        result = proc
        if proc.returncode != 0:
            break  # a failing run need not be repeated
    return best, result.stdout, result.stderr, result.returncode


def fmt_time(t):
    return "   n/a" if t is None else "%6.3f" % t


def main(argv):
    if len(argv) < 1 or argv[0] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        return 2
    cli = os.path.abspath(argv[0])
    programs = [os.path.abspath(p) for p in argv[1:]]
    if not programs:
        folder = os.path.join(HERE, "programs")
        programs = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".py"))
    # sys.executable, not "python3" from PATH: a version-manager shim (pyenv) adds tens of
    # milliseconds of shell start-up to every run and would flatter the ratio.
    python = os.environ.get("PYTHON3", sys.executable)

    print("%-14s %10s %10s %8s  %s" % ("program", "heapscope", "cpython", "ratio", "output"))
    failures = 0
    ratios = []
    for prog in programs:
        name = os.path.basename(prog)
        py_t, py_out, _, py_rc = best_of([python, prog])
        hs_t, hs_out, hs_err, hs_rc = best_of([cli, "run", prog])
        same = hs_out == py_out and hs_rc == py_rc
        if same and hs_t is not None and py_t:
            ratio = hs_t / py_t
            ratios.append(ratio)
            ratio_s = "%7.2fx" % ratio
        else:
            ratio_s = "     n/a"
        print("%-14s %9ss %9ss %8s  %s" % (name, fmt_time(hs_t), fmt_time(py_t), ratio_s,
                                           "same" if same else "DIFFERS"))
        if not same:
            failures += 1
            detail = hs_err.decode("utf-8", "replace").strip().splitlines()[-3:]
            print("    heapscope exit %d, cpython exit %d%s" % (
                hs_rc, py_rc, "".join("\n    | " + line for line in detail)))
    if ratios:
        product = 1.0
        for r in ratios:
            product *= r
        print("geometric mean ratio: %.2fx over %d programs" % (
            product ** (1.0 / len(ratios)), len(ratios)))
    sys.stdout.flush()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
