#!/usr/bin/env python3
"""Counts individual test cases in meson's testlog.json: the TAP lines of each
g_test program, or the test itself when it does not speak TAP. Prints the line
'N passed, N failed' that CI reads."""
import json
import re
import sys

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        out = entry.get("stdout") or ""
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
print(f"{passed} passed, {failed} failed")
