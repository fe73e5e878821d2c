#!/usr/bin/env python3
"""Record a Python Tutor execution trace of a program, from CPython itself.

Usage: tests/trace-oracle.py FILE.py [--heap-primitives] [--max-steps N]

Prints {"code": ..., "trace": [step, ...]} as Python Tutor's backend
(pg_logger.py / pg_encoder.py, which sit on bdb) records it, so that
Heapscope's `heapscope-cli trace` can be checked against the real interpreter
step by step (tests/trace-compare.py).  This is an independent rewrite of
those semantics on plain sys.settrace; it depends on the standard library only
and is never part of the app.

Invariant: one step per settrace event that Python Tutor keeps, and each step
is a complete, self-contained picture (globals, the stack of user frames
oldest first, every heap object reachable from them, stdout so far), encoded
at the moment of the event.

The semantics reproduced (see docs/trace-format.md and Python Tutor's
opt-trace-format.md):

- Steps: 'call' (line = the def line), 'line' as "step_line", 'return'
  (the returning frame shows `__return__`; line = the frame's current line),
  'exception' (exception_msg "Type: str(value)"), in user code only.  The
  module's own 'call' is not a step (bdb swallows it); its 'return' is the
  last step of a normal run.  When an exception escapes, every frame it
  crosses gives an 'exception' step and a 'return' step (CPython 3.11 fires
  both); as in Python Tutor the trailing 'return' of <module> after an
  'exception' is dropped, and an 'uncaught_exception' step is added only when
  no 'exception' step was ever recorded (Python Tutor's rule).
- Frames: numbered 1, 2, ... in order of their 'call' step.  A frame in which
  a nested function (or a lambda) was defined becomes a "parent", named by
  the function (["FUNCTION", "f()", parent_id]) and by the frames running it
  (parent_frame_id_list).  ordered_varnames: the names of co_varnames that
  exist, then the others alphabetically, then __return__.
- One departure from Python Tutor, so that the oracle records CPython's
  memory: Python Tutor keeps a parent frame (and so its variables) alive after
  it returns, as a zombie in stack_to_render, and hides a closure's free
  variables that its parent shows.  Here a returned frame is gone, as in
  CPython, and a frame shows all its f_locals, free variables included (it
  holds their cells).  --pt-zombies gives Python Tutor's way.
- Globals: everything in the module dict but dunder names (Python Tutor
  drops only __builtins__, __name__, __doc__, __package__, __exception__
  and __return__, so it would show an __annotations__); ordered_globals is
  the order in which names first appeared over the whole run.
- Heap: objects get small ids 1, 2, ... in order of first encoding (stack
  frames from the running one down, then zombies, then globals), through an
  id() -> small id map as in Python Tutor: when CPython reuses the address of
  a freed object, the new object gets the old small id (trace-compare.py
  allows that rebinding once Heapscope has said the old object was freed).
  The oracle holds no object of the program, so reference counts and
  collections are the program's own; the one exception is CPython's:
  a traced frame keeps an f_locals dict, and the `sys.getrefcount` the
  program imports (SysProxy) subtracts those references.
- Addresses: the top-level "addresses" maps each id() the trace's objects had
  (CPython's addresses) to their small ids.
- Floats as pg_encoder sends them: inf / -inf / nan and integral floats as
  ["SPECIAL_FLOAT", ...] ("Infinity", "NaN", "3.0"); the others are JSON
  numbers with their full repr.  --pt-floats adds Python Tutor's rounding of
  those to 4 digits.
- Modules as ["module", name] (the form pg_encoder documents; its Python 3
  code reaches its instance branch first), built-in functions as
  ["FUNCTION", "abs(...)", null], and the types of the language and of its
  modules by name only, ["CLASS", "int", []] (Python Tutor lists every method
  descriptor of the type).
- Recursion: the program sees CPython's default limit of 1000 frames as if it
  ran alone; the oracle's own frames do not count (see RecursionGuard).
"""

import builtins
import gc
import io
import json
import os
import math
import re
import sys
import types
import weakref

