/* hs-mod-traceback.c — the `traceback` module: CPython 3.11's Lib/traceback.py, in part.
 *
 * Invariant: what it writes is what CPython's uncaught-exception report writes (the text
 * comes from hs-traceback.c, cut into format_exception's strings); the module's functions
 * and classes are Python (the text below, run as library code: no steps of the program's),
 * as CPython's are, over three primitives: _format (an exception's report as a list of
 * strs), _extract (a traceback object's frames) and _stack (the program's running frames),
 * each frame a tuple (filename, lineno, name, line, end_lineno, colno, end_colno, carets).
 * Differences: there are no frame objects (walk_tb, walk_stack, a frame given to
 * print_stack); tracebacks through the library's own frames show none of them.
 */
#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-exceptions.h"
#include "hs-frame.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-internal.h"
#include "hs-vm-private.h"

/* _format(exc, limit, chain, only): CPython's format_exception (only: format_exception_only). */
static HsObject *
tb_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *exc, *limit, *chain, *only;
  gint64 n = G_MAXINT;

  if (!hs_parse_args (vm, "_format", args, nargs, kwnames, "exc limit chain only /", &exc, &limit,
                      &chain, &only))
    return NULL;
  if (!hs_exception_check (exc))
    {
      hs_err_format (vm, &hs_exc_TypeError, "Exception expected for value, %s found",
                     HS_TYPE (exc)->name);
      return NULL;
    }
  if (limit != hs_None && !(hs_int_check (limit) && hs_int_as_i64 (limit, &n)))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "limit must be an int or None");
      return NULL;
    }
  n = CLAMP (n, -G_MAXINT, G_MAXINT);
  return hs_vm_format_exception_list (vm, exc, (int)n, hs_object_truth (vm, chain) > 0,
                                      hs_object_truth (vm, only) > 0);
}

static HsObject *
int_or_none (HsVM *vm, int v)
{
  return v >= 0 ? hs_int_from_i64 (vm, v) : hs_incref (hs_None);
}

/* One frame's tuple, appended to list: 0, or -1 with the exception set. A running frame
 * has only its line (CPython's walk_stack), a traceback's its columns and carets too. */
static int
append_frame (HsVM *vm, HsObject *list, HsCode *code, int ip, gboolean columns)
{
  HsCodePos pos = hs_code_pos (code, ip);
  g_autofree char *line = hs_vm_source_line (vm, code->filename, pos.line);
  g_autofree char *carets = columns ? hs_vm_frame_carets (vm, code, ip) : g_strdup ("");

  if (!columns)
    pos.end_line = pos.col = pos.end_col = -1;
  HsObject *items[8] = {
    hs_str_from_cstr (vm, code->filename),
    int_or_none (vm, pos.line),
    hs_str_from_cstr (vm, code->name),
    line != NULL ? hs_str_from_cstr (vm, line) : hs_incref (hs_None),
    int_or_none (vm, pos.end_line),
    int_or_none (vm, pos.col),
    int_or_none (vm, pos.end_col),
    hs_str_from_cstr (vm, carets),
  };
  HsObject *t = NULL;
  int r = -1;

  for (gsize i = 0; i < G_N_ELEMENTS (items); i++)
    if (items[i] == NULL)
      goto out;
  if ((t = hs_tuple_from_array (vm, items, G_N_ELEMENTS (items))) != NULL)
    r = hs_list_append (vm, list, t);
out:
  for (gsize i = 0; i < G_N_ELEMENTS (items); i++)
    hs_xdecref (vm, items[i]);
  hs_xdecref (vm, t);
  return r;
}

/* _extract(tb): the frames of a traceback object, outermost first ([] for None). */
static HsObject *
tb_extract (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tb, *list, *next;
  HsCode *code;
  int ip;

  if (!hs_parse_args (vm, "_extract", args, nargs, kwnames, "tb /", &tb))
    return NULL;
  if ((list = hs_list_new (vm, 0)) == NULL)
    return NULL;
  for (; tb != NULL && tb != hs_None; tb = next)
    {
      if (!hs_traceback_entry (tb, &code, &ip, &next))
        {
          hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute 'tb_frame'",
                         HS_TYPE (tb)->name);
          HS_CLEAR (vm, list);
          return NULL;
        }
      if (append_frame (vm, list, code, ip, TRUE) < 0)
        {
          HS_CLEAR (vm, list);
          return NULL;
        }
    }
  return list;
}

