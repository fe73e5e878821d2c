#!/usr/bin/env python3
"""Compare Heapscope's traces with CPython's, step by step.

Usage: tests/trace-compare.py --cli PATH/heapscope-cli --programs DIR
                              [--only NAME] [--report] [--heap-primitives]
                              [--jobs N] [--max-steps N]
                              [--known FILE] [--write-known FILE]

For every DIR/*.py that compiles, runs tests/trace-oracle.py (CPython 3.11
under sys.settrace, Python Tutor's semantics but CPython's memory where
Python Tutor keeps a returned parent frame alive) and `heapscope-cli trace FILE`,
and walks both traces together (only their first N steps with --max-steps
N: both sides are run with a step limit of N + 1; when the CLI refuses a
trace of deep stacks for its size, fewer).  Each program is classified:

  exact      every step matches
  events     the same (event, line, func_name) sequence, but some variable,
             frame, heap object or output differs (the first one is shown)
  different  the sequences differ (the first differing step is shown), or
             Heapscope failed to produce a trace

Matching is up to renaming: heap ids and frame ids are mapped as the walk
meets them (the first REF to oracle id a where Heapscope has b binds a<->b
for the rest of the trace; a second binding of either side is a difference).
An oracle id may be bound again once the Heapscope object it was bound to
has been freed (listed in `freed`), since CPython reuses the id() of a freed
object and the oracle numbers objects by id() as Python Tutor does.
A value id() gave is compared as the object it identifies (CPython's is an
address: the oracle lists the addresses of the objects it shows).
Ignored: Heapscope's own keys (refcounts, freed, gc, unreachable,
heapscope_*), unique_hash, heap objects that only Heapscope's own keys
reach, and the documented layout differences of docs/trace-format.md
(builtin objects such as ranges and iterators as ["INSTANCE", type,
[label, v]...] where Python Tutor prints INSTANCE_PPRINT or a bare INSTANCE:
only the type is compared; a frozenset as a SET; an exception's args and
chain among its rows; a bound method as the method object, compared as its
function; a classmethod or staticmethod only by its type).
The oracle's traces are kept in a cache (HS_ORACLE_CACHE, else
$XDG_CACHE_HOME/heapscope-trace-oracle; HS_ORACLE_CACHE=off: none), keyed by
the oracle's text, the program's text, the options and CPython's version: the
oracle (CPython tracing in Python) is most of a run's time, and its trace of a
program never changes.
Closure cells, which Heapscope draws as the heap objects CPython has where
Python Tutor shows their values in place, are seen through (see_through_cells),
and a function's references to its cells are left out.

With --known FILE (tests/trace-fidelity-known.txt: NAME LEVEL REASON lines)
the exit status is 0 when every program is at exactly its listed level
(unlisted: exact), 1 when one does worse or better ("update the list") or a
listed one is gone; --write-known FILE rewrites such a list from the run.
Without --known: 0 when every program matches at least at the "events"
level, 1 otherwise.  77 (skipped) when this python3 is not CPython 3.11.
"""

import argparse
import ast
import concurrent.futures
import hashlib
import itertools
import re
import json
import os
import subprocess
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "trace-oracle.py")
with open(ORACLE, "rb") as _f:
    ORACLE_TEXT = _f.read()
TIMEOUT = 300
# build-aux/test's sanitizer run: slower processes
SANITIZER_STEPS = 300
SCALE = float(os.environ.get("HS_TIMEOUT_SCALE", "1") or 1)

FRAME_KEYS = ("func_name", "is_highlighted", "is_parent", "is_zombie",
              "ordered_varnames")
CONTAINERS = ("LIST", "TUPLE", "SET")


class Mismatch(Exception):
    """A difference between the two traces, with where it is."""


# -- reading traces -------------------------------------------------------------

def iter_steps(text, meta=None):
    """Yield the steps of {"code": ..., "trace": [...]} one by one, so that a
    trace of hundreds of megabytes is never held as one Python object.  The
    other top-level values go to the dict meta as they are read."""
    dec = json.JSONDecoder()
    n = len(text)

    def skip(i):
        while i < n and text[i] in " \t\r\n":
            i += 1
        return i

    i = skip(0)
    if i >= n or text[i] != "{":
        raise ValueError("not a JSON object")
    i = skip(i + 1)
    while i < n and text[i] != "}":
        key, i = dec.raw_decode(text, i)
        i = skip(i)
        if text[i] != ":":
            raise ValueError("expected ':' at %d" % i)
        i = skip(i + 1)
        if key != "trace":
            value, i = dec.raw_decode(text, i)
            if meta is not None:
                meta[key] = value
        else:
            if text[i] != "[":
                raise ValueError("'trace' is not a list")
            i = skip(i + 1)
            while text[i] != "]":
                step, i = dec.raw_decode(text, i)
                yield step
                i = skip(i)
                if text[i] == ",":
                    i = skip(i + 1)
            i += 1
        i = skip(i)
        if i < n and text[i] == ",":
            i = skip(i + 1)