DEFAULT_MAX_STEPS = 100000
USER_RECURSION_LIMIT = 1000

# Names Python Tutor never shows as variables.
IGNORE_VARS = frozenset(
    ("__builtins__", "__name__", "__exception__", "__doc__", "__package__"))
# Attributes of classes and instances Python Tutor hides.
HIDDEN_ATTRS = frozenset(("__doc__", "__module__", "__return__", "__dict__",
                          "__locals__", "__weakref__", "__qualname__"))
PRIMITIVE_TYPES = (int, float, str, bool, type(None))
CLASS_RE = re.compile(r"class\s+")


class StopTracing(BaseException):
    """Raised from the tracer to end the run (step limit); BaseException so a
    program's `except Exception` cannot swallow it."""


def encode_float(x, pt_floats):
    if math.isinf(x):
        return ["SPECIAL_FLOAT", "Infinity" if x > 0 else "-Infinity"]
    if math.isnan(x):
        return ["SPECIAL_FLOAT", "NaN"]
    if x == int(x):
        return ["SPECIAL_FLOAT", "%.1f" % x]
    return round(x, 4) if pt_floats else x


def encode_primitive(x, pt_floats):
    if type(x) is float:
        return encode_float(x, pt_floats)
    return x


def is_class(x):
    return isinstance(x, type)


def is_instance(x):
    return (type(x) not in PRIMITIVE_TYPES and isinstance(type(x), type)
            and not isinstance(x, type))


def function_signature(fn):
    """Python Tutor's 'f(a, b, *args, k, **kw)' and its default pairs."""
    code = fn.__code__
    nargs = code.co_argcount
    nkw = code.co_kwonlyargcount
    names = list(code.co_varnames[:nargs])
    printed = list(names)
    defaults = []
    if fn.__defaults__:
        first = nargs - len(fn.__defaults__)
        for i, value in enumerate(fn.__defaults__):
            defaults.append((names[first + i], value))
    pos = nargs + nkw
    if code.co_flags & 0x04:  # CO_VARARGS
        printed.append("*" + code.co_varnames[pos])
        pos += 1
    kwonly = list(code.co_varnames[nargs:nargs + nkw])
    printed.extend(kwonly)
    kwdefaults = fn.__kwdefaults__ or {}
    for name in kwonly:
        if name in kwdefaults:
            defaults.append((name, kwdefaults[name]))
    if code.co_flags & 0x08:  # CO_VARKEYWORDS
        printed.append("**" + code.co_varnames[pos])
    return fn.__name__ + "(" + ", ".join(printed) + ")", defaults


