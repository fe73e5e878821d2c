#!/usr/bin/env python3
"""test-render.py CLI — `heapscope-cli render` writes what the export function promises:
a multi-page PDF with pages of one size titled by the line just run (the first page
"Step 1"), an animated GIF with a frame per step and tween, an SVG with real text, and
nothing at all when the export fails (a file-size limit stands in for a full disk).
Needs pdfinfo and pdftotext (poppler-utils). Prints TAP."""

import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PROGRAM = """a = [1, 2]
b = a
def f(x, y=3):
    z = [x, y]
    return z
c = f(a)
d = {'k': c, 'other': (1, 2, 3, 4, 5)}
"""
TWEENS = 4  # hs_export_settings_init's tween_frames
# A doubly linked list of 50 (issue 18): drawn summarised, its last node's prev into the
# marker, as the window draws it.
DOUBLY_LINKED = """class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
        self.prev = None
head = tail = Node(0)
for i in range(1, 50):
    node = Node(i)
    tail.next = node
    node.prev = tail
    tail = node
node = tail = None
"""

results = []


def check(name, cond, note=""):
    results.append((name, cond, note))


def render(cli, prog, *args, limit=None):
    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([cli, "render", prog] + list(args), capture_output=True,
                          text=True, preexec_fn=small_files if limit else None)


def gif_frames(path):
    """The image count of a GIF, by walking its blocks."""
    data = open(path, "rb").read()
    flags = data[10]
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0

    def skip_blocks(p):
        while data[p]:
            p += data[p] + 1
        return p + 1
    while data[pos] != 0x3B:
        if data[pos] == 0x21:
            pos = skip_blocks(pos + 2)
        elif data[pos] == 0x2C:
            frames += 1
            local = data[pos + 9]
            pos += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            pos = skip_blocks(pos + 1)
        else:
            raise ValueError("bad block %#x at %d" % (data[pos], pos))
    return frames


def main(cli):
    tmp = tempfile.mkdtemp(prefix="heapscope-render-")
    prog = os.path.join(tmp, "prog.py")
    with open(prog, "w") as f:
        f.write(PROGRAM)
    n = int(subprocess.run([cli, "trace", prog], capture_output=True, text=True)
            .stdout.count('"event"'))

    pdf = os.path.join(tmp, "all.pdf")
    r = render(cli, prog, "--step", "all", "-o", pdf)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True,
                          text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+(.*)", info)
    check("all-steps PDF: a page per step", r.returncode == 0 and len(sizes) == n,
          "%d pages, %d steps" % (len(sizes), n))
    check("all-steps PDF: one page size", len(set(sizes)) == 1, repr(set(sizes)))
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True).stdout
    titles = re.findall(r"Step \d+ — [^\n]*", text)
    check("page titles: step 1 is the start, each then the line just run",
          titles[:3] == ["Step 1 — start", "Step 2 — line 1: a = [1, 2]",
                         "Step 3 — line 2: b = a"], repr(titles[:3]))

    slides = os.path.join(tmp, "slides.pdf")
    r = render(cli, prog, "--step", "2-4", "-o", slides, "--page-size", "16:9")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9", slides], capture_output=True,
                          text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+(\S+ x \S+)", info)
    check("16:9 slides of steps 2-4", sizes == ["960 x 540"] * 3, repr(sizes))

    gif = os.path.join(tmp, "a.gif")
    r = render(cli, prog, "--step", "3-6", "-o", gif)
    frames = gif_frames(gif) if r.returncode == 0 else -1
    check("GIF of steps 3-6: a frame per step and tween", frames == 4 + 3 * TWEENS,
          "%d frames %s" % (frames, r.stderr))

    svg = os.path.join(tmp, "last.svg")
    r = render(cli, prog, "--step", "last", "-o", svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    root = ET.parse(svg).getroot() if r.returncode == 0 else None
    texts = [t.text for t in root.iterfind(".//svg:text", ns)] if root is not None else []
    check("SVG: the variable names as text", {"a", "b", "c", "d", "f"} <= set(texts),
          repr(texts[:12]))
    titles = [t.text for t in root.iterfind(".//svg:g/svg:title", ns)] if root is not None else []
    check("SVG: a titled group per node", any(t.startswith("list #") for t in titles),
          repr(titles[:6]))

    dll = os.path.join(tmp, "dll.py")
    with open(dll, "w") as f:
        f.write(DOUBLY_LINKED)
    dot = os.path.join(tmp, "dll.dot")
    r = render(cli, dll, "--step", "last", "-o", dot)
    text = open(dot).read() if r.returncode == 0 else r.stderr
    check("DOT of a doubly linked list of 50: summarised, the last node's prev into the marker",
          "46 more Node" in text and text.count(">prev<") == 4
          and re.search(r"o\d+:\w+:e -> c\d+", text) is not None, text[-600:])

    before = set(os.listdir(tmp))
    big = os.path.join(tmp, "big.pdf")
    r = render(cli, prog, "--step", "all", "-o", big, limit=4096)
    check("a failed export says why", r.returncode == 1 and "big.pdf" in r.stderr
          and "large" in r.stderr, r.stderr.strip())
    check("a failed export leaves no file", set(os.listdir(tmp)) == before,
          repr(set(os.listdir(tmp)) - before))

    print("1..%d" % len(results))
    for i, (name, ok, note) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            print("# " + note)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1]))
    except Exception:  # a check that could not even run still says which and why
        import traceback
        print("1..%d" % (len(results) + 1))
        for i, (name, ok, _) in enumerate(results, 1):
            print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        print("not ok %d - the checks after %r ran" % (len(results) + 1,
                                                      results[-1][0] if results else "none"))
        print("".join("# " + line + "\n" for line in traceback.format_exc().splitlines()))
        sys.exit(1)