# -- comparing one step ---------------------------------------------------------

HEAPSCOPE_KEYS = ("refcounts", "freed", "gc", "unreachable")


def see_through_cells(step):
    """Heapscope draws closure cells (and super()'s __class__ cell) as the heap
    objects CPython has, ["INSTANCE", "cell", ["", value]]; Python Tutor shows
    the value where the variable is.  Returns the step with every REF to a cell
    replaced by the cell's contents and the cells left out of the heap."""
    heap = step.get("heap") or {}
    cells = {k: v for k, v in heap.items()
             if isinstance(v, list) and v[:2] == ["INSTANCE", "cell"]}
    if not cells:
        return step

    def sub(v):
        if isinstance(v, list):
            if len(v) == 2 and v[0] == "REF" and str(v[1]) in cells:
                cell = cells[str(v[1])]
                return sub(cell[2][1]) if len(cell) > 2 else None
            return [sub(x) for x in v]
        if isinstance(v, dict):
            return {k: sub(x) for k, x in v.items()}
        return v

    out = {k: (v if k.startswith("heapscope_") or k in HEAPSCOPE_KEYS else sub(v))
           for k, v in step.items() if k != "heap"}
    out["heap"] = {k: sub(v) for k, v in heap.items() if k not in cells}
    return out


class Renaming:
    """A bijection between oracle ids and Heapscope ids."""

    def __init__(self, what):
        self.what = what
        self.o2h = {}
        self.h2o = {}
        # Heapscope ids said freed so far: the oracle's ids come from id(),
        # which CPython reuses once an object is freed, so an oracle id
        # bound to a freed Heapscope object may be bound again
        self.freed = set()

    def bind(self, o, h, where):
        if o is None or h is None:
            if o is not h:
                raise Mismatch("%s: %s %r vs Heapscope %r"
                               % (where, self.what, o, h))
            return
        ho = self.o2h.get(o)
        oh = self.h2o.get(h)
        if ho is not None and ho != h and oh is None and ho in self.freed:
            del self.h2o[ho]
            ho = None
        if ho is None and oh is None:
            self.o2h[o] = h
            self.h2o[h] = o
        elif ho != h or oh != o:
            raise Mismatch(
                "%s: oracle %s %r is Heapscope's %r here but %r before"
                % (where, self.what, o, h, ho if ho is not None else
                   "(another: Heapscope %r was oracle %r)" % (h, oh)))


def same_primitive(o, h):
    return type(o) is type(h) and o == h


def show(v):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) < 120 else s[:117] + "..."


def function_defaults(entry):
    """Default pairs of a FUNCTION entry: pg_encoder appends them as one list."""
    return entry[3] if len(entry) > 3 else []


def children(oe, he):
    """The (oracle, Heapscope) value pairs inside two matching entries."""
    kind = oe[0]
    if he[0] != kind:  # told apart by the caller; nothing inside to pair
        return []
    if kind in CONTAINERS or kind == "HEAP_PRIMITIVE":
        return zip(oe[1:], he[1:])
    if kind == "DICT":
        return [x for (ok, ov), (hk, hv) in zip(oe[1:], he[1:])
                for x in ((ok, hk), (ov, hv))]
    if kind == "FUNCTION":
        return [(ov, hv) for (_, ov), (_, hv) in
                zip(function_defaults(oe), function_defaults(he))]
    if kind in ("INSTANCE", "INSTANCE_PPRINT", "CLASS"):
        head = 3 if kind != "INSTANCE" else 2
        if len(oe) != len(he):
            return []
        # the names were compared when the entries were first seen equal
        return [(ov, hv) for (_, ov), (_, hv) in zip(oe[head:], he[head:])]
    return []


# What an exception holds outside its __dict__ (docs/trace-format.md).
EXCEPTION_FIELDS = ("args", "__cause__", "__context__", "__traceback__", "name",
                    "obj", "filename", "filename2")