class Encoder:
    """pg_encoder's ObjectEncoder: values to JSON-ready data, compound objects
    to ["REF", small_id] plus an entry in the current step's heap."""

    def __init__(self, heap_primitives, pt_floats):
        self.heap_primitives = heap_primitives
        self.pt_floats = pt_floats
        self.small_ids = {}  # id(obj) -> small id

        self.next_id = 1
        self.heap = {}
        self.frozen = {}  # small id -> (items, entry) of a flat tuple
        self.materialized = {}  # id -> weakref: instances given a __dict__
        self.lambda_lines = {}  # firstlineno -> [code objects]

    def reset_heap(self):
        self.heap = {}

    def small_id(self, obj):
        key = id(obj)
        sid = self.small_ids.get(key)
        if sid is None:
            sid = self.next_id
            self.next_id += 1
            self.small_ids[key] = sid
        return sid

    def lambda_suffix(self, code):
        lst = self.lambda_lines.setdefault(code.co_firstlineno, [])
        if code not in lst:
            lst.append(code)
        return " <line %d>" % code.co_firstlineno

    def encode(self, obj, parent_of):
        if not self.heap_primitives and type(obj) in PRIMITIVE_TYPES:
            return encode_primitive(obj, self.pt_floats)
        sid = self.small_id(obj)
        ref = ["REF", sid]
        if sid in self.heap:
            return ref
        typ = type(obj)
        frozen = self.frozen.get(sid) if typ is tuple else None
        if frozen is not None and len(frozen[0]) == len(obj) and \
                all(a is b for a, b in zip(frozen[0], obj)):
            self.heap[sid] = frozen[1]
            return ref
        entry = []
        self.heap[sid] = entry  # before recursing: cycles end here
        if typ is tuple and not self.heap_primitives and \
                all(type(x) in PRIMITIVE_TYPES for x in obj):
            # immutable and without REFs (which would have to be put in
            # each step's heap): encode once while it lives.  The check
            # above is by identity of the items, because the tuple's id
            # may be reused by another tuple once it is freed.
            self.frozen[sid] = (tuple(list(obj)), entry)
        if typ is list or typ is tuple or typ is set:
            entry.append({list: "LIST", tuple: "TUPLE", set: "SET"}[typ])
            for item in obj:
                entry.append(self.encode(item, parent_of))
        elif typ is dict:
            entry.append("DICT")
            for k, v in obj.items():
                if k not in ("__module__", "__return__", "__locals__"):
                    entry.append([self.encode(k, parent_of),
                                  self.encode(v, parent_of)])
        elif typ in (types.FunctionType, types.MethodType):
            fn = obj.__func__ if typ is types.MethodType else obj
            name, defaults = function_signature(fn)
            if fn.__name__ == "<lambda>":
                name += self.lambda_suffix(fn.__code__)
            entry.extend(["FUNCTION", name,
                          parent_of(obj) if parent_of else None])
            if defaults:
                entry.append([[k, self.encode(v, parent_of)]
                              for k, v in defaults])
        elif typ is types.BuiltinFunctionType:
            entry.extend(["FUNCTION", obj.__name__ + "(...)", None])
        elif typ in WEAK_TYPES:
            # before any isinstance(): a dead proxy raises ReferenceError there
            entry.extend(["INSTANCE", typ.__name__])
        elif isinstance(obj, types.ModuleType):
            entry.extend(["module", obj.__name__])
        elif is_class(obj) and obj.__module__ != "__main__":
            entry.extend(["CLASS", obj.__name__, []])
        elif is_class(obj) or is_instance(obj):
            self.encode_class_or_instance(obj, entry)
        elif typ in PRIMITIVE_TYPES:
            entry.extend(["HEAP_PRIMITIVE", typ.__name__,
                          encode_primitive(obj, self.pt_floats)])
        else:
            entry.extend([typ.__name__, str(obj)])
        return ref

    def attrs_of(self, obj):
        """obj.__dict__, noting the instances whose dict this creates: CPython
        3.11 makes an instance's __dict__ only when asked, and a collection
        then frees one object more (see GcProxy)."""
        if is_class(obj):
            return getattr(obj, "__dict__", None)
        before = gc.get_referents(obj)
        attrs = getattr(obj, "__dict__", None)
        if attrs is not None and not any(r is attrs for r in before):
            try:
                self.materialized[id(obj)] = weakref.ref(obj)
            except TypeError:
                pass
        return attrs

    def encode_class_or_instance(self, obj, entry):
        if is_instance(obj):
            class_name = type(obj).__name__
            text = None
            try:
                text = str(obj)
                # the default '<foo.Bar object at 0x...>' says nothing
                if text[:1] == "<" and text[-1:] == ">" and (
                        " at " in text or text.startswith("<module")):
                    text = None
            except Exception:
                text = None
            if text:
                entry.extend(["INSTANCE_PPRINT", class_name, text])
            else:
                entry.extend(["INSTANCE", class_name])
            if class_name == "module":
                return
        else:
            bases = [b.__name__ for b in obj.__bases__ if b is not object]
            entry.extend(["CLASS", obj.__name__, bases])
        attrs = self.attrs_of(obj)
        if not isinstance(attrs, (dict, types.MappingProxyType)):
            return
        for name in sorted(a for a in attrs if a not in HIDDEN_ATTRS):
            entry.append([self.encode(name, None),
                          self.encode(attrs[name], None)])


WEAK_TYPES = (weakref.ReferenceType, weakref.ProxyType, weakref.CallableProxyType)


