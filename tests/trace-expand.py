#!/usr/bin/env python3
"""Expands a compact Heapscope trace (heapscope-cli trace --compact) into the full one.

A compact trace ({"heapscope_compact": true, ...}) writes each step's per-object maps
(heap, refcounts, heapscope_hidden_holders, heapscope_class_refs, heapscope_closure_cells,
heapscope_weak_refs)
as changes against the step before: entries added or changed, `heapscope_removed` naming
those gone, a heap entry ["HEAPSCOPE_EXTEND", k, items...] keeping the first k elements of
the entry before; `stdout` holds what the step printed and `heapscope_stderr` (when
present) what it wrote to stderr. A step with "heapscope_keyframe"
starts afresh. See docs/trace-format.md, "Compact traces".

Usage: trace-expand.py COMPACT.json > FULL.json   (or import expand())
"""
import json
import sys

MAPS = ("heap", "refcounts", "heapscope_hidden_holders", "heapscope_class_refs",
        "heapscope_closure_cells", "heapscope_weak_refs")


def expand(trace):
    if not trace.get("heapscope_compact"):
        return trace
    state = {key: {} for key in MAPS}
    printed = written = ""
    steps = []
    for step in trace["trace"]:
        step = dict(step)
        if step.pop("heapscope_keyframe", False):
            state = {key: {} for key in MAPS}
            printed = written = ""
        for key, ids in step.pop("heapscope_removed", {}).items():
            for i in ids:
                state[key].pop(str(i), None)
        for key in MAPS:
            for i, value in step.get(key, {}).items():
                if (key == "heap" and isinstance(value, list) and value
                        and value[0] == "HEAPSCOPE_EXTEND"):
                    value = state[key][i][:value[1]] + value[2:]
                state[key][i] = value
            step[key] = dict(state[key])
        printed += step.get("stdout", "")
        step["stdout"] = printed
        written += step.get("heapscope_stderr", "")
        if written:
            step["heapscope_stderr"] = written
        steps.append(step)
    full = {k: v for k, v in trace.items() if k != "heapscope_compact"}
    full["trace"] = steps
    return full


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        json.dump(expand(json.load(f)), sys.stdout)
