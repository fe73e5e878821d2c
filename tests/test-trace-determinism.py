#!/usr/bin/env python3
"""One build, one program: the same output and the same trace at every run. Object ids and
the order of what a trace writes (and of a set of objects hashed by identity) must not
depend on the addresses objects got, which change from run to run (ASLR, the allocator's
state, the environment's size). Each program is run, traced and traced with
--heap-primitives and --compact, twice each: once as is, once with the allocator's layout moved
(GLIBC_TUNABLES, MALLOC_PERTURB_) and the environment grown; the outputs must be equal byte
for byte: a repr's address (`<... object at 0x...>`) is the object's id, as id() gives it.

Usage: test-trace-determinism.py HEAPSCOPE-CLI PROGRAM.py...   (TAP)
"""
import os
import subprocess
import sys

SCALE = float(os.environ.get("HS_TIMEOUT_SCALE", "1") or 1)
MOVED = {
    "GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=33554432:glibc.malloc.top_pad=1234567",
    "MALLOC_PERTURB_": "165",
    "HS_DETERMINISM_PADDING": "x" * 5000,
}
COMMANDS = [["run"], ["trace", "--max-steps", "1500"],
            ["trace", "--heap-primitives", "--max-steps", "1500"],
            ["trace", "--compact", "--max-steps", "1500"]]


def output(cli, command, path, env):
    out = subprocess.run([cli, command[0], path, *command[1:]], capture_output=True,
                         env=env, timeout=120 * SCALE, stdin=subprocess.DEVNULL)
    return out.stdout + b"\n--stderr--\n" + out.stderr, out.returncode


def first_difference(a, b):
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return "at byte %d: %r / %r" % (i, a[max(0, i - 60):i + 60], b[max(0, i - 60):i + 60])


def main():
    cli, programs = sys.argv[1], sys.argv[2:]
    moved = dict(os.environ, **MOVED)
    n = failed = 0
    print("1..%d" % (len(programs) * len(COMMANDS)))
    for path in programs:
        for command in COMMANDS:
            n += 1
            a = output(cli, command, path, dict(os.environ))
            b = output(cli, command, path, moved)
            name = "%s %s" % (" ".join(command[:2] if len(command) > 3 else command[:1]),
                              os.path.basename(path))
            if a == b:
                print("ok %d %s" % (n, name))
            else:
                failed += 1
                print("not ok %d %s" % (n, name))
                print("# differs " + first_difference(a[0], b[0]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
