#!/usr/bin/env python3
"""Counts individual test cases in meson's testlog.json files (one per build: the plain
and the sanitizer run): the TAP lines of each g_test program, or the test itself when it
does not speak TAP. Prints the line 'N passed, N failed' that CI reads, over all the files;
a log that is missing (its build failed) counts as one failure. Just above it, each failed
test is named with the end of its output, so a log cut to its last lines still says what
failed.
Usage: count-results.py TESTLOG.json..."""
import json
import re
import sys


def count(path, failures):
    passed = failed = 0
    with open(path, encoding="utf-8") as log:
        for line in log:
            entry = json.loads(line)
            out = entry.get("stdout") or ""
            if entry["result"] not in ("OK", "EXPECTEDFAIL", "SKIP"):
                tail = (out + (entry.get("stderr") or "")).strip().splitlines()[-8:]
                failures.append(f"{path}: {entry['name']}: {entry['result']}"
                                + "".join(f"\n    {t[:200]}" for t in tail))
            oks = len(re.findall(r"^ok \d+", out, re.M))
            bad = len(re.findall(r"^not ok \d+", out, re.M))
            if entry.get("protocol") == "tap" or oks or bad:
                passed += oks
                failed += bad
                # A TAP program that died before its plan was done still failed.
                if entry["result"] not in ("OK", "EXPECTEDFAIL", "SKIP") and bad == 0:
                    failed += 1
            elif entry["result"] in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif entry["result"] != "SKIP":
                failed += 1
    return passed, failed


passed = failed = 0
failures = []
for path in sys.argv[1:]:
    try:
        p, f = count(path, failures)
    except OSError as e:
        print(f"{path}: {e.strerror}", file=sys.stderr)
        p, f = 0, 1
    passed += p
    failed += f
for f in failures:
    print(f"FAILED {f}")
print(f"{passed} passed, {failed} failed")