/* _stack(): the program's running frames, outermost first (the library's left out). */
static HsObject *
tb_stack (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *list;

  if (!hs_parse_args (vm, "_stack", args, nargs, kwnames, ""))
    return NULL;
  if ((list = hs_list_new (vm, 0)) == NULL)
    return NULL;
  for (HsFrame *f = vm->frame; f != NULL; f = f->back)
    if (!(f->code->flags & HS_CODE_LIBRARY) && append_frame (vm, list, f->code, f->ip, FALSE) < 0)
      {
        HS_CLEAR (vm, list);
        return NULL;
      }
  hs_list_reverse (vm, list);
  return list;
}

static const HsMethodDef traceback_primitives[] = {
  { "_format", tb_format },
  { "_extract", tb_extract },
  { "_stack", tb_stack },
  { NULL, NULL },
};

/* CPython 3.11's traceback.py, its functions and classes over the primitives above. */
static const char traceback_text[]
    = "\"\"\"Extract, format and print information about Python stack traces.\"\"\"\n"
      "\n"
      "import sys\n"
      "\n"
      "__all__ = ['extract_stack', 'extract_tb', 'format_exception',\n"
      "           'format_exception_only', 'format_list', 'format_stack',\n"
      "           'format_tb', 'print_exc', 'format_exc', 'print_exception',\n"
      "           'print_last', 'print_stack', 'print_tb', 'clear_frames',\n"
      "           'FrameSummary', 'StackSummary', 'TracebackException']\n"
      "\n"
      "_RECURSIVE_CUTOFF = 3\n"
      "\n"
      "def print_list(extracted_list, file=None):\n"
      "    if file is None:\n"
      "        file = sys.stderr\n"
      "    for item in StackSummary.from_list(extracted_list).format():\n"
      "        print(item, file=file, end=\"\")\n"
      "\n"
      "def format_list(extracted_list):\n"
      "    return StackSummary.from_list(extracted_list).format()\n"
      "\n"
      "def print_tb(tb, limit=None, file=None):\n"
      "    print_list(extract_tb(tb, limit=limit), file=file)\n"
      "\n"
      "def format_tb(tb, limit=None):\n"
      "    return extract_tb(tb, limit=limit).format()\n"
      "\n"
      "def extract_tb(tb, limit=None):\n"
      "    return StackSummary._from_entries(_limited(_extract(tb), limit, False))\n"
      "\n"
      "def _limited(entries, limit, innermost):\n"
      "    if limit is None:\n"
      "        limit = getattr(sys, 'tracebacklimit', None)\n"
      "        if limit is None:\n"
      "            return entries\n"
      "    if innermost:\n"
      "        if limit >= 0:\n"
      "            return entries[len(entries) - limit:] if limit < len(entries) else entries\n"
      "        return entries[:-limit]\n"
      "    if limit >= 0:\n"
      "        return entries[:limit]\n"
      "    return entries[limit:]\n"
      "\n"
      "_sentinel = object()\n"
      "\n"
      "def _parse_value_tb(exc, value, tb):\n"
      "    if (value is _sentinel) != (tb is _sentinel):\n"
      "        raise ValueError(\"Both or neither of value and tb must be given\")\n"
      "    if value is tb is _sentinel:\n"
      "        if exc is not None:\n"
      "            if isinstance(exc, BaseException):\n"
      "                return exc, exc.__traceback__\n"
      "            raise TypeError(f'Exception expected for value, '\n"
      "                            f'{type(exc).__name__} found')\n"
      "        else:\n"
      "            return None, None\n"
      "    return value, tb\n"
      "\n"
      "def _lines(value, tb, limit, chain):\n"
      "    if value is None:\n"
      "        return ['NoneType: None\\n']\n"
      "    if tb is None and value.__traceback__ is not None:\n"
      "        return _format(value, limit, chain, True)\n"
      "    return _format(value, limit, chain, False)\n"
      "\n"
      "def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,\n"
      "                    file=None, chain=True):\n"
      "    value, tb = _parse_value_tb(exc, value, tb)\n"
      "    if file is None:\n"
      "        file = sys.stderr\n"
      "    for line in _lines(value, tb, limit, chain):\n"
      "        print(line, file=file, end=\"\")\n"
      "\n"
      "def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,\n"
      "                     chain=True):\n"
      "    value, tb = _parse_value_tb(exc, value, tb)\n"
      "    return _lines(value, tb, limit, chain)\n"
      "\n"
      "def format_exception_only(exc, /, value=_sentinel):\n"
      "    if value is _sentinel:\n"
      "        value = exc\n"
      "    if value is None:\n"
      "        return ['NoneType: None\\n']\n"
      "    return _format(value, None, True, True)\n"
      "\n"
      "def print_exc(limit=None, file=None, chain=True):\n"
      "    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)\n"
      "\n"
      "def format_exc(limit=None, chain=True):\n"
      "    return \"\".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))\n"
      "\n"
      "def print_last(limit=None, file=None, chain=True):\n"
      "    if not hasattr(sys, \"last_type\"):\n"
      "        raise ValueError(\"no last exception\")\n"
      "    print_exception(sys.last_type, sys.last_value, sys.last_traceback,\n"
      "                    limit, file, chain)\n"
      "\n"
      "def print_stack(f=None, limit=None, file=None):\n"
      "    print_list(extract_stack(f, limit=limit), file=file)\n"
      "\n"
      "def format_stack(f=None, limit=None):\n"
      "    return format_list(extract_stack(f, limit=limit))\n"
      "\n"
      "def extract_stack(f=None, limit=None):\n"
      "    return StackSummary._from_entries(_limited(_stack(), limit, True))\n"
      "\n"
      "def clear_frames(tb):\n"
      "    pass\n"
      "\n"
      "class FrameSummary:\n"
      "    \"\"\"Information about a single frame from a traceback.\"\"\"\n"
      "\n"
      "    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',\n"
      "                 'name', '_line', 'locals', '_carets')\n"
      "\n"
      "    def __init__(self, filename, lineno, name, *, lookup_line=True,\n"
      "            locals=None, line=None,\n"
      "            end_lineno=None, colno=None, end_colno=None):\n"
      "        self.filename = filename\n"
      "        self.lineno = lineno\n"
      "        self.name = name\n"
      "        self._line = line\n"
      "        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None\n"
      "        self.end_lineno = end_lineno\n"
      "        self.colno = colno\n"
      "        self.end_colno = end_colno\n"
      "        self._carets = ''\n"
      "\n"
      "    def __eq__(self, other):\n"
      "        if isinstance(other, FrameSummary):\n"
      "            return (self.filename == other.filename and\n"
      "                    self.lineno == other.lineno and\n"
      "                    self.name == other.name and\n"
      "                    self.locals == other.locals)\n"
      "        if isinstance(other, tuple):\n"
      "            return (self.filename, self.lineno, self.name, self.line) == other\n"
      "        return NotImplemented\n"
      "\n"
      "    def __getitem__(self, pos):\n"
      "        return (self.filename, self.lineno, self.name, self.line)[pos]\n"
      "\n"
      "    def __iter__(self):\n"
      "        return iter([self.filename, self.lineno, self.name, self.line])\n"
      "\n"
      "    def __repr__(self):\n"
      "        return \"<FrameSummary file {filename}, line {lineno} in {name}>\".format(\n"
      "            filename=self.filename, lineno=self.lineno, name=self.name)\n"
      "\n"
      "    def __len__(self):\n"
      "        return 4\n"
      "\n"
      "    @property\n"
      "    def _original_line(self):\n"
      "        self.line\n"
      "        return self._line\n"
      "\n"
      "    @property\n"
      "    def line(self):\n"
      "        if self._line is None:\n"
      "            if self.lineno is None:\n"
      "                return None\n"
      "            self._line = ''\n"
      "        return self._line.strip()\n"
      "\n"
      "def _repeated(result, count):\n"
      "    if count > _RECURSIVE_CUTOFF:\n"
      "        count -= _RECURSIVE_CUTOFF\n"
      "        result.append(\n"
      "            f'  [Previous line repeated {count} more '\n"
      "            f'time{\"s\" if count > 1 else \"\"}]\\n'\n"
      "        )\n"
      "\n"
      "class StackSummary(list):\n"
      "    \"\"\"A list of FrameSummary objects, representing a stack of frames.\"\"\"\n"
      "\n"
      "    @classmethod\n"
      "    def _from_entries(klass, entries):\n"
      "        result = klass()\n"
      "        for filename, lineno, name, line, end_lineno, colno, end_colno, carets in entries:\n"
      "            f = FrameSummary(filename, lineno, name, line=line, end_lineno=end_lineno,\n"
      "                             colno=colno, end_colno=end_colno)\n"
      "            f._carets = carets\n"
      "            result.append(f)\n"
      "        return result\n"
      "\n"
      "    @classmethod\n"
      "    def from_list(klass, a_list):\n"
      "        result = StackSummary()\n"
      "        for frame in a_list:\n"
      "            if isinstance(frame, FrameSummary):\n"
      "                result.append(frame)\n"
      "            else:\n"
      "                filename, lineno, name, line = frame\n"
      "                result.append(FrameSummary(filename, lineno, name, line=line))\n"
      "        return result\n"
      "\n"
      "    def format_frame_summary(self, frame_summary):\n"
      "        row = []\n"
      "        row.append('  File \"{}\", line {}, in {}\\n'.format(\n"
      "            frame_summary.filename, frame_summary.lineno, frame_summary.name))\n"
      "        if frame_summary.line:\n"
      "            stripped_line = frame_summary.line.strip()\n"
      "            row.append('    {}\\n'.format(stripped_line))\n"
      "            row.append(frame_summary._carets)\n"
      "        if frame_summary.locals:\n"
      "            for name, value in sorted(frame_summary.locals.items()):\n"
      "                row.append('    {name} = {value}\\n'.format(name=name, value=value))\n"
      "        return ''.join(row)\n"
      "\n"
      "    def format(self):\n"
      "        result = []\n"
      "        last_file = None\n"
      "        last_line = None\n"
      "        last_name = None\n"
      "        count = 0\n"
      "        for frame_summary in self:\n"
      "            formatted_frame = self.format_frame_summary(frame_summary)\n"
      "            if formatted_frame is None:\n"
      "                continue\n"
      "            if (last_file is None or last_file != frame_summary.filename or\n"
      "                last_line is None or last_line != frame_summary.lineno or\n"
      "                last_name is None or last_name != frame_summary.name):\n"
      "                _repeated(result, count)\n"
      "                last_file = frame_summary.filename\n"
      "                last_line = frame_summary.lineno\n"
      "                last_name = frame_summary.name\n"
      "                count = 0\n"
      "            count += 1\n"
      "            if count > _RECURSIVE_CUTOFF:\n"
      "                continue\n"
      "            result.append(formatted_frame)\n"
      "\n"
      "        _repeated(result, count)\n"
      "        return result\n"
      "\n"
      "class TracebackException:\n"
      "    \"\"\"An exception ready for rendering.\"\"\"\n"
      "\n"
      "    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,\n"
      "            lookup_lines=True, capture_locals=False, compact=False,\n"
      "            max_group_width=15, max_group_depth=10, _seen=None):\n"
      "        self.exc_type = exc_type\n"
      "        self._str = str(exc_value) if exc_value is not None else 'None'\n"
      "        self.stack = extract_tb(exc_traceback, limit=limit) if exc_traceback is not None "
      "else StackSummary()\n"
      "        self.__notes__ = getattr(exc_value, '__notes__', None)\n"
      "        self._value = exc_value\n"
      "        self._limit = limit\n"
      "\n"
      "    @classmethod\n"
      "    def from_exception(cls, exc, *args, **kwargs):\n"
      "        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)\n"
      "\n"
      "    def __eq__(self, other):\n"
      "        if isinstance(other, TracebackException):\n"
      "            return self.__dict__ == other.__dict__\n"
      "        return NotImplemented\n"
      "\n"
      "    def __str__(self):\n"
      "        return self._str\n"
      "\n"
      "    def format_exception_only(self):\n"
      "        yield from format_exception_only(self._value)\n"
      "\n"
      "    def format(self, *, chain=True):\n"
      "        yield from _lines(self._value, self._value.__traceback__ if self._value is not None "
      "else None,\n"
      "                          self._limit, chain)\n";

int
hs_mod_traceback_init (HsVM *vm, HsObject *dict)
{
  return hs_exec_library_module (vm, dict, traceback_primitives, traceback_text);
}