def without_exception_fields(onames, he):
    """Heapscope shows an exception's args tuple and chain among its rows
    (references CPython's exceptions hold in C fields); Python Tutor only its
    __dict__.  Returns he without the rows of those the oracle (whose
    attribute names are onames) lacks."""
    return he[:2] + [row for row in he[2:]
                     if not (isinstance(row, list) and row[0] in EXCEPTION_FIELDS
                             and row[0] not in onames)]


def same_frozenset(text, items):
    """The oracle prints a frozenset ("frozenset({1, 2})"); Heapscope lists
    its items.  Primitive items are compared as a multiset; others (REFs,
    special floats) only by count when the text can be read at all."""
    if not (text.startswith("frozenset(") and text.endswith(")")):
        return False
    inner = text[len("frozenset("):-1]
    try:
        values = ast.literal_eval(inner) if inner else set()
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return True  # items the oracle cannot print back: type only
    if not isinstance(values, (set, dict)) or len(values) != len(items):
        return False
    if any(isinstance(v, list) for v in items):
        return True
    key = lambda v: (type(v).__name__, repr(v))
    return sorted(map(key, values)) == sorted(map(key, items))


class StepComparer:
    def __init__(self, oheap, hheap, heap_ids, frame_ids, cache, addresses):
        self.addresses = addresses  # CPython's id() of an object -> its oracle id
        self.oheap = oheap
        self.hheap = hheap
        self.heap_ids = heap_ids
        self.frame_ids = frame_ids
        self.cache = cache  # (oracle id, Heapscope id) -> entries seen equal
        self.done = set()

    def value(self, o, h, where):
        if isinstance(o, list) and o[:1] == ["REF"]:
            if not (isinstance(h, list) and h[:1] == ["REF"]):
                raise Mismatch("%s: oracle has an object, Heapscope %s"
                               % (where, show(h)))
            self.heap_ids.bind(o[1], h[1], where)
            if (o[1], h[1]) in self.done:
                return
            self.done.add((o[1], h[1]))
            oe = self.oheap.get(str(o[1]))
            he = self.hheap.get(str(h[1]))
            if he is None:
                raise Mismatch("%s: Heapscope's REF %s is not in its heap"
                               % (where, h[1]))
            key = (o[1], h[1])
            seen = self.cache.get(key)
            if seen is not None and seen[0] == oe and seen[1] == he:
                # unchanged since a step where it matched: only the objects
                # it refers to can have changed
                if oe[0] == "SET" and self.same_unordered(oe[1:], he[1:]):
                    return
                for oc, hc in children(oe, he):
                    if isinstance(oc, list) and oc[:1] == ["REF"]:
                        self.value(oc, hc, where)
                return
            self.entry(oe, he, "%s -> %s" % (where, show(oe)[:40]))
            self.cache[key] = (oe, he)
            return
        if isinstance(h, list) and h[:1] == ["REF"]:
            raise Mismatch("%s: oracle has %s, Heapscope an object %s"
                           % (where, show(o), show(self.hheap.get(str(h[1])))))
        if isinstance(o, list):  # SPECIAL_FLOAT
            if o != h:
                raise Mismatch("%s: oracle %s, Heapscope %s"
                               % (where, show(o), show(h)))
            return
        if type(o) is int and type(h) is int and str(o) in self.addresses:
            # a value id() gave: CPython's is an address, Heapscope's its
            # object's id; either names the same object
            self.heap_ids.bind(self.addresses[str(o)], h, where + " (an id())")
            return
        if not same_primitive(o, h):
            raise Mismatch("%s: oracle %s, Heapscope %s"
                           % (where, show(o), show(h)))

    def entry(self, oe, he, where):
        kind = oe[0]
        hkind = he[0] if he else None
        if kind in ("INSTANCE", "INSTANCE_PPRINT") and \
                (kind == "INSTANCE_PPRINT" or len(oe) == 2) and \
                hkind in ("INSTANCE", "INSTANCE_PPRINT"):
            # a builtin object (range, iterator, ...): only its type is
            # comparable; Heapscope labels its insides its own way
            if oe[1] != he[1]:
                raise Mismatch("%s: oracle a %s, Heapscope a %s"
                               % (where, oe[1], he[1]))
            return
        if kind == "INSTANCE_PPRINT" and oe[1] == "frozenset" and \
                hkind == "SET":
            # Heapscope draws a frozenset as a SET (docs/trace-format.md)
            if not same_frozenset(oe[2], he[1:]):
                raise Mismatch("%s: oracle %s, Heapscope %s"
                               % (where, show(oe), show(he)))
            return
        if kind == "FUNCTION" and he[:2] == ["INSTANCE", "method"] and \
                len(he) == 4 and isinstance(he[2][1], list):
            # a bound method: Heapscope draws the method object CPython has
            # (its function and its self), Python Tutor the function
            he = self.hheap.get(str(he[2][1][1]))
            hkind = he[0] if he else None
        if kind == "INSTANCE" and oe[1] in ("classmethod", "staticmethod") \
                and he[:2] == oe[:2]:
            # the wrapper CPython has: Heapscope shows the function it
            # wraps, Python Tutor the attributes it copied from it
            return
        if kind != hkind:
            raise Mismatch("%s: oracle %s, Heapscope %s"
                           % (where, show(oe), show(he)))
        if kind in CONTAINERS:
            if len(oe) != len(he):
                raise Mismatch("%s: oracle %s, Heapscope %s"
                               % (where, show(oe), show(he)))
            if kind == "SET" and self.same_unordered(oe[1:], he[1:]):
                return
            for i, (o, h) in enumerate(zip(oe[1:], he[1:])):
                self.value(o, h, "%s[%d]" % (where, i))
        elif kind == "DICT":
            if len(oe) != len(he):
                raise Mismatch("%s: oracle %s, Heapscope %s"
                               % (where, show(oe), show(he)))
            for (ok, ov), (hk, hv) in zip(oe[1:], he[1:]):
                self.value(ok, hk, "%s key" % where)
                self.value(ov, hv, "%s[%s]" % (where, show(ok)))
        elif kind == "FUNCTION":
            if oe[1] != he[1]:
                raise Mismatch("%s: function oracle %s, Heapscope %s"
                               % (where, show(oe[1]), show(he[1])))
            self.frame_ids.bind(oe[2], he[2] if len(he) > 2 else None,
                                where + " parent frame")
            od, hd = function_defaults(oe), function_defaults(he)
            if len(od) != len(hd):
                raise Mismatch("%s: defaults oracle %s, Heapscope %s"
                               % (where, show(od), show(hd)))
            for (on, ov), (hn, hv) in zip(od, hd):
                if on != hn:
                    raise Mismatch("%s: default of %s vs %s" % (where, on, hn))
                self.value(ov, hv, "%s default %s" % (where, on))
        elif kind in ("INSTANCE", "INSTANCE_PPRINT", "CLASS"):
            head = 3 if kind != "INSTANCE" else 2
            if kind == "INSTANCE":
                he = without_exception_fields(
                    {self.attr_name(row[0]) for row in oe[2:]}, he)
            if oe[:head] != he[:head] or len(oe) != len(he):
                raise Mismatch("%s: oracle %s, Heapscope %s"
                               % (where, show(oe), show(he)))
            for (on, ov), (hn, hv) in zip(oe[head:], he[head:]):
                on = self.attr_name(on)
                self.value(on, hn, "%s attr" % where)
                self.value(ov, hv, "%s.%s" % (where, on))
        elif kind == "HEAP_PRIMITIVE":
            if oe[1] != he[1] or len(he) != 3:
                raise Mismatch("%s: oracle %s, Heapscope %s"
                               % (where, show(oe), show(he)))
            self.value(oe[2], he[2], where)
        elif oe != he:
            raise Mismatch("%s: oracle %s, Heapscope %s"
                           % (where, show(oe), show(he)))

    def attr_name(self, name):
        """With --heap-primitives the oracle names attributes by REFs to
        their (interned) strings; Heapscope writes the names themselves."""
        if isinstance(name, list) and name[:1] == ["REF"]:
            e = self.oheap.get(str(name[1]))
            if isinstance(e, list) and e[:2] == ["HEAP_PRIMITIVE", "str"]:
                return e[2]
        return name

    def same_unordered(self, os_, hs):
        """Sets of primitives may iterate in another order (hashing); with
        --heap-primitives their items are REFs to primitives, matched by
        value (and bound as they match)."""
        opairs = [(self.primitive_of(v, self.oheap), v) for v in os_]
        hpairs = [(self.primitive_of(v, self.hheap), v) for v in hs]
        if any(p is None for p, _ in opairs + hpairs):
            return False
        key = lambda v: (type(v).__name__, repr(v))
        opairs.sort(key=lambda pv: key(pv[0]))
        hpairs.sort(key=lambda pv: key(pv[0]))
        if [key(p) for p, _ in opairs] != [key(p) for p, _ in hpairs]:
            return False
        for (_, o), (_, h) in zip(opairs, hpairs):
            self.value(o, h, "set item")
        return True

    @staticmethod
    def primitive_of(v, heap):
        """A set item's primitive value, through a HEAP_PRIMITIVE REF; None
        for anything else (a tuple, a SPECIAL_FLOAT)."""
        if isinstance(v, list) and v[:1] == ["REF"]:
            e = heap.get(str(v[1]))
            if isinstance(e, list) and e[:1] == ["HEAP_PRIMITIVE"] and len(e) == 3 \
                    and not isinstance(e[2], list):
                return e[2]
            return None
        return None if isinstance(v, list) else v


