#!/usr/bin/env python3
"""Runs every program of tests/bad-input through heapscope-cli `run`, `trace` and `render`
and prints TAP (one test per case and command).

  run     must end within the timeout with exit status 1 and a last stderr line that
          matches NAME.expect (a Python regex, matched in full); an .expect of `exit 0`
          means the program must end normally with nothing on stderr.
  trace   (--max-mb 16) must end within the timeout: exit 0 with valid JSON on stdout, or
          exit 1 with a message on stderr.
  render  (--step last -o TMP.png) likewise: exit 0 with a valid PNG written, or exit 1
          with a message.
  runner  the app's own interpreter process (HEAPSCOPE_RUNNER, when set), confined as the
          app starts it, the program on its input: must end within the timeout with exit
          status 0 and a stream on stdout, whatever the program does (the app reads the
          error from the stream). It runs every case, .commands or not: a check that
          holds in the CLI but not in the confined process is what it is there to catch.

A case with NAME.commands (command names, one a line) runs only those: the C-stack cases
build 200,000-object chains whose trace takes a minute, and tracing adds nothing there.
Under every command a signal, another exit status, or a sanitizer report on stderr fails.
Every command runs under an address-space limit (RLIMIT_AS, HS_MEMORY_LIMIT_MB, default
2048: the app's default for its interpreter), so a hidden allocation past the heap cap
shows as an abort instead of passing on a big machine; sanitizer builds (ASAN_OPTIONS set)
reserve terabytes of shadow memory and run without it.
`NAME.memory` (optional) holds a smaller limit in MB for that case (`--memory-limit`), for
the cases whose point is that a program's memory, or its trace's, stays bounded.
Usage: test-bad-input.py HEAPSCOPE-CLI [CASE-DIR] [NAME...]
HS_TIMEOUT_SCALE multiplies the timeouts, HS_RUN_STEPS sets `run --max-steps` (default:
the CLI's 100,000,000) and HS_TRACE_STEPS (default: the CLI's own
default) bounds the steps `trace` and `render` record; the sanitizer run sets both, since
a step there costs ten times as much and memory errors show as well in 10,000 steps.
"""
import concurrent.futures
import json
import os
import re
import resource
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCALE = float(os.environ.get("HS_TIMEOUT_SCALE", "1"))
RUN_TIMEOUT = 10 * SCALE
TRACE_TIMEOUT = 30 * SCALE
SANITIZER = re.compile(r"Sanitizer|runtime error:|^==\d+==", re.M)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
RUNNER = os.environ.get("HEAPSCOPE_RUNNER")
RUN_STEPS = ["--max-steps", os.environ["HS_RUN_STEPS"]] if os.environ.get("HS_RUN_STEPS") else []
STEPS = ["--max-steps", os.environ["HS_TRACE_STEPS"]] if os.environ.get("HS_TRACE_STEPS") else []
MEMORY_LIMIT = None if os.environ.get("ASAN_OPTIONS") else \
    int(os.environ.get("HS_MEMORY_LIMIT_MB", "2048")) << 20


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def case_memory_args(path):
    """`--memory-limit N` for a case with NAME.memory (the CLI lowers its own limit)."""
    if MEMORY_LIMIT is None:
        return []
    try:
        with open(path[:-3] + ".memory", encoding="utf-8") as f:
            return ["--memory-limit", str(int(f.read().strip()))]
    except OSError:
        return []


def run_cli(cli, path, args, timeout, stdin=None):
    """(status, stdout bytes, stderr text) of `cli` on the case at `path`; status None
    after a timeout."""
    args = case_memory_args(path) + args
    try:
        p = subprocess.run([cli] + args, input=stdin, capture_output=True,
                           timeout=timeout, preexec_fn=limit_memory if MEMORY_LIMIT else None)
    except subprocess.TimeoutExpired:
        return None, b"", ""
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def common_failure(status, err, timeout):
    if status is None:
        return f"did not end within {timeout:.0f} s"
    if status < 0:
        return f"killed by signal {-status}"
    m = SANITIZER.search(err)
    if m:
        return "sanitizer report: " + err[m.start():m.start() + 300].replace("\n", " | ")
    return None


def check_run(cli, path, expect):
    status, _, err = run_cli(cli, path, ["run", path] + RUN_STEPS, RUN_TIMEOUT)
    bad = common_failure(status, err, RUN_TIMEOUT)
    if bad:
        return bad
    got = last_line(err)
    if expect == "exit 0":
        if status != 0 or err.strip():
            return f"expected a normal end, got exit {status}: {got!r}"
        return None
    if status != 1:
        return f"exit status {status}, expected 1 (last stderr line {got!r})"
    if not re.fullmatch(expect, got):
        return f"last stderr line {got!r} does not match {expect!r}"
    return None


