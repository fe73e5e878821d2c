#!/usr/bin/env python3
"""Time from launch to the first drawn diagram of the real application, under Xvfb.

Usage: bench/app-start.py HEAPSCOPE BUILD-DATA-DIR [RUNS]

Starts `heapscope` RUNS times (default 7) in a fresh Xvfb and D-Bus session with
HEAPSCOPE_PROFILE=1, which makes the window print when its first diagram reached the
screen, and prints the median, minimum and maximum.  Each start is measured twice: with
GTK's defaults, and with GL disabled (GDK_DEBUG=gl-disable), because under Xvfb GTK
starts Mesa's software GL, which a desktop with a GPU does not pay for.  A measurement,
never an assertion.
"""

import os
import re
import statistics
import subprocess
import sys

PATTERN = re.compile(r"first diagram painted ([0-9.]+) ms after launch")
INNER = """
"$HEAPSCOPE" > "$LOG" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q 'first diagram' "$LOG" && break; sleep 0.1; done
kill $pid; wait $pid 2>/dev/null
exit 0
"""


def start_once(app, data_dir, extra_env, log):
    env = dict(os.environ, HEAPSCOPE=app, LOG=log, HEAPSCOPE_PROFILE="1",
               GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=data_dir, **extra_env)
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "dbus-run-session",
                    "--", "bash", "-c", INNER], env=env, check=False, timeout=60,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(log, encoding="utf-8", errors="replace") as f:
        match = PATTERN.search(f.read())
    return float(match.group(1)) if match else None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    app, data_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    log = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"heapscope-start-{os.getpid()}.log")
    print("launch to first diagram (ms), target 500")
    for label, extra in (("GTK defaults", {}), ("GL disabled", {"GDK_DEBUG": "gl-disable"})):
        times = [t for t in (start_once(app, data_dir, extra, log) for _ in range(runs))
                 if t is not None]
        if not times:
            print(f"  {label:13} no diagram was drawn")
            continue
        print(f"  {label:13} median {statistics.median(times):6.1f}  min {min(times):6.1f}"
              f"  max {max(times):6.1f}  ({len(times)} of {runs} starts)")
    if os.path.exists(log):
        os.unlink(log)


if __name__ == "__main__":
    main()