def compare_step(o, h, heap_ids, frame_ids, cache, addresses):
    """Raise Mismatch at the first difference between two steps."""
    if o.get("event") in ("uncaught_exception", "instruction_limit_reached"):
        if o.get("exception_msg") != h.get("exception_msg") and \
                o.get("event") == "uncaught_exception":
            raise Mismatch("exception_msg: oracle %s, Heapscope %s"
                           % (show(o.get("exception_msg")),
                              show(h.get("exception_msg"))))
        return
    for key in ("stdout", "exception_msg", "ordered_globals"):
        if o.get(key) != h.get(key):
            raise Mismatch("%s: oracle %s, Heapscope %s"
                           % (key, show(o.get(key)), show(h.get(key))))
    cmp = StepComparer(o.get("heap", {}), h.get("heap", {}), heap_ids,
                       frame_ids, cache, addresses)
    og, hg = o.get("globals", {}), h.get("globals", {})
    if set(og) != set(hg):
        raise Mismatch("globals: oracle %s, Heapscope %s"
                       % (sorted(og), sorted(hg)))
    for name in o.get("ordered_globals", []):
        cmp.value(og[name], hg[name], "global %s" % name)
    ostack = o.get("stack_to_render", [])
    hstack = h.get("stack_to_render", [])
    if len(ostack) != len(hstack):
        raise Mismatch("stack_to_render: oracle %s, Heapscope %s"
                       % ([f["func_name"] for f in ostack],
                          [f.get("func_name") for f in hstack]))
    for depth, (of, hf) in enumerate(zip(ostack, hstack)):
        where = "frame %d (%s)" % (depth, of["func_name"])
        for key in FRAME_KEYS:
            if of.get(key) != hf.get(key):
                raise Mismatch("%s %s: oracle %s, Heapscope %s"
                               % (where, key, show(of.get(key)),
                                  show(hf.get(key))))
        frame_ids.bind(of["frame_id"], hf.get("frame_id"), where + " id")
        op, hp = of["parent_frame_id_list"], hf.get("parent_frame_id_list")
        if not isinstance(hp, list) or len(op) != len(hp):
            raise Mismatch("%s parent_frame_id_list: oracle %s, Heapscope %s"
                           % (where, op, hp))
        for a, b in zip(op, hp):
            frame_ids.bind(a, b, where + " parent")
        ol, hl = of["encoded_locals"], hf.get("encoded_locals", {})
        if set(ol) != set(hl):
            raise Mismatch("%s locals: oracle %s, Heapscope %s"
                           % (where, sorted(ol), sorted(hl)))
        for name in of["ordered_varnames"]:
            cmp.value(ol[name], hl[name], "%s local %s" % (where, name))


