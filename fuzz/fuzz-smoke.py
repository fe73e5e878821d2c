#!/usr/bin/env python3
"""Runs a libFuzzer harness for a few seconds on the seed corpora (read-only: new inputs go
to a temporary directory) and fails if it finds a crash, a leak or a timeout.
Usage: fuzz-smoke.py HARNESS DICT SECONDS SEED-DIR..."""
import os
import resource
import subprocess
import sys
import tempfile

harness, dictionary, seconds, *seeds = sys.argv[1:]
# Any sanitizer report fails the run (UBSan alone would only print and go on).
os.environ.setdefault("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=1")
# Leaks inside fontconfig and Graphviz (process-lifetime caches) are not ours.
os.environ.setdefault("LSAN_OPTIONS", "suppressions=" + os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "build-aux", "lsan.supp"))
# Coverage, ASan and UBSan together make the compiler's frames about twice their ASan size:
# tests/programs/compile_depth_at_limit.py needs 12-16 MiB of main-thread stack here.
soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
want = 64 << 20 if hard == resource.RLIM_INFINITY else min(64 << 20, hard)
if soft != resource.RLIM_INFINITY and soft < want:
    resource.setrlimit(resource.RLIMIT_STACK, (want, hard))
seeds = [s for s in seeds if os.path.isdir(s)]
with tempfile.TemporaryDirectory(prefix="hs-fuzz-") as work:
    cmd = [harness, work, *seeds, f"-dict={dictionary}", f"-max_total_time={seconds}",
           "-max_len=4096", "-timeout=10", "-rss_limit_mb=4096", "-print_final_stats=1",
           f"-artifact_prefix={work}/"]
    print(" ".join(cmd), flush=True)
    status = subprocess.call(cmd)
    for f in os.listdir(work):
        if f.startswith(("crash-", "leak-", "timeout-", "oom-")):
            print(f"found {f}:")
            with open(os.path.join(work, f), "rb") as data:
                print(repr(data.read()[:2000]))
sys.exit(status)