def reachable_functions(value, seen, attrs_of):
    """Function objects reachable from value through containers, classes and
    instances (pg_logger's visit_function_obj)."""
    if id(value) in seen:
        return
    seen.add(id(value))
    typ = type(value)
    if typ in (types.FunctionType, types.MethodType):
        yield value
    elif typ in (list, tuple, set):
        for item in value:
            yield from reachable_functions(item, seen, attrs_of)
    elif typ is dict or is_class(value) or is_instance(value):
        contents = value if typ is dict else attrs_of(value)
        if contents:
            for k, v in list(contents.items()):
                yield from reachable_functions(k, seen, attrs_of)
                yield from reachable_functions(v, seen, attrs_of)


class RecursionGuard:
    """Gives the program CPython's recursion limit as if it ran alone.

    The tracer's own calls count in the interpreter's depth, so the real limit
    is raised and the user's depth (its module frame is 1) is checked at each
    'call' against a virtual limit (Oracle.user_limit, which the program
    reads and sets through the `sys` it imports, see SysProxy): a call that
    would go past it is refused with the RecursionError CPython raises.
    Raising from a tracer switches tracing off, so the oracle replays the
    unwinding steps itself (Oracle.unwind)."""

    def __init__(self):
        self.base = self.current_depth()
        sys.setrecursionlimit(self.base + 100000)

    @staticmethod
    def current_depth():
        depth = 0
        f = sys._getframe(1)
        while f is not None:
            depth += 1
            f = f.f_back
        return depth


class SysProxy(types.ModuleType):
    """The `sys` a traced program imports: the real one, but with the
    recursion limit of the program instead of the oracle's."""

    def __init__(self, oracle):
        super().__init__("sys")
        self.__spec__ = sys.__spec__
        self.__loader__ = sys.__loader__
        self.__doc__ = sys.__doc__

        def getrecursionlimit():
            return oracle.user_limit

        def setrecursionlimit(limit):
            if isinstance(limit, float) or not hasattr(limit, "__index__"):
                raise TypeError("'%s' object cannot be interpreted as an "
                                "integer" % type(limit).__name__)
            limit = limit.__index__()
            if limit < 1:
                raise ValueError(
                    "recursion limit must be greater or equal than 1")
            depth = oracle.user_depth + 1  # CPython counts the call too
            if depth >= limit:
                raise RecursionError(
                    "cannot set the recursion limit to %d at the recursion "
                    "depth %d: the limit is too low" % (limit, depth))
            oracle.user_limit = limit

        def getrefcount(obj):
            # the count a plain run would print: less the inner call's
            # argument (this wrapper's own argument stands for the caller's)
            # and the references of the f_locals dicts that CPython keeps
            # on every traced frame
            count = sys.getrefcount(obj) - 1
            f = sys._getframe(1)
            while f is not None and f is not oracle.module_frame:
                if f.f_globals is oracle.user_globals:
                    count -= sum(1 for v in f.f_locals.values() if v is obj)
                f = f.f_back
            return count

        self.getrecursionlimit = getrecursionlimit
        self.setrecursionlimit = setrecursionlimit
        self.getrefcount = getrefcount

    def __getattr__(self, name):
        return getattr(sys, name)


class GcProxy(types.ModuleType):
    """The `gc` a traced program imports: collect() does not count the
    instance dicts that only the oracle's reading of attributes created."""

    def __init__(self, oracle):
        super().__init__("gc")
        self.__spec__ = gc.__spec__
        self.__loader__ = gc.__loader__
        self.__doc__ = gc.__doc__

        def collect(*args, **kwargs):
            table = oracle.encoder.materialized
            alive = [r for r in table.values() if r() is not None]
            table.clear()
            count = gc.collect(*args, **kwargs)
            for r in alive:
                if r() is None:
                    count -= 1
                else:
                    table[id(r())] = r
            return count

        self.collect = collect

    def __getattr__(self, name):
        return getattr(gc, name)


