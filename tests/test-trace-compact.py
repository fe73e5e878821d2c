#!/usr/bin/env python3
"""Compact traces hold what full ones hold: for each program, `trace --compact` expanded by
trace-expand.py equals `trace` (every key of every step), and is smaller when the heap is
big. Also: a trace cut by --max-mb ends with instruction_limit_reached, in both modes.

Usage: test-trace-compact.py HEAPSCOPE-CLI PROGRAM.py...   (TAP)
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

expand = import_module("trace-expand").expand


def normal(step):
    """The step with each object's hidden holders in one order: the recorder lists them in
    an order that can differ from one run to the next (not this test's business)."""
    step = dict(step)
    step["heapscope_hidden_holders"] = {
        i: sorted(h) for i, h in step.get("heapscope_hidden_holders", {}).items()}
    return step


# HS_TIMEOUT_SCALE multiplies the timeout, as for the other suites (the sanitizer run sets it).
SCALE = float(os.environ.get("HS_TIMEOUT_SCALE", "1") or 1)


def trace(cli, path, *args):
    out = subprocess.run([cli, "trace", path, *args], capture_output=True, check=True,
                         timeout=120 * SCALE)
    return out.stdout, out.stderr.decode()


def main():
    cli, programs = sys.argv[1], sys.argv[2:]
    n = 0
    failed = 0

    def check(ok, name, why=""):
        nonlocal n, failed
        n += 1
        print(("ok %d %s" if ok else "not ok %d %s") % (n, name))
        if not ok:
            failed += 1
            print("# " + why)

    for path in programs:
        name = os.path.basename(path)
        full_bytes, _ = trace(cli, path)
        compact_bytes, _ = trace(cli, path, "--compact")
        full = json.loads(full_bytes)
        back = expand(json.loads(compact_bytes))
        same = len(full["trace"]) == len(back["trace"]) and full["code"] == back["code"]
        why = "step counts differ"
        for k, (a, b) in enumerate(zip(full["trace"], back["trace"])):
            a, b = normal(a), normal(b)
            if a != b:
                keys = sorted(key for key in set(a) | set(b) if a.get(key) != b.get(key))
                same, why = False, "step %d differs in %s" % (k, keys)
                break
        check(same, "/trace-compact/expands-to-full/" + name, why)
        check(len(compact_bytes) <= len(full_bytes), "/trace-compact/not-larger/" + name,
              "%d > %d bytes" % (len(compact_bytes), len(full_bytes)))
    # Lists and instances changed every way, and left alone for steps: a step writes an
    # entry from its first changed item, or copies it (tests/trace-expand.py rebuilds them).
    prog = os.path.join(os.environ.get("TMPDIR", "/tmp"), "hs-compact-mutate.py")
    with open(prog, "w") as f:
        f.write("class P:\n    def __init__(self, x):\n        self.x = x\n"
                "xs = [P(i) for i in range(12)]\nt = tuple(xs[:3])\nys = []\n"
                "for i in range(30):\n    ys.append([i, 'a' * (i % 3), xs[i % 12]])\n"
                "    if i % 4 == 0:\n        ys.pop(0)\n"
                "    if i % 5 == 0:\n        ys.insert(0, i)\n"
                "    if i % 6 == 0:\n        ys[len(ys) // 2] = t\n"
                "    if i % 7 == 0:\n        xs[i % 12].x = -i\n"
                "    if i % 9 == 0:\n        del ys[1:3]\n"
                "    if i == 20:\n        ys.sort(key=str)\n        ys.reverse()\n"
                "xs.clear()\nys[:] = ys[::2]\ndel t\nprint(len(ys))\n")
    for args in ((), ("--heap-primitives",)):
        full = json.loads(trace(cli, prog, *args)[0])
        back = expand(json.loads(trace(cli, prog, "--compact", *args)[0]))
        check([normal(s) for s in full["trace"]] == [normal(s) for s in back["trace"]],
              "/trace-compact/mutations" + "".join(args), "steps differ")
    # A list of 2,000 items built by appending: the full trace repeats it at every step.
    prog = os.path.join(os.environ.get("TMPDIR", "/tmp"), "hs-compact-append.py")
    with open(prog, "w") as f:
        f.write("xs = []\nfor i in range(2000):\n    xs.append(i)\n")
    for args in ((), ("--compact",)):
        out, err = trace(cli, prog, "--max-mb", "1", *args)
        steps = json.loads(out)["trace"]
        check(steps[-1]["event"] == "instruction_limit_reached"
              and "stopped the trace" in steps[-1]["exception_msg"] and "stops after" in err
              and len(out) < (1 << 20) + (1 << 17),
              "/trace-compact/size-limit" + "".join(args), err)
    compact, _ = trace(cli, prog, "--compact")
    check(len(compact) < 2_000_000, "/trace-compact/linear-size",
          "%d bytes for 2,000 appends" % len(compact))
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
