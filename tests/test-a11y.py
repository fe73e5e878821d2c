#!/usr/bin/env python3
"""test-a11y.py HEAPSCOPE RUNNER SCHEMA_DIR — the window as a screen reader sees it (AT-SPI).

Run inside xvfb-run and dbus-run-session: starts the accessibility bus, opens a program in
Heapscope and reads the accessibility tree. Checks that the diagram is an image whose
description names the program's variables and what they refer to, that it changes when
stepping, that the What happened sentences are announced (the name of an alert changes,
an event the screen reader hears), and that
every button has a real name. Then, with real key presses (xdotool, when installed): F6
reaches the diagram from wherever the keyboard is and moves on from it, Shift+F6 comes
back, the arrow keys move between its boxes (its name follows), F10/Shift+F10 step, and while presenting
Tab gives the arrows to the diagram and Escape gives them back to stepping. Speaks TAP;
skips without Python's AT-SPI bindings.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, Gio, GLib
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP no AT-SPI bindings for Python ({e})")
    sys.exit(0)

app_path, runner, schema_dir = sys.argv[1:4]
PROGRAM = "xs = [1, 2]\nys = xs\ntotal = sum(xs)\n"
BUTTON_ROLES = {Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON}
results = []


def check(ok, what):
    results.append((ok, what))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {what}", flush=True)


def walk(node, depth=0):
    yield node
    if depth > 60:
        return
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, depth + 1)


def find_app(proc, timeout=60):
    """The app on the accessibility bus; None after the timeout or once the app ended."""
    end = time.time() + timeout
    while time.time() < end and proc.poll() is None:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and (app.get_name() or "").lower().startswith("heapscope"):
                return app
        time.sleep(0.3)
    return None


def wait_for(pred, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        value = pred()
        if value:
            return value
        time.sleep(0.2)
    return None


def diagram_of(app):
    for node in walk(app):
        if node.get_role() == Atspi.Role.IMAGE and (node.get_name() or "").startswith("Memory diagram"):
            return node
    return None


def display_ready(timeout=30):
    """Waits until the X server of $DISPLAY takes connections on its socket: an app started
    just before that ends at once with "cannot open display" (seen on a loaded machine)."""
    number = os.environ.get("DISPLAY", ":0").lstrip(":").split(".")[0]
    path = f"/tmp/.X11-unix/X{number}"
    end = time.time() + timeout
    while time.time() < end:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            try:
                sock.connect(path)
                return True
            except OSError:
                time.sleep(0.2)
    return False


def a11y_bus_ready(timeout=30):
    """Waits until the launcher answers org.a11y.Bus.GetAddress: an app started before
    that never joins the accessibility bus (a slow, loaded machine took over a second)."""
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    end = time.time() + timeout
    while time.time() < end:
        try:
            session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType("(s)"), Gio.DBusCallFlags.NO_AUTO_START,
                              1000, None)
            return True
        except GLib.Error:
            time.sleep(0.2)
    return False


if not display_ready():
    print("not ok 1 - the X display takes connections")
    sys.exit(1)
bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if not a11y_bus_ready():
    print("not ok 1 - the accessibility bus started")
    sys.exit(1)
tmp = tempfile.mkdtemp(prefix="heapscope-a11y-")
prog = os.path.join(tmp, "aliases.py")
with open(prog, "w") as f:
    f.write(PROGRAM)
env = dict(os.environ, GSETTINGS_BACKEND="memory", GSETTINGS_SCHEMA_DIR=schema_dir,
           HEAPSCOPE_RUNNER=runner, HOME=tmp, XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp,
           GSK_RENDERER="cairo", GDK_BACKEND="x11", LANGUAGE="C", LC_ALL="C.UTF-8",
           GTK_A11Y="atspi")
env.pop("NO_AT_BRIDGE", None)
app_log = open(os.path.join(tmp, "app.log"), "w+")


def start_app():
    return subprocess.Popen([app_path, prog], env=env, stdout=subprocess.DEVNULL, stderr=app_log)


app_proc = start_app()
announced = []


def on_event(event):
    try:
        if event.source.get_role() == Atspi.Role.ALERT:
            announced.append(event.source.get_name() or "")
    except Exception:  # a source gone meanwhile
        pass


listener = Atspi.EventListener.new(on_event)
listener.register("object:property-change:accessible-name")


def step_forward(app):
    button = next((n for n in walk(app) if n.get_role() in BUTTON_ROLES
                   and n.get_name() == "Step Forward"), None)
    if button is not None:
        Atspi.Action.do_action(button, 0)
    return button is not None


def focused(node):
    return node is not None and node.get_state_set().contains(Atspi.StateType.FOCUSED)


def press(*keys):
    subprocess.run(["xdotool", "key", "--delay", "150", *keys], check=False)


def keyboard_checks(app):
    """Real key presses: F6 between the panes, the diagram's keys, presenting."""
    if shutil.which("xdotool") is None:
        print("# SKIP key presses: xdotool is not installed", flush=True)
        return
    found = subprocess.run(["xdotool", "search", "--name", "aliases"], capture_output=True,
                           text=True).stdout.split()
    if found:
        subprocess.run(["xdotool", "windowfocus", "--sync", found[0]], check=False)
    diagram = diagram_of(app)
    name = lambda: diagram.get_name() or ""
    presses = 0
    while presses < 4 and not focused(diagram):
        press("F6")
        presses += 1
        wait_for(lambda: focused(diagram), timeout=2)
    check(focused(diagram), f"F6 reaches the diagram ({presses} presses)")
    press("F6")
    left = wait_for(lambda: not focused(diagram), timeout=5)
    press("shift+F6")
    check(left and wait_for(lambda: focused(diagram), timeout=5),
          "F6 moves on from the diagram, Shift+F6 comes back")
    press("Right")
    check(wait_for(lambda: name().startswith("Memory diagram: list #"), timeout=5),
          f"Right follows an arrow: {name()!r}")
    before = diagram.get_description() or ""
    press("F5")
    time.sleep(1.0)
    press("Tab", "Left")
    on_frame = wait_for(lambda: name().startswith("Memory diagram: Global frame"), timeout=5)
    time.sleep(0.5)
    check(on_frame and (diagram.get_description() or "") == before,
          f"presenting, Tab then Left moves in the diagram, not a step: {name()!r}")
    press("Escape", "Left")
    check(wait_for(lambda: (diagram.get_description() or "") != before, timeout=5) is not None,
          "after Escape the arrow keys step again")
    press("Escape")
    time.sleep(0.5)
    before = diagram.get_description() or ""
    press("F10")
    stepped = wait_for(lambda: (diagram.get_description() or "") != before, timeout=5)
    press("shift+F10")
    back = wait_for(lambda: (diagram.get_description() or "") == before, timeout=5)
    check(stepped is not None and back is not None,
          "F10 steps forward and Shift+F10 back (no menu takes F10: Ctrl+F10 opens it)")