def check_trace(cli, path, _expect):
    # A 16 MB cap still checks that the trace stops with a note at its cap; at the default
    # 64 MB a runaway string's trace spends most of its time writing JSON.
    status, out, err = run_cli(cli, path, ["trace", "--max-mb", "16", path] + STEPS,
                               TRACE_TIMEOUT)
    bad = common_failure(status, err, TRACE_TIMEOUT)
    if bad:
        return bad
    if status == 0:
        try:
            doc = json.loads(out)
        except ValueError as e:
            return f"exit 0 but stdout is not JSON: {e}"
        if not isinstance(doc, dict) or not isinstance(doc.get("trace"), list):
            return "exit 0 but the JSON has no \"trace\" list"
        return None
    if status == 1 and last_line(err):
        return None
    return f"exit status {status} with stderr {last_line(err)!r}"


def check_render(cli, path, _expect):
    with tempfile.TemporaryDirectory(prefix="hs-bad-input-") as tmp:
        png = os.path.join(tmp, "last.png")
        status, _, err = run_cli(cli, path, ["render", path, "--step", "last", "-o", png] + STEPS,
                                 TRACE_TIMEOUT)
        bad = common_failure(status, err, TRACE_TIMEOUT)
        if bad:
            return bad
        if status == 0:
            try:
                with open(png, "rb") as f:
                    head = f.read(64)
            except OSError as e:
                return f"exit 0 but no PNG: {e}"
            if not head.startswith(PNG_MAGIC) or head[12:16] != b"IHDR":
                return "exit 0 but the file is not a PNG"
            return None
        if status == 1 and last_line(err):
            return None
        return f"exit status {status} with stderr {last_line(err)!r}"


def varint(n):
    """The runner input's unsigned varint (hs_log_put): 7 bits a byte, low first."""
    out = bytearray()
    while True:
        out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
        n >>= 7
        if not n:
            return bytes(out)


def check_runner(_cli, path, _expect):
    # The runner's input (hs-trace-stream.h): "HSTI", the version, then the program as
    # one HS_TRACE_INPUT_SOURCE message; nothing answers input(), as at the end of a file.
    with open(path, "rb") as f:
        source = f.read()
    request = b"HSTI" + varint(3) + varint(1) + varint(len(source)) + source
    status, out, err = run_cli(RUNNER, path, [f"--name={os.path.basename(path)}"] + STEPS,
                               TRACE_TIMEOUT, stdin=request)
    bad = common_failure(status, err, TRACE_TIMEOUT)
    if bad:
        return bad
    if status != 0:
        return f"exit status {status} with stderr {last_line(err)!r}"
    if not out.startswith(b"HSTS"):
        return "exit 0 but stdout is no trace stream"
    return None


CHECKS = [("run", check_run), ("trace", check_trace), ("render", check_render)]
if RUNNER:
    CHECKS.append(("runner", check_runner))


def cases(case_dir, names):
    found = sorted(f[:-3] for f in os.listdir(case_dir)
                   if f.endswith(".py") and f != "generate.py")
    return [n for n in found if not names or n in names]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cli = sys.argv[1]
    case_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "bad-input")
    names = cases(case_dir, sys.argv[3:])
    jobs = []
    for name in names:
        try:
            with open(os.path.join(case_dir, name + ".expect"), encoding="utf-8") as f:
                expect = f.read().strip()
        except OSError:
            expect = None
        try:
            with open(os.path.join(case_dir, name + ".commands"), encoding="utf-8") as f:
                only = f.read().split()
        except OSError:
            only = None
        for cmd, check in CHECKS:
            if only is None or cmd in only or cmd == "runner":
                jobs.append((name, cmd, check, expect))

    def one(job):
        name, cmd, check, expect = job
        if expect is None:
            return f"{name}.expect is missing"
        return check(cli, os.path.join(case_dir, name + ".py"), expect)

    print(f"1..{len(jobs)}", flush=True)
    workers = max(1, min(2, os.cpu_count() or 1))  # each case may use ~512 MiB (the heap cap)
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for i, (job, why) in enumerate(zip(jobs, pool.map(one, jobs)), 1):
            name, cmd = job[0], job[1]
            if why is None:
                print(f"ok {i} /bad-input/{cmd}/{name}", flush=True)
            else:
                failed += 1
                print(f"not ok {i} /bad-input/{cmd}/{name}", flush=True)
                print(f"# {why}", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
