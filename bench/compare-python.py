#!/usr/bin/env python3
"""Time Heapscope's interpreter against CPython on a few CPU-bound programs.

Usage: bench/compare-python.py HEAPSCOPE-CLI [PROGRAM.py ...]

For each program (by default every *.py in bench/programs) it runs
`HEAPSCOPE-CLI run PROGRAM` and the real CPython binary (sys.executable, or
$PYTHON3) five times each, alternating the two so that a burst of load on a
shared machine hits both, keeps the best CPU time (user + system) of each, and
prints a table with the ratio heapscope/cpython and the geometric mean of the
ratios. CPU time, not wall-clock time: on a loaded machine a process waits for a
core after every blocking read, and CPython's start-up reads dozens of files
where Heapscope reads one: at a load average of 17, CPython's wall-clock time
was up to twice its CPU time, Heapscope's 1.1 times.
This is a measurement, not a timed assertion: it exits 0 whatever the figures,
and 1 only if a program's stdout or exit status differs between the two
interpreters (a benchmark of a wrong answer means nothing).
"""

import os
import resource
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = 5
TIMEOUT_SECONDS = 300


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(argv):
    """Run argv once; return (CPU seconds, stdout, stderr, status)."""
    start = children_cpu()
    try:
        proc = subprocess.run(argv, cwd=HERE, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %d s\n" % TIMEOUT_SECONDS, -1
    return children_cpu() - start, proc.stdout, proc.stderr, proc.returncode


def best_of_both(first, second, runs=RUNS):
    """Run the two argvs alternately `runs` times; for each return (best CPU seconds, stdout,
    stderr, status) of its last run."""
    results = [None, None]
    for _ in range(runs):
        for i, argv in enumerate((first, second)):
            t, out, err, rc = run_once(argv)
            best = results[i][0] if results[i] else None
            if t is not None and best is not None:
                t = min(t, best)
            results[i] = (t, out, err, rc)
        if any(r[3] != 0 or r[0] is None for r in results):
            break  # a failing run need not be repeated
    return results


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
    # milliseconds of shell start-up to every run and would flatter the ratio. Run this
    # script with the system's python3 (bench/meson.build does): a version manager's own
    # CPython build can lack PGO and LTO and be 2x slower than the distribution's.
    python = os.environ.get("PYTHON3", sys.executable)

    print("%-20s %10s %10s %8s  %s" % ("program", "heapscope", "cpython", "ratio", "output"))
    failures = 0
    ratios = []
    for prog in programs:
        name = os.path.basename(prog)
        (py_t, py_out, _, py_rc), (hs_t, hs_out, hs_err, hs_rc) = best_of_both(
            [python, prog], [cli, "run", prog])
        same = hs_out == py_out and hs_rc == py_rc
        if same and hs_t is not None and py_t:
            ratio = hs_t / py_t
            ratios.append((ratio, name))
            ratio_s = "%7.2fx" % ratio
        else:
            ratio_s = "     n/a"
        print("%-20s %9ss %9ss %8s  %s" % (name, fmt_time(hs_t), fmt_time(py_t), ratio_s,
                                           "same" if same else "DIFFERS"))
        if not same:
            failures += 1
            detail = hs_err.decode("utf-8", "replace").strip().splitlines()[-3:]
            print("    heapscope exit %d, cpython exit %d%s" % (
                hs_rc, py_rc, "".join("\n    | " + line for line in detail)))
    if ratios:
        product = 1.0
        for r, _ in ratios:
            product *= r
        print("geometric mean ratio: %.2fx over %d programs; slowest %s at %.2fx" % (
            product ** (1.0 / len(ratios)), len(ratios), max(ratios)[1], max(ratios)[0]))
    sys.stdout.flush()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