def user_builtins(oracle):
    """builtins for the program, whose `import sys` and `import gc` give a
    SysProxy and a GcProxy."""
    proxies = {"sys": SysProxy(oracle), "gc": GcProxy(oracle)}
    real_import = builtins.__import__

    def import_(name, globals=None, locals=None, fromlist=(), level=0):
        if name in proxies and level == 0:
            return proxies[name]
        return real_import(name, globals, locals, fromlist, level)

    table = dict(builtins.__dict__)
    table["__import__"] = import_
    return table


class Oracle:
    def __init__(self, source, heap_primitives=False, max_steps=None,
                 pt_floats=False, pt_zombies=False):
        self.source = source
        self.lines = source.splitlines()
        self.max_steps = max_steps or DEFAULT_MAX_STEPS
        self.encoder = Encoder(heap_primitives, pt_floats)
        self.trace = []
        self.user_globals = {"__name__": "__main__",
                             "__builtins__": user_builtins(self)}
        self.user_limit = USER_RECURSION_LIMIT
        self.module_frame = None
        self.frame_ids = {}  # frame -> serial (keeps the frame alive)
        self.next_frame_id = 1
        self.return_values = {}  # frame -> value it returned (__return__)
        # Python Tutor's parents, by frame id: nested function -> the id of
        # the frame that defined it (held weakly unless zombies are kept: the
        # oracle must not keep the program's functions alive), lambda code ->
        # defining frame id, frame id -> its own parent's id
        self.pt_zombies = pt_zombies
        self.closures = {} if pt_zombies else weakref.WeakKeyDictionary()
        self.lambda_closures = {}
        self.frame_parents = {}
        self.global_funcs = set()
        self.parent_frames = set()  # frame ids
        self.zombies = []  # --pt-zombies: parent frames, kept alive
        self.globals_order = []
        self.skip_frame = None  # class body whose events are not steps
        self.stdout = io.StringIO()
        self.user_depth = 0
        self.refused = None  # frame stack when RecursionGuard refused a call
        self.internal_error = None
        self.waiting = {}  # frame -> (key, entry), see waiting_entry
        self.texts = {}  # id(reused entry) -> [entry, its JSON text]

    # -- the tracer ---------------------------------------------------------

    def dispatch(self, frame, event, arg):
        if frame.f_globals is not self.user_globals:
            return None
        if event == "call":
            if self.module_frame is None:
                self.module_frame = frame  # bdb's first call: no step
                self.user_depth = 1
                return self.dispatch
            if self.user_depth >= self.user_limit:
                self.refused = self.user_stack(frame.f_back)
                raise RecursionError("maximum recursion depth exceeded")
            self.user_depth += 1
        elif event == "return":
            self.user_depth -= 1
        if event in ("call", "line", "return", "exception"):
            try:
                self.interaction(frame, event, arg)
            except StopTracing:
                raise
            except BaseException as e:  # a bug here, not in the program
                self.internal_error = e
                raise StopTracing() from e
        return self.dispatch

    def user_stack(self, frame):
        """The user frames from frame down to the module, top first."""
        frames = []
        while frame is not None:
            if frame.f_globals is self.user_globals:
                frames.append(frame)
            if frame is self.module_frame:
                break
            frame = frame.f_back
        return frames

    def interaction(self, frame, event, arg):
        if self.skip_frame is not None:
            if event == "return" and frame is self.skip_frame:
                self.skip_frame = None
            return
        name = frame.f_code.co_name
        if name in ("__new__", "__repr__"):
            return
        if event == "call":
            first = frame.f_code.co_firstlineno
            text = self.lines[first - 1] if 0 < first <= len(self.lines) else ""
            if CLASS_RE.match(text.lstrip()):
                self.skip_frame = frame
                return
            self.return_values.pop(frame, None)
            self.frame_ids[frame] = self.next_frame_id
            self.next_frame_id += 1
        elif event == "return":
            self.return_values[frame] = arg
        self.record(frame, event, arg, self.user_stack(frame))
        if event == "return" and frame not in self.zombies:
            self.forget(frame)

    def forget(self, frame):
        """Drop what the oracle holds of a finished frame: a plain run would
        have freed its variables (reference counts, gc)."""
        self.frame_ids.pop(frame, None)
        self.return_values.pop(frame, None)
        self.waiting.pop(frame, None)

    # -- one step -------------------------------------------------------------

    def user_locals(self, frame):
        result = {k: v for k, v in frame.f_locals.items()
                  if k not in IGNORE_VARS}
        if frame in self.return_values:
            result["__return__"] = self.return_values[frame]
        return result

    def user_globals_now(self):
        # Python Tutor drops only IGNORE_VARS and __return__; dunder names
        # such as the __annotations__ that CPython creates are not the
        # program's variables either (docs/trace-format.md)
        return {k: v for k, v in self.user_globals.items()
                if not (k.startswith("__") and k.endswith("__"))}

    def parent_of_function(self, fn):
        return self.closures.get(fn)

    def parent_frame(self, frame):
        """The id of the frame whose nested function made this frame
        (pg_logger's get_parent_frame: the code matches and the inherited
        names agree, here the values of the function's closure cells)."""
        code = frame.f_code
        local = frame.f_locals
        for fn, parent in list(self.closures.items()):
            if getattr(fn, "__code__", None) is not code:
                continue
            cells = getattr(fn, "__closure__", None) or ()
            if all(name in local and local[name] is cell.cell_contents
                   for name, cell in zip(code.co_freevars, cells)
                   if cell_filled(cell)):
                return parent
        return self.lambda_closures.get(code)

    def find_closures(self, top, frames):
        """Register the frames that defined nested functions or lambdas."""
        if top is self.module_frame:
            for v in self.user_globals_now().values():
                if type(v) in (types.FunctionType, types.MethodType) and \
                        v not in self.closures:
                    self.global_funcs.add(id(v))
            return
        seen = set()
        for v in list(self.user_locals(top).values()):
            for fn in reachable_functions(v, seen, self.encoder.attrs_of):
                if fn in self.closures or id(fn) in self.global_funcs:
                    continue
                code = getattr(fn, "__code__", None)
                for candidate in frames:  # from the top of the stack down
                    if any(c is code for c in candidate.f_code.co_consts):
                        if candidate in self.frame_ids:
                            self.make_parent(candidate)
                            self.closures[fn] = self.frame_ids[candidate]
                        break
        for const in top.f_code.co_consts:
            if isinstance(const, types.CodeType) and \
                    const.co_name == "<lambda>":
                self.lambda_closures[const] = self.frame_ids[top]
                self.make_parent(top)

    def make_parent(self, frame):
        self.parent_frames.add(self.frame_ids[frame])
        if self.pt_zombies and frame not in self.zombies:
            self.zombies.append(frame)

    def frame_entry(self, frame):
        parents = []
        p = self.parent_frame(frame)
        self.frame_parents[self.frame_ids[frame]] = p
        while p is not None and p not in parents:
            parents.append(p)
            p = self.frame_parents.get(p)
        parent_frames = [z for z in self.zombies
                         if self.frame_ids[z] in parents]
        name = frame.f_code.co_name or "unnamed function"
        if name == "<lambda>":
            name += self.encoder.lambda_suffix(frame.f_code)
        varnames = frame.f_code.co_varnames
        encoded = {}
        for k, v in self.user_locals(frame).items():
            inherited = False
            for p in parent_frames:
                plocals = p.f_locals
                if k != "__return__" and k in plocals and plocals[k] == v:
                    inherited = True
            if inherited and k not in varnames:
                continue
            if k == "__module__":
                continue
            encoded[k] = self.encoder.encode(v, self.parent_of_function)
        ordered = [k for k in varnames if k in encoded]
        ordered += sorted(k for k in encoded
                          if k != "__return__" and k not in ordered)
        if "__return__" in encoded:
            ordered.append("__return__")
        return {"func_name": name,
                "is_parent": self.frame_ids[frame] in self.parent_frames,
                "frame_id": self.frame_ids[frame],
                "parent_frame_id_list": parents,
                "encoded_locals": encoded,
                "ordered_varnames": ordered}

    def waiting_entry(self, frame):
        """frame_entry of a frame that waits for a call to return.  Its
        variables cannot change while it waits, so when they hold the same
        objects as the last time and need no heap, the entry (and its JSON
        text, see dump) is reused: deep recursions stay affordable."""
        if self.closures or self.lambda_closures or \
                self.frame_ids[frame] in self.parent_frames:
            return self.frame_entry(frame)
        # the key holds no object of the program (that would change its
        # reference counts): primitives by value, anything else by identity,
        # and only entries without REFs are reused
        key = tuple((k, type(v), repr(v) if type(v) is float else
                     v if type(v) in PRIMITIVE_TYPES else id(v))
                    for k, v in self.user_locals(frame).items())
        cached = self.waiting.get(frame)
        if cached is not None and cached[0] == key:
            return cached[1]
        entry = self.frame_entry(frame)
        if not self.encoder.heap_primitives and \
                all(type(v) in PRIMITIVE_TYPES
                    for v in self.user_locals(frame).values()):
            self.waiting[frame] = (key, entry)
            self.texts[id(entry)] = [entry, None]
        return entry

    def record(self, frame, event, arg, frames):
        self.encoder.reset_heap()
        self.find_closures(frame, frames)
        live = [f for f in frames if f in self.frame_ids]
        stack = [self.frame_entry(f) if i == 0 else self.waiting_entry(f)
                 for i, f in enumerate(live)]
        for i, e in enumerate(stack):
            e["is_zombie"] = False
            e["is_highlighted"] = i == 0
        zombies = []
        for z in self.zombies:
            if z not in frames:
                e = self.frame_entry(z)
                e["is_zombie"] = True
                e["is_highlighted"] = False
                zombies.append(e)
        encoded_globals = {}
        for k, v in self.user_globals_now().items():
            encoded_globals[k] = self.encoder.encode(v, self.parent_of_function)
            if k not in self.globals_order:
                self.globals_order.append(k)
        to_render = sorted(stack + zombies, key=lambda e: e["frame_id"])
        for e in to_render:
            e["unique_hash"] = "%s_f%d%s%s" % (
                e["func_name"], e["frame_id"], "_p" if e["is_parent"] else "",
                "_z" if e["is_zombie"] else "")
        step = {"line": frame.f_lineno,
                "event": "step_line" if event == "line" else event,
                "func_name": frame.f_code.co_name,
                "globals": encoded_globals,
                "ordered_globals": [k for k in self.globals_order
                                    if k in encoded_globals],
                "stack_to_render": to_render,
                "heap": self.encoder.heap,
                "stdout": self.stdout.getvalue()}
        if event == "exception":
            step["exception_msg"] = exception_message(arg[1])
        self.trace.append(step)
        if len(self.trace) >= self.max_steps:
            self.trace.append({
                "event": "instruction_limit_reached",
                "exception_msg": "Stopped after running %d steps."
                                 % self.max_steps})
            raise StopTracing()

    # -- running ------------------------------------------------------------------

    def unwind(self, exc):
        """Replay the steps CPython fires while exc escapes the frames that
        were live when RecursionGuard refused a call (tracing was off)."""
        for frame in self.refused:
            if frame.f_code.co_exceptiontable:
                break  # a handler could have run code: cannot replay
            self.record(frame, "exception", (type(exc), exc, None),
                        self.user_stack(frame))
            if frame is self.module_frame:
                break
            self.return_values[frame] = None
            self.record(frame, "return", None, self.user_stack(frame))

    def run(self):
        try:
            code = compile(self.source, "<string>", "exec")
        except SyntaxError as e:
            self.trace.append({"event": "uncaught_exception",
                               "line": e.lineno, "offset": e.offset,
                               "exception_msg": exception_message(e)})
            return self.finish()
        RecursionGuard()
        gc.collect()  # the oracle's own garbage is not the program's
        saved_stdout = sys.stdout
        sys.stdout = self.stdout
        failure = None
        try:
            sys.settrace(self.dispatch)
            try:
                exec(code, self.user_globals, self.user_globals)
            finally:
                sys.settrace(None)
        except StopTracing:
            pass
        except BaseException as e:  # the program died
            failure = e
        finally:
            sys.stdout = saved_stdout
        if failure is not None:
            if self.refused is not None:
                try:
                    self.unwind(failure)
                except StopTracing:
                    pass
            if not any(s["event"] == "exception" for s in self.trace) and \
                    self.trace[-1:] and \
                    self.trace[-1]["event"] != "instruction_limit_reached":
                entry = {"event": "uncaught_exception",
                         "exception_msg": exception_message(failure)}
                if getattr(failure, "lineno", None) is not None:
                    entry["line"] = failure.lineno
                self.trace.append(entry)
        return self.finish()

    def finish(self):
        t = self.trace
        if len(t) >= 2 and t[-2]["event"] == "exception" and \
                t[-1]["event"] == "return" and t[-1]["func_name"] == "<module>":
            t.pop()
        # what id() gave for each object the trace shows, so that a value
        # kept from id() can be compared as the object it identifies
        addresses = {str(a): sid for a, sid in self.encoder.small_ids.items()}
        return {"code": self.source, "addresses": addresses, "trace": t}


