#!/usr/bin/env python3
"""Checks `heapscope-cli trace` output against what Python Tutor's frontend reads.

trace-frontend-check.py --cli CLI --programs DIR [--max-steps N] [--heap-primitives]

Every program of DIR is traced and its JSON checked step by step against the
expectations of Python Tutor's frontend (pytutor.ts, opt-frontend-common.ts),
as read from that frontend and from pg_encoder.py / pg_logger.py, which write
what it reads; docs/trace-format.md describes the result:

- The bytes are UTF-8 and one JSON object {"code": str, "trace": [steps]}.
- Events: step_line, call, return, exception; a trace of one step may be an
  uncaught_exception (a syntax error), a longer one never ends with one (the
  page refuses it); instruction_limit_reached only as the last step, with an
  exception_msg (the frontend pops it and shows the message).
- A step: line (int; null on a 'return' from no line), func_name (str), globals (dict) and ordered_globals
  (names, each in globals), stack_to_render (frames with func_name, frame_id,
  encoded_locals, ordered_varnames each in encoded_locals, is_highlighted,
  is_parent, is_zombie, parent_frame_id_list, unique_hash), heap (dict of
  str(id) -> entry), stdout (str); exception_msg (str) on exception steps.
- A value: None, a bool, an int, a finite float that is not whole (a whole
  float would show as an int), a str, ["SPECIAL_FLOAT", str] or
  ["REF", id] with str(id) in the step's heap.
- Heap entries, as renderCompoundObject reads them: LIST/TUPLE/SET of values;
  DICT of [key, value] pairs; INSTANCE [tag, class name, [name, value]...];
  INSTANCE_PPRINT [tag, class name, str, [name, value]...]; CLASS [tag, name,
  [base names], [name, value]...]; FUNCTION [tag, signature, parent frame id
  or null] plus optionally one list of [name, value] default pairs;
  HEAP_PRIMITIVE [tag, type name, primitive]; anything else [type name, str]
  (pg_encoder's modules, ["module", "math"], among them).
Heapscope's own keys (refcounts, freed, gc, unreachable, heapscope_*) are
ignored, as the frontend ignores them.

Prints TAP, one test per program.
"""

import argparse
import concurrent.futures
import json
import math
import os
import subprocess
import sys

EVENTS = {"step_line", "call", "return", "exception"}
FRAME_KEYS = {"func_name": str, "frame_id": int, "encoded_locals": dict,
              "ordered_varnames": list, "is_highlighted": bool,
              "is_parent": bool, "is_zombie": bool,
              "parent_frame_id_list": list, "unique_hash": str}