def event_key(step):
    if step.get("event") == "instruction_limit_reached":
        return (step.get("event"),)  # pg_logger gives it no line or function
    return (step.get("event"), step.get("line"), step.get("func_name"))


# -- one program ------------------------------------------------------------------

def run(cmd, cwd, strict=False):
    """stdout of cmd and its stderr, or None and why not.  strict: any exit
    status but 0 is a failure even after output (a sanitizer report ends the
    process)."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1")
    timeout = TIMEOUT * SCALE
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %d s" % timeout
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0 and (strict or not out.strip()):
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "exit status %d%s" % (
            p.returncode, (": " + err[-1]) if err else "")
    return out, p.stderr.decode("utf-8", "replace")


def describe(step):
    if step is None:
        return "(no step)"
    key = event_key(step)
    s = "%s line %s in %s" % key if len(key) == 3 else key[0]
    if step.get("exception_msg"):
        s += " (%s)" % step["exception_msg"]
    return s


def steps_option(limit):
    # one step more than compared: Heapscope's last step is its own
    # "stopped after N steps", the oracle's an instruction_limit_reached
    return ["--max-steps", str(limit + 1)] if limit else []


def compare_program(path, cli, extra, limit=None):
    """Return (name, verdict, steps_oracle, steps_heapscope, message).
    limit: compare only the first `limit` steps of the two traces."""
    name = os.path.basename(path)[:-3]
    cwd = os.path.dirname(path)
    note = ""
    while True:
        htext, err = run([cli, "trace", path] + extra + steps_option(limit),
                         cwd, strict=True)
        # a trace of deep stacks can pass the CLI's 64 MB cap before the
        # step limit (it then ends early, saying so): compare the steps it can give
        m = re.search(r"stops after (\d+) of \d+ steps", err or "")
        # (it stopped at step K of limit + 1: ask for K - 2 steps)
        if m is None or int(m.group(1)) < 3:
            break
        limit = int(m.group(1)) - 2
        note = "  (only %d steps: the CLI's size cap)" % limit
    if htext is None:
        return name, "different", 0, 0, "heapscope-cli trace: " + err
    otext, err = oracle_trace(path, extra + steps_option(limit), cwd)
    if otext is None:
        return name, "oracle-error", 0, 0, err
    result = compare_texts(name, otext, htext, limit)
    return result[:4] + (result[4] + note,)


def oracle_cache_dir():
    where = os.environ.get("HS_ORACLE_CACHE")
    if where == "off":
        return None
    if where:
        return where
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "heapscope-trace-oracle")


def oracle_trace(path, options, cwd):
    """The oracle's trace of the program and "", or None and why not: from
    the cache when this oracle already traced this text with these options."""
    cache = oracle_cache_dir()
    key = hashlib.sha256()
    expected = path[:-3] + ".out"  # what check_oracle_output held it to
    for part in (ORACLE_TEXT, open(path, "rb").read(),
                 open(expected, "rb").read() if os.path.exists(expected) else b"",
                 repr((options, os.path.basename(path), sys.version)).encode()):
        key.update(part)
        key.update(b"\0")
    cached = cache and os.path.join(cache, key.hexdigest() + ".json")
    if cached and os.path.exists(cached):
        with open(cached, encoding="utf-8") as f:
            return f.read(), ""
    otext, err = run([sys.executable, ORACLE, path] + options, cwd)
    if otext is None:
        return None, err
    err = check_oracle_output(path, otext)
    if err:
        return None, err
    if cached:
        try:
            os.makedirs(cache, exist_ok=True)
            part = "%s.%d" % (cached, os.getpid())
            with open(part, "w", encoding="utf-8") as f:
                f.write(otext)
            os.replace(part, cached)  # whole or not at all, for parallel runs
        except OSError:
            pass  # a read-only cache only costs time
    return otext, ""


def compare_texts(name, otext, htext, limit):
    heap_ids = Renaming("heap id")
    frame_ids = Renaming("frame id")
    cache = {}
    verdict, message, truncated = "exact", "", ""
    bad_steps = 0
    no = nh = 0
    try:
        meta = {}
        osteps = itertools.islice(iter_steps(otext, meta), limit)
        hsteps = itertools.islice(iter_steps(htext), limit)
        ostep = next(osteps, None)
        hstep = next(hsteps, None)
        while ostep is not None and hstep is not None:
            hstep = see_through_cells(hstep)
            no += 1
            nh += 1
            if stopped_early(ostep, hstep):
                # one side reached its step limit before the other (Heapscope
                # counts a class body's hidden events, pg_logger does not):
                # what is compared is the steps both have, before it
                truncated = "  (%s stops at its step limit at step %d, %s " \
                    "has %s: the steps before compared)" % (
                        "Heapscope" if is_limit(hstep) else "the oracle",
                        no - 1, "the oracle" if is_limit(hstep) else
                        "Heapscope", describe(ostep if is_limit(hstep)
                                              else hstep))
                no -= 1
                nh -= 1
                ostep = hstep = None
                break
            if event_key(ostep) != event_key(hstep):
                verdict = "different"
                message = "step %d: oracle %s, Heapscope %s" % (
                    no - 1, describe(ostep), describe(hstep))
                break
            freed = hstep.get("freed") or []
            gc_info = hstep.get("gc")
            if isinstance(gc_info, dict):
                freed = list(freed) + list(gc_info.get("freed") or [])
            heap_ids.freed.update(f for f in freed if isinstance(f, int))
            try:
                if verdict == "exact":
                    compare_step(ostep, hstep, heap_ids, frame_ids, cache,
                                 meta.get("addresses", {}))
                else:
                    compare_step(ostep, hstep, Renaming("heap id"),
                                 Renaming("frame id"), {},
                                 meta.get("addresses", {}))
            except Mismatch as m:
                bad_steps += 1
                if verdict == "exact":
                    verdict = "events"
                    message = "step %d (%s): %s" % (no - 1, describe(ostep), m)
            ostep = next(osteps, None)
            hstep = next(hsteps, None)
        if verdict != "different" and (ostep is not None or
                                       hstep is not None):
            verdict = "different"
            message = "step %d: oracle %s, Heapscope %s" % (
                no, describe(ostep), describe(hstep))
            no += ostep is not None
            nh += hstep is not None
        if verdict == "different":
            no += sum(1 for _ in osteps)
            nh += sum(1 for _ in hsteps)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
        return name, "different", no, nh, "unreadable trace: %r" % e
    if verdict == "events" and bad_steps > 1:
        message += "  [%d steps differ]" % bad_steps
    return name, verdict, no, nh, (message + truncated).strip()


def is_limit(step):
    return step.get("event") == "instruction_limit_reached"


def stopped_early(ostep, hstep):
    """Whether exactly one of two steps is its trace's end at the step
    limit: the other trace goes on."""
    return is_limit(ostep) != is_limit(hstep)


def check_oracle_output(path, otext):
    """The oracle must print what a plain CPython run prints (NAME.out, the
    corpus's expected output, when there is one): if tracing changed the
    program's behaviour, the oracle is no reference for it. What CPython
    prints while it shuts down (a suspended generator's finally block) comes
    after the trace: the traced output may stop short of it."""
    expected_path = path[:-3] + ".out"
    if not os.path.exists(expected_path):
        return None
    with open(expected_path, encoding="utf-8") as f:
        expected = f.read()
    # trace-oracle.py writes one step per line; the last one is complete
    lines = otext.rstrip().splitlines()
    if len(lines) < 3:
        return None
    last = json.loads(lines[-2].rstrip(","))
    if last.get("event") == "instruction_limit_reached" and len(lines) > 3:
        return None
    if "stdout" not in last or expected.startswith(last["stdout"]):
        return None
    return "the traced program printed %s, a plain run %s" % (
        show(last["stdout"][-60:]), show(expected[-60:]))


def compiles(path):
    try:
        with open(path, encoding="utf-8") as f, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the oracle's run shows them
            compile(f.read(), path, "exec")
        return True
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # a program CPython refuses to compile (too deeply nested, ...)
        # has no trace to compare
        return False


# -- the list of known differences ---------------------------------------------------

LEVELS = {"exact": 0, "events": 1, "different": 2}


def read_known(path):
    """{name: (level, reason, group)} from a known-differences file: lines
    'NAME LEVEL REASON', '## GROUP' headers, '#' comments."""
    known = {}
    group = ""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line.startswith("## "):
                group = line[3:].strip()
                continue
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 2 or (parts[1] not in LEVELS and
                                  parts[1] != "oracle-error"):
                raise SystemExit("%s:%d: expected 'NAME LEVEL REASON'"
                                 % (path, number))
            known[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "",
                               group)
    return known


def check_known(results, known, whole_corpus, only_regressions):
    """The problems of results against the known list, as lines."""
    problems = []
    seen = set()
    for name, verdict, _, _, _ in results:
        seen.add(name)
        level = known.get(name, ("exact", "", ""))[0]
        if verdict == level:
            continue
        if verdict == "oracle-error" or level == "oracle-error":
            problems.append("%s: %s, listed as %s" % (name, verdict, level))
        elif LEVELS[verdict] > LEVELS[level]:
            problems.append("%s: %s, worse than %s%s" % (
                name, verdict, level, "" if name in known else
                " (not in the list)"))
        elif not only_regressions:
            problems.append("%s: now %s, better than the listed %s: "
                            "update the list" % (name, verdict, level))
    if whole_corpus:
        for name in sorted(set(known) - seen):
            problems.append("%s: listed but not in the corpus: update the "
                            "list" % name)
    return problems


KNOWN_HEADER = """\
# Corpus programs whose Heapscope trace does not match CPython's (recorded by
# tests/trace-oracle.py) exactly: NAME LEVEL REASON, grouped by cause.
# tests/trace-compare.py --known fails when a program does worse than its
# level here (or is missing and not exact), and when it does better: then
# regenerate with `tests/trace-compare.py --cli CLI --programs tests/programs
# --max-steps 2000 --write-known tests/trace-fidelity-known.txt` (which
# keeps the reasons and groups already written; new entries go under
# "unclassified" with the comparator's message, to be sorted by hand).
# Levels: "events" = same (event, line, function) sequence but some value
# differs; "different" = the sequences differ.
"""


def write_known(path, results, old):
    groups = {}
    for name, verdict, _, _, message in results:
        if verdict == "exact":
            continue
        _, reason, group = old.get(name, ("", "", ""))
        if not reason:
            group = "unclassified (new: sort by hand)"
            reason = message.split("  [")[0][:150]
        groups.setdefault(group, []).append((name, verdict, reason))
    width = max([len(n) for g in groups.values() for n, _, _ in g] + [1])
    with open(path, "w", encoding="utf-8") as f:
        f.write(KNOWN_HEADER)
        for group in sorted(groups, key=lambda g: (g.startswith("unclass"),
                                                   g)):
            f.write("\n## %s\n" % group)
            for name, verdict, reason in sorted(groups[group]):
                f.write(("%-*s %-9s %s" % (width, name, verdict, reason))
                        .rstrip() + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--programs", required=True)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--report", action="store_true",
                    help="also list the programs that match exactly")
    ap.add_argument("--heap-primitives", action="store_true")
    ap.add_argument("--max-steps", type=int,
                    help="compare only the first N steps of each trace")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--known", help="the list of known differences to "
                    "check against (tests/trace-fidelity-known.txt)")
    ap.add_argument("--write-known", metavar="FILE",
                    help="write the list of known differences of this run")
    args = ap.parse_args(argv)
    if sys.version_info[:2] != (3, 11):
        # the oracle is CPython itself: another version has other line
        # events and other messages.  77 is "skipped" for meson.
        print("trace-compare: needs CPython 3.11, this is %d.%d"
              % sys.version_info[:2])
        return 77
    args.cli = os.path.abspath(args.cli)  # programs run in their directory

    # build-aux/test's sanitizer run exports HS_TRACE_STEPS.  There the
    # check is kept, but on SANITIZER_STEPS steps per program: the CLI runs
    # 2-3 times slower under ASan+UBSan on busy cores, and the first few
    # hundred steps still put every program through the tracer and its JSON
    # encoder under the sanitizers (a report makes heapscope-cli fail, which
    # fails the program).  Differences that appear only after those steps
    # are out of sight, so there only regressions fail, not improvements.
    reduced = bool(os.environ.get("HS_TRACE_STEPS"))
    if reduced:
        args.max_steps = min(args.max_steps or SANITIZER_STEPS,
                             SANITIZER_STEPS)

    extra = []
    if args.heap_primitives:
        extra.append("--heap-primitives")
    names = sorted(f for f in os.listdir(args.programs) if f.endswith(".py"))
    if args.only:
        wanted = {n[:-3] if n.endswith(".py") else n for n in args.only}
        names = [n for n in names if n[:-3] in wanted]
    paths = [os.path.join(os.path.abspath(args.programs), n) for n in names]
    paths = [p for p in paths if compiles(p)]
    if not paths:
        print("trace-compare: no programs to compare")
        return 1

    # the longest traces first, so that they do not end the run alone
    paths.sort(key=lambda p: -os.path.getsize(p))
    with concurrent.futures.ProcessPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(compare_program, paths,
                                [args.cli] * len(paths),
                                [extra] * len(paths),
                                [args.max_steps] * len(paths)))
    results.sort()

    width = max(len(r[0]) for r in results)
    counts = {}
    for name, verdict, no, nh, message in results:
        counts[verdict] = counts.get(verdict, 0) + 1
        if verdict == "exact" and not args.report:
            continue
        print("%-*s  %-9s %6d/%-6d %s" % (width, name, verdict, no, nh,
                                         message))
    total = len(results)
    exact = counts.get("exact", 0)
    print()
    print("%-12s %d" % ("programs", total))
    for verdict in ("exact", "events", "different", "oracle-error"):
        print("%-12s %d" % (verdict, counts.get(verdict, 0)))
    if args.max_steps:
        print("(the first %d steps of each trace%s)" % (
            args.max_steps, ", sanitizer run" if reduced else ""))
    print("exact: %d/%d (%.0f%%)" % (exact, total, 100.0 * exact / total))
    if args.write_known:
        old = read_known(args.write_known) \
            if os.path.exists(args.write_known) else {}
        write_known(args.write_known, results, old)
        print("wrote %s" % args.write_known)
    if args.known:
        problems = check_known(results, read_known(args.known),
                               not args.only, reduced)
        if problems:
            print()
            print("against %s:" % args.known)
            for p in problems:
                print("  " + p)
            return 1
        print("as listed in %s" % args.known)
        return 0
    ok = counts.get("exact", 0) + counts.get("events", 0) == total
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