def cell_filled(cell):
    try:
        cell.cell_contents
    except ValueError:
        return False
    return True


def exception_message(exc):
    return type(exc).__name__ + ": " + str(exc)


def to_json(value):
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def cached_json(value, texts):
    """JSON of an object that is shared by many steps, written once."""
    slot = texts.get(id(value))
    if slot is None or slot[0] is not value:
        return to_json(value)
    if slot[1] is None:
        slot[1] = to_json(value)
    return slot[1]


def step_json(step, texts):
    if "heap" not in step:
        return to_json(step)
    rest = {k: v for k, v in step.items()
            if k not in ("stack_to_render", "heap")}
    stack = ", ".join(cached_json(e, texts) for e in step["stack_to_render"])
    heap = ", ".join('"%s": %s' % (k, cached_json(v, texts))
                     for k, v in step["heap"].items())
    return '%s, "stack_to_render": [%s], "heap": {%s}}' % (
        to_json(rest)[:-1], stack, heap)


def dump(result, out, texts=None):
    """One step per line: still one JSON document, but easy to diff.  Entries
    registered in texts (id -> [object, text]) are serialized only once."""
    texts = texts if texts is not None else {}
    out.write('{"code": %s, "addresses": %s, "trace": [\n'
              % (json.dumps(result["code"]), json.dumps(result.get("addresses", {}))))
    steps = result["trace"]
    for i, step in enumerate(steps):
        out.write(step_json(step, texts))
        out.write(",\n" if i + 1 < len(steps) else "\n")
    out.write("]}\n")


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--heap-primitives", action="store_true")
    ap.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS)
    ap.add_argument("--pt-floats", action="store_true",
                    help="Python Tutor's float rounding (not Heapscope's)")
    ap.add_argument("--pt-zombies", action="store_true",
                    help="keep parent frames as Python Tutor does (not "
                    "CPython's memory)")
    args = ap.parse_args(argv)
    with open(args.file, encoding="utf-8") as f:
        source = f.read()
    oracle = Oracle(source, args.heap_primitives, args.max_steps,
                    args.pt_floats, args.pt_zombies)
    result = oracle.run()
    if oracle.internal_error is not None:
        import traceback
        traceback.print_exception(oracle.internal_error)
        print("trace-oracle: internal error", file=sys.stderr)
        return 2
    for _, entry in oracle.encoder.frozen.values():
        oracle.texts[id(entry)] = [entry, None]
    dump(result, sys.stdout, oracle.texts)
    # What the program's objects print while CPython shuts down (a __del__ run at exit) is
    # after the trace, as Heapscope's trace ends with the program: not on our stdout.
    sys.stdout.flush()
    sys.stdout = open(os.devnull, "w")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
