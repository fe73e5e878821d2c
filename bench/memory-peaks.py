#!/usr/bin/env python3
"""Peak resident memory of a huge heap, as a user meets it (issues 13 and 18).

Usage: bench/memory-peaks.py HEAPSCOPE-CLI [HEAPSCOPE BUILD-DATA-DIR]

For each program, the peak resident size (ru_maxrss) of `heapscope-cli trace` (JSON to
/dev/null) and of `heapscope-cli render --step last`, and, given the application, the
peak of the window's own process (VmHWM) once it has run the program and shown its last
step (alt+End), under Xvfb. The programs: a step of 900,000 small objects (tuples, then
lists) and issue 18's list-building run of 1,000,000 steps. Targets: each under 1 GiB
(issue 13's drawing of a huge last step), the window under 500 MB for the 1,000,000-step
run (issue 18). A measurement, never an assertion.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

PROGRAMS = [
    # name, source, steps to record
    ("900,000 tuples", "xs = list(zip(range(900000)))\nn = len(xs)\n", 100000),
    ("900,000 lists", "xs = list(map(list, zip(range(900000))))\nn = len(xs)\n", 100000),
    ("1,000,000 appends", "xs = []\nwhile True:\n    xs.append(len(xs))\n", 1000000),
]

APP_SCRIPT = """
"$HEAPSCOPE" "$PROG" >/dev/null 2>&1 &
echo $! > "$PIDFILE"
while [ ! -e "$DONEFILE" ]; do sleep 0.5; done
kill %1; wait
"""


def peak_mb(argv):
    """Runs argv, returns (its peak resident size in MB, seconds)."""
    t0 = time.monotonic()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(argv, stdout=null, stderr=null)
        _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024, time.monotonic() - t0


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return f.read().split()
    except OSError:
        return []


def wait_quiet(pid, quiet=4.0, limit=600.0):
    """Waits until pid (and any child: the runner) used no CPU for `quiet` seconds."""
    start, last, since = time.monotonic(), None, time.monotonic()
    while time.monotonic() - start < limit:
        ticks = cpu_ticks(pid) + sum(cpu_ticks(c) for c in children(pid)
                                     if os.path.exists(f"/proc/{c}"))
        if ticks != last:
            last, since = ticks, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return True
        time.sleep(0.5)
    return False


def vm_hwm_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def app_peak_mb(app, data_dir, prog, steps, tmp):
    """The window's own peak after running prog and showing its last step, or None."""
    home = tempfile.mkdtemp(dir=tmp)
    settings = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write(f"[io/github/heapscope/Heapscope]\nstep-limit={max(steps, 100)}\n")
    pidfile, donefile = os.path.join(home, "pid"), os.path.join(home, "done")
    env = dict(os.environ, HEAPSCOPE=app, PROG=prog, PIDFILE=pidfile, DONEFILE=donefile,
               GSK_RENDERER="cairo", GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=data_dir,
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_STATE_HOME=os.path.join(home, "state"),
               NO_AT_BRIDGE="1", GTK_A11Y="none")
    session = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24",
                                "dbus-run-session", "--", "bash", "-c", APP_SCRIPT],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = None
    try:
        for _ in range(120):
            if os.path.exists(pidfile) and open(pidfile).read().strip():
                break
            time.sleep(0.5)
        pid = int(open(pidfile).read())
        time.sleep(3)
        if wait_quiet(pid):
            # the X server's display and cookie, as xvfb-run gave them to the window
            environ = dict(v.decode().split("=", 1) for v in
                           open(f"/proc/{pid}/environ", "rb").read().split(b"\0") if b"=" in v)
            xenv = dict(os.environ, DISPLAY=environ["DISPLAY"],
                        XAUTHORITY=environ.get("XAUTHORITY", ""))
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--class", "heapscope",
                            "windowactivate", "--sync"], env=xenv, timeout=30,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            subprocess.run(["xdotool", "key", "alt+End"], env=xenv, timeout=30, check=False)
            time.sleep(2)
            if wait_quiet(pid):
                peak = vm_hwm_mb(pid)
    except (OSError, ValueError, KeyError, subprocess.TimeoutExpired):
        peak = None
    finally:
        open(donefile, "w").close()
        try:
            session.wait(timeout=60)
        except subprocess.TimeoutExpired:
            session.kill()
    return peak


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cli = os.path.abspath(sys.argv[1])
    app = os.path.abspath(sys.argv[2]) if len(sys.argv) > 3 else None
    data_dir = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
    if app is not None and (shutil.which("xvfb-run") is None or shutil.which("xdotool") is None):
        app = None
    tmp = tempfile.mkdtemp(prefix="heapscope-memory-")
    print("Peak resident memory, MB (targets: under 1024; the window under 500 for the "
          "1,000,000-step run)\n")
    print(f"{'program':20} {'trace MB':>9} {'trace s':>8} {'render MB':>10} {'render s':>9} "
          f"{'window MB':>10}")
    try:
        for name, source, steps in PROGRAMS:
            prog = os.path.join(tmp, "prog.py")
            with open(prog, "w") as f:
                f.write(source)
            # a long run's JSON in full would be quadratic: its changes only
            compact = ["--compact", "--max-steps", str(steps)] if steps > 100000 else []
            trace_mb, trace_s = peak_mb([cli, "trace", "--max-mb", "0", *compact, prog])
            render_mb, render_s = peak_mb([cli, "render", prog, "--step", "last", "--max-steps",
                                           str(steps), "-o", os.path.join(tmp, "out.png")])
            window = app_peak_mb(app, data_dir, prog, steps, tmp) if app else None
            window_text = f"{window:10.0f}" if window is not None else f"{'-':>10}"
            print(f"{name:20} {trace_mb:9.0f} {trace_s:8.1f} {render_mb:10.0f} {render_s:9.1f} "
                  f"{window_text}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\ntrace: JSON to /dev/null (the 1,000,000-step run --compact); window: VmHWM of the "
          "window's process after alt+End (its runner child not included)")


if __name__ == "__main__":
    main()