def description_with(app, text):
    def probe():
        d = diagram_of(app)
        return d if d is not None and text in (d.get_description() or "") else None
    return wait_for(probe)


def app_diagnostics():
    """Why the app is not on the bus: whether it ended, and the end of what it wrote."""
    app_log.flush()
    app_log.seek(0)
    tail = app_log.read().splitlines()[-15:]
    state = "running" if app_proc.poll() is None else f"exited with status {app_proc.returncode}"
    return "\n".join([f"# the app is {state}"] + [f"# {line}" for line in tail])


try:
    app = find_app(app_proc)
    for _ in range(2):
        if app is not None or app_proc.returncode not in (None, 1):
            break
        # On a loaded machine the app's bridge can give up before the registry answers, or
        # the display refuses the app's first connection (it then exits with status 1); a
        # new start finds them ready. A crash (a signal) is not retried: it is reported below.
        print(app_diagnostics(), flush=True)
        if app_proc.poll() is None:
            app_proc.terminate()
            app_proc.wait(timeout=10)
        time.sleep(2)
        display_ready()
        app_proc = start_app()
        app = find_app(app_proc)
    check(app is not None, "Heapscope is on the accessibility bus")
    if app is None:
        print(app_diagnostics(), flush=True)
        sys.exit(1)
    diagram = description_with(app, "Global frame")
    check(diagram is not None,
          "the diagram is an image named 'Memory diagram' whose description names the global frame")
    unnamed = [n.get_role_name() for n in walk(app)
               if n.get_role() in BUTTON_ROLES and not (n.get_name() or "").strip()
               and n.get_state_set().contains(Atspi.StateType.SHOWING)]
    check(not unnamed, "every button shown has a name" + (f": unnamed {unnamed}" if unnamed else ""))
    check(step_forward(app) and description_with(app, "xs refers to list") is not None,
          "after a step the description names xs and the list it refers to")
    announced.clear()
    step_forward(app)
    check(description_with(app, "ys refers to list") is not None,
          "the description follows every step (ys refers to the same list)")
    wait_for(lambda: any("ys" in a for a in announced), timeout=5)
    check(any("ys" in a for a in announced),
          f"the step's What happened sentences are announced: {announced[-1:] if announced else 'nothing'}")
    keyboard_checks(app)
finally:
    listener.deregister("object:property-change:accessible-name")
    app_proc.terminate()
    try:
        app_proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        app_proc.kill()
    bus.terminate()
print(f"1..{len(results)}", flush=True)
sys.exit(0 if all(ok for ok, _ in results) else 1)