class Bad(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Bad(what)


def is_int(v):
    return type(v) is int


def check_value(v, heap, where):
    if v is None or type(v) in (bool, int, str):
        return
    if type(v) is float:
        need(math.isfinite(v) and v != int(v),
             "%s: float %r must be a SPECIAL_FLOAT" % (where, v))
        return
    need(isinstance(v, list) and len(v) == 2, "%s: not a value: %r" % (where, v))
    if v[0] == "SPECIAL_FLOAT":
        need(type(v[1]) is str, "%s: SPECIAL_FLOAT of %r" % (where, v[1]))
        return
    need(v[0] == "REF" and is_int(v[1]), "%s: not a value: %r" % (where, v))
    need(str(v[1]) in heap, "%s: REF %d not in the heap" % (where, v[1]))


def check_pairs(rows, heap, where, key_is_value):
    for row in rows:
        need(isinstance(row, list) and len(row) == 2,
             "%s: row %r is not a pair" % (where, row))
        if key_is_value or type(row[0]) is not str:
            check_value(row[0], heap, where + " key")
        check_value(row[1], heap, "%s[%r]" % (where, row[0]))


def check_entry(e, heap, where):
    need(isinstance(e, list) and e and type(e[0]) is str,
         "%s: entry %r" % (where, e))
    tag = e[0]
    if tag in ("LIST", "TUPLE", "SET"):
        for i, v in enumerate(e[1:]):
            check_value(v, heap, "%s[%d]" % (where, i))
    elif tag == "DICT":
        check_pairs(e[1:], heap, where, True)
    elif tag == "INSTANCE":
        need(len(e) >= 2 and type(e[1]) is str, "%s: INSTANCE %r" % (where, e))
        check_pairs(e[2:], heap, where, False)
    elif tag == "INSTANCE_PPRINT":
        need(len(e) >= 3 and type(e[1]) is str and type(e[2]) is str,
             "%s: INSTANCE_PPRINT %r" % (where, e))
        check_pairs(e[3:], heap, where, False)
    elif tag == "CLASS":
        need(len(e) >= 3 and type(e[1]) is str and isinstance(e[2], list)
             and all(type(b) is str for b in e[2]), "%s: CLASS %r" % (where, e))
        check_pairs(e[3:], heap, where, False)
    elif tag == "FUNCTION":
        need(len(e) in (3, 4), "%s: FUNCTION has %d fields, not 3 or 4: %r"
             % (where, len(e), e))
        need(type(e[1]) is str and (e[2] is None or is_int(e[2])),
             "%s: FUNCTION %r" % (where, e))
        if len(e) == 4:
            need(isinstance(e[3], list) and e[3],
                 "%s: FUNCTION defaults %r" % (where, e[3]))
            check_pairs(e[3], heap, where + " defaults", False)
            need(all(type(name) is str for name, _ in e[3]),
                 "%s: default names %r" % (where, e[3]))
    elif tag == "HEAP_PRIMITIVE":
        need(len(e) == 3 and type(e[1]) is str, "%s: HEAP_PRIMITIVE %r" % (where, e))
        need(not (isinstance(e[2], list) and e[2][:1] == ["REF"]),
             "%s: HEAP_PRIMITIVE of a REF" % where)
        check_value(e[2], heap, where)
    else:
        need(len(e) == 2 and type(e[1]) is str,
             "%s: custom entry %r is not [type name, str]" % (where, e))


def check_step(step, k, n):
    where = "step %d" % k
    need(isinstance(step, dict), where + ": not an object")
    event = step.get("event")
    if event == "instruction_limit_reached":
        need(k == n - 1, where + ": instruction_limit_reached before the end")
        need(type(step.get("exception_msg")) is str, where + ": no exception_msg")
        return
    if event == "uncaught_exception":
        need(n == 1, where + ": a trace of %d steps with an uncaught_exception "
             "(the frontend refuses it)" % n)
        need(type(step.get("exception_msg")) is str, where + ": no exception_msg")
        return
    need(event in EVENTS, "%s: event %r" % (where, event))
    # a frame left with no line (an except*'s re-raise) returns at line null, as
    # pg_logger writes CPython 3.11's f_lineno None
    need(is_int(step.get("line")) or (event == "return" and step.get("line") is None),
         where + ": line")
    need(type(step.get("func_name")) is str, where + ": func_name")
    need(type(step.get("stdout")) is str, where + ": stdout")
    if event == "exception":
        need(type(step.get("exception_msg")) is str, where + ": exception_msg")
    heap = step.get("heap")
    need(isinstance(heap, dict), where + ": heap")
    for key, e in heap.items():
        need(key.isdigit(), "%s: heap key %r" % (where, key))
        check_entry(e, heap, "%s heap %s" % (where, key))
    glob, order = step.get("globals"), step.get("ordered_globals")
    need(isinstance(glob, dict) and isinstance(order, list), where + ": globals")
    for name in order:
        need(name in glob, "%s: ordered global %r missing" % (where, name))
        check_value(glob[name], heap, "%s global %s" % (where, name))
    stack = step.get("stack_to_render")
    need(isinstance(stack, list), where + ": stack_to_render")
    for f in stack:
        for key, typ in FRAME_KEYS.items():
            need(type(f.get(key)) is typ,
                 "%s: frame key %s is %r" % (where, key, f.get(key)))
        need(all(is_int(i) for i in f["parent_frame_id_list"]),
             where + ": parent_frame_id_list")
        for name in f["ordered_varnames"]:
            need(name in f["encoded_locals"],
                 "%s: frame %s: %r missing" % (where, f["unique_hash"], name))
            check_value(f["encoded_locals"][name], heap,
                        "%s %s.%s" % (where, f["func_name"], name))


def check_trace(data):
    """Raises Bad at the first thing the frontend could not read."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Bad("not UTF-8: %s" % e)
    try:
        trace = json.loads(text)
    except ValueError as e:
        raise Bad("not JSON: %s" % e)
    need(isinstance(trace, dict) and type(trace.get("code")) is str
         and isinstance(trace.get("trace"), list) and trace["trace"],
         "not {code, trace}")
    steps = trace["trace"]
    for k, step in enumerate(steps):
        check_step(step, k, len(steps))


def check_program(cli, path, extra):
    proc = subprocess.run([cli, "trace", path] + extra, capture_output=True,
                          cwd=os.path.dirname(path), timeout=120)
    if proc.returncode != 0 or not proc.stdout:
        # (a sanitizer report ends the process with another status)
        return "no trace (exit status %d): %s" % (
            proc.returncode, proc.stderr.decode("utf-8", "replace")[-300:])
    try:
        check_trace(proc.stdout)
    except Bad as e:
        return str(e)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--programs", required=True)
    ap.add_argument("--max-steps", type=int, default=1000)
    ap.add_argument("--heap-primitives", action="store_true")
    args = ap.parse_args()
    args.cli = os.path.abspath(args.cli)
    args.programs = os.path.abspath(args.programs)
    paths = sorted(os.path.join(args.programs, n)
                   for n in os.listdir(args.programs) if n.endswith(".py"))
    extra = ["--max-steps", str(args.max_steps)]
    if args.heap_primitives:
        extra.append("--heap-primitives")
    print("1..%d" % len(paths))
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = pool.map(lambda p: check_program(args.cli, p, extra), paths)
        for i, (path, error) in enumerate(zip(paths, results), 1):
            name = os.path.basename(path)
            if error is None:
                print("ok %d %s" % (i, name))
            else:
                failed += 1
                print("not ok %d %s\n# %s" % (i, name, error[:400]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
