/* hs-mod-warnings.c — the `warnings` module: CPython 3.11's Lib/warnings.py.
 *
 * Invariant: a warning is filtered, remembered and written as CPython's _warnings does it
 * (the first matching entry of `filters`, else `defaultaction`; the registry
 * `__warningregistry__` in the globals of the frame warned from; "file:line: Category:
 * message" and the stripped source line on sys.stderr). The module is Python (the text
 * below, library code: no steps of the program's, no frames in a traceback, as CPython's
 * C functions show none) over two primitives: _caller (where a stack level points) and
 * _getline (a line of the program's source, CPython's linecache). warn and warn_explicit
 * are built-in functions calling the Python ones, as CPython's come from _warnings.
 */
#include "config.h"

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-frame.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-internal.h"
#include "hs-vm-private.h"

/* The frame stacklevel points to, the library's own frames skipped (CPython's setup_context
 * skips its internal frames), or NULL past the outermost. */
static HsFrame *
frame_at (HsVM *vm, gint64 level)
{
  HsFrame *f = vm->frame;
  while (f != NULL && (f->code->flags & HS_CODE_LIBRARY))
    f = f->back;
  while (--level > 0 && f != NULL)
    do
      f = f->back;
    while (f != NULL && (f->code->flags & HS_CODE_LIBRARY));
  return f;
}

/* _caller(stacklevel): (filename, lineno, module, globals) of the frame warned from; past
 * the outermost frame ("sys", 1, "sys", None) as CPython's sys dict. */
static HsObject *
w_caller (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *level, *items[4] = { NULL }, *t = NULL, *name;
  gint64 n;
  HsFrame *f;

  if (!hs_parse_args (vm, "_caller", args, nargs, kwnames, "stacklevel /", &level))
    return NULL;
  if (!hs_int_check (level) || !hs_int_as_i64 (level, &n))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "'stacklevel' must be an integer");
      return NULL;
    }
  if ((f = frame_at (vm, n)) == NULL)
    {
      items[0] = hs_str_from_cstr (vm, "sys");
      items[1] = hs_int_from_i64 (vm, 1);
      items[2] = hs_str_from_cstr (vm, "sys");
      items[3] = hs_incref (hs_None);
    }
  else
    {
      name = hs_dict_get_item_cstr_borrow (vm, f->globals, "__name__");
      items[0] = hs_str_from_cstr (vm, f->code->filename);
      items[1] = hs_int_from_i64 (vm, hs_code_line (f->code, f->ip));
      items[2] = name != NULL && (name == hs_None || hs_str_check (name))
                     ? hs_incref (name)
                     : hs_str_from_cstr (vm, "<string>");
      items[3] = hs_incref (f->globals);
    }
  if (items[0] != NULL && items[1] != NULL && items[2] != NULL)
    t = hs_tuple_from_array (vm, items, 4);
  for (int i = 0; i < 4; i++)
    hs_xdecref (vm, items[i]);
  return t;
}

/* _getline(filename, lineno): the line of the program's source, with its newline, or "". */
static HsObject *
w_getline (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *filename, *lineno;
  g_autofree char *line = NULL;
  gint64 n;

  if (!hs_parse_args (vm, "_getline", args, nargs, kwnames, "filename lineno /", &filename,
                      &lineno))
    return NULL;
  if (hs_str_check (filename) && hs_int_check (lineno) && hs_int_as_i64 (lineno, &n) && n > 0
      && n < G_MAXINT)
    line = hs_vm_source_line (vm, hs_str_utf8 (filename), (int)n);
  if (line == NULL)
    return hs_str_from_cstr (vm, "");
  return hs_str_from_format (vm, "%s\n", line);
}

static const HsMethodDef warnings_primitives[] = {
  { "_caller", w_caller },
  { "_getline", w_getline },
  { NULL, NULL },
};

/* CPython 3.11's warnings.py (its filters as _warnings sets them up in a release build). */
static const char warnings_text[]
    = "\"\"\"Python part of the warnings subsystem.\"\"\"\n"
      "\n"
      "import sys\n"
      "\n"
      "__all__ = [\"warn\", \"warn_explicit\", \"showwarning\",\n"
      "           \"formatwarning\", \"filterwarnings\", \"simplefilter\",\n"
      "           \"resetwarnings\", \"catch_warnings\"]\n"
      "\n"
      "def showwarning(message, category, filename, lineno, file=None, line=None):\n"
      "    \"\"\"Hook to write a warning to a file; replace if you like.\"\"\"\n"
      "    msg = WarningMessage(message, category, filename, lineno, file, line)\n"
      "    _showwarnmsg_impl(msg)\n"
      "\n"
      "def formatwarning(message, category, filename, lineno, line=None):\n"
      "    \"\"\"Function to format a warning the standard way.\"\"\"\n"
      "    msg = WarningMessage(message, category, filename, lineno, None, line)\n"
      "    return _formatwarnmsg_impl(msg)\n"
      "\n"
      "def _showwarnmsg_impl(msg):\n"
      "    file = msg.file\n"
      "    if file is None:\n"
      "        file = sys.stderr\n"
      "        if file is None:\n"
      "            return\n"
      "    text = _formatwarnmsg(msg)\n"
      "    try:\n"
      "        file.write(text)\n"
      "    except OSError:\n"
      "        pass\n"
      "\n"
      "def _formatwarnmsg_impl(msg):\n"
      "    category = msg.category.__name__\n"
      "    s =  f\"{msg.filename}:{msg.lineno}: {category}: {msg.message}\\n\"\n"
      "    if msg.line is None:\n"
      "        line = _getline(msg.filename, msg.lineno)\n"
      "    else:\n"
      "        line = msg.line\n"
      "    if line:\n"
      "        line = line.strip()\n"
      "        s += \"  %s\\n\" % line\n"
      "    return s\n"
      "\n"
      "_showwarning_orig = showwarning\n"
      "\n"
      "_log = None\n"
      "_saved_filters = None\n"
      "\n"
      "def _record_msg(msg):\n"
      "    _log.append(msg)\n"
      "\n"
      "def _showwarnmsg(msg):\n"
      "    \"\"\"Hook to write a warning to a file; replace if you like.\"\"\"\n"
      "    try:\n"
      "        sw = showwarning\n"
      "    except NameError:\n"
      "        pass\n"
      "    else:\n"
      "        if sw is not _showwarning_orig:\n"
      "            if not callable(sw):\n"
      "                raise TypeError(\"warnings.showwarning() must be set to a \"\n"
      "                                \"function or method\")\n"
      "            sw(msg.message, msg.category, msg.filename, msg.lineno,\n"
      "               msg.file, msg.line)\n"
      "            return\n"
      "    _showwarnmsg_impl(msg)\n"
      "\n"
      "_formatwarning_orig = formatwarning\n"
      "\n"
      "def _formatwarnmsg(msg):\n"
      "    \"\"\"Function to format a warning the standard way.\"\"\"\n"
      "    try:\n"
      "        fw = formatwarning\n"
      "    except NameError:\n"
      "        pass\n"
      "    else:\n"
      "        if fw is not _formatwarning_orig:\n"
      "            return fw(msg.message, msg.category,\n"
      "                      msg.filename, msg.lineno, msg.line)\n"
      "    return _formatwarnmsg_impl(msg)\n"
      "\n"
      "def filterwarnings(action, message=\"\", category=Warning, module=\"\", lineno=0,\n"
      "                   append=False):\n"
      "    \"\"\"Insert an entry into the list of warnings filters (at the front).\"\"\"\n"
      "    assert action in (\"error\", \"ignore\", \"always\", \"default\", \"module\",\n"
      "                      \"once\"), \"invalid action: %r\" % (action,)\n"
      "    assert isinstance(message, str), \"message must be a string\"\n"
      "    assert isinstance(category, type), \"category must be a class\"\n"
      "    assert issubclass(category, Warning), \"category must be a Warning subclass\"\n"
      "    assert isinstance(module, str), \"module must be a string\"\n"
      "    assert isinstance(lineno, int) and lineno >= 0, \\\n"
      "           \"lineno must be an int >= 0\"\n"
      "\n"
      "    if message or module:\n"
      "        import re\n"
      "\n"
      "    if message:\n"
      "        message = re.compile(message, re.I)\n"
      "    else:\n"
      "        message = None\n"
      "    if module:\n"
      "        module = re.compile(module)\n"
      "    else:\n"
      "        module = None\n"
      "\n"
      "    _add_filter(action, message, category, module, lineno, append=append)\n"
      "\n"
      "def simplefilter(action, category=Warning, lineno=0, append=False):\n"
      "    \"\"\"Insert a simple entry into the list of warnings filters (at the front).\"\"\"\n"
      "    assert action in (\"error\", \"ignore\", \"always\", \"default\", \"module\",\n"
      "                      \"once\"), \"invalid action: %r\" % (action,)\n"
      "    assert isinstance(lineno, int) and lineno >= 0, \\\n"
      "           \"lineno must be an int >= 0\"\n"
      "    _add_filter(action, None, category, None, lineno, append=append)\n"
      "\n"
      "def _add_filter(*item, append):\n"
      "    if not append:\n"
      "        try:\n"
      "            filters.remove(item)\n"
      "        except ValueError:\n"
      "            pass\n"
      "        filters.insert(0, item)\n"
      "    else:\n"
      "        if item not in filters:\n"
      "            filters.append(item)\n"
      "    _filters_mutated()\n"
      "\n"
      "def resetwarnings():\n"
      "    \"\"\"Clear the list of warning filters, so that no filters are active.\"\"\"\n"
      "    filters[:] = []\n"
      "    _filters_mutated()\n"
      "\n"
      "def _filters_mutated():\n"
      "    global _filters_version\n"
      "    _filters_version += 1\n"
      "\n"
      "def _matches(pattern, text):\n"
      "    if pattern is None:\n"
      "        return True\n"
      "    if type(pattern) is str:\n"
      "        return pattern == text\n"
      "    return bool(pattern.match(text))\n"
      "\n"
      "def warn(message, category=None, stacklevel=1, source=None):\n"
      "    \"\"\"Issue a warning, or maybe ignore it or raise an exception.\"\"\"\n"
      "    if isinstance(message, Warning):\n"
      "        category = message.__class__\n"
      "    if category is None:\n"
      "        category = UserWarning\n"
      "    if not (isinstance(category, type) and issubclass(category, Warning)):\n"
      "        raise TypeError(\"category must be a Warning subclass, \"\n"
      "                        \"not '{:s}'\".format(type(category).__name__))\n"
      "    filename, lineno, module, globals = _caller(stacklevel)\n"
      "    if globals is None:\n"
      "        registry = None\n"
      "    else:\n"
      "        registry = globals.setdefault(\"__warningregistry__\", {})\n"
      "    warn_explicit(message, category, filename, lineno, module, registry,\n"
      "                  globals, source)\n"
      "\n"
      "def warn_explicit(message, category, filename, lineno,\n"
      "                  module=None, registry=None, module_globals=None,\n"
      "                  source=None):\n"
      "    lineno = int(lineno)\n"
      "    if module is None:\n"
      "        module = filename or \"<unknown>\"\n"
      "        if module[-3:].lower() == \".py\":\n"
      "            module = module[:-3]\n"
      "    if registry is None:\n"
      "        registry = {}\n"
      "    if registry.get('version', 0) != _filters_version:\n"
      "        registry.clear()\n"
      "        registry['version'] = _filters_version\n"
      "    if isinstance(message, Warning):\n"
      "        text = str(message)\n"
      "        category = message.__class__\n"
      "    else:\n"
      "        text = message\n"
      "        message = category(message)\n"
      "    # the registries key a category by its id (CPython's by the class): a class of the\n"
      "    # program's would be held where the program's view draws no arrow\n"
      "    key = (text, id(category), lineno)\n"
      "    if registry.get(key):\n"
      "        return\n"
      "    for item in filters:\n"
      "        action, msg, cat, mod, ln = item\n"
      "        if (_matches(msg, text) and\n"
      "            issubclass(category, cat) and\n"
      "            _matches(mod, module) and\n"
      "            (ln == 0 or lineno == ln)):\n"
      "            break\n"
      "    else:\n"
      "        action = defaultaction\n"
      "    if action == \"ignore\":\n"
      "        return\n"
      "    if action == \"error\":\n"
      "        raise message\n"
      "    if action == \"once\":\n"
      "        registry[key] = 1\n"
      "        oncekey = (text, id(category))\n"
      "        if onceregistry.get(oncekey):\n"
      "            return\n"
      "        onceregistry[oncekey] = 1\n"
      "    elif action == \"always\":\n"
      "        pass\n"
      "    elif action == \"module\":\n"
      "        registry[key] = 1\n"
      "        altkey = (text, id(category), 0)\n"
      "        if registry.get(altkey):\n"
      "            return\n"
      "        registry[altkey] = 1\n"
      "    elif action == \"default\":\n"
      "        registry[key] = 1\n"
      "    else:\n"
      "        raise RuntimeError(\n"
      "              \"Unrecognized action (%r) in warnings.filters:\\n %s\" %\n"
      "              (action, item))\n"
      "    msg = WarningMessage(message, category, filename, lineno, None, None, source)\n"
      "    _showwarnmsg(msg)\n"
      "\n"
      "\n"
      "class WarningMessage(object):\n"
      "\n"
      "    _WARNING_DETAILS = (\"message\", \"category\", \"filename\", \"lineno\", \"file\",\n"
      "                        \"line\", \"source\")\n"
      "\n"
      "    def __init__(self, message, category, filename, lineno, file=None,\n"
      "                 line=None, source=None):\n"
      "        self.message = message\n"
      "        self.category = category\n"
      "        self.filename = filename\n"
      "        self.lineno = lineno\n"
      "        self.file = file\n"
      "        self.line = line\n"
      "        self.source = source\n"
      "        self._category_name = category.__name__ if category else None\n"
      "\n"
      "    def __str__(self):\n"
      "        return (\"{message : %r, category : %r, filename : %r, lineno : %s, \"\n"
      "                    \"line : %r}\" % (self.message, self._category_name,\n"
      "                                    self.filename, self.lineno, self.line))\n"
      "\n"
      "\n"
      "class catch_warnings(object):\n"
      "\n"
      "    \"\"\"A context manager that copies and restores the warnings filter upon\n"
      "    exiting the context.\n"
      "    \"\"\"\n"
      "\n"
      "    def __init__(self, *, record=False, module=None,\n"
      "                 action=None, category=Warning, lineno=0, append=False):\n"
      "        self._record = record\n"
      "        self._module = sys.modules['warnings'] if module is None else module\n"
      "        self._entered = False\n"
      "        if action is None:\n"
      "            self._filter = None\n"
      "        else:\n"
      "            self._filter = (action, category, lineno, append)\n"
      "\n"
      "    def __repr__(self):\n"
      "        args = []\n"
      "        if self._record:\n"
      "            args.append(\"record=True\")\n"
      "        if self._module is not sys.modules['warnings']:\n"
      "            args.append(\"module=%r\" % self._module)\n"
      "        name = type(self).__name__\n"
      "        return \"%s(%s)\" % (name, \", \".join(args))\n"
      "\n"
      "    def __enter__(self):\n"
      "        if self._entered:\n"
      "            raise RuntimeError(\"Cannot enter %r twice\" % self)\n"
      "        self._entered = True\n"
      "        # the module keeps the saved filters (CPython's instance does, in _filters): what\n"
      "        # they hold stays among what the module holds, which the program's view does not "
      "draw\n"
      "        self._module._saved_filters = (self._module.filters, self._module._saved_filters)\n"
      "        self._module.filters = self._module.filters[:]\n"
      "        self._module._filters_mutated()\n"
      "        self._showwarning = self._module.showwarning\n"
      "        self._showwarnmsg_impl = self._module._showwarnmsg_impl\n"
      "        if self._filter is not None:\n"
      "            simplefilter(*self._filter)\n"
      "        if self._record:\n"
      "            # the module holds the log itself (CPython's holds log.append): a holder the\n"
      "            # program's view can name\n"
      "            log = []\n"
      "            self._log = self._module._log\n"
      "            self._module._log = log\n"
      "            self._module._showwarnmsg_impl = self._module._record_msg\n"
      "            self._module.showwarning = self._module._showwarning_orig\n"
      "            return log\n"
      "        else:\n"
      "            return None\n"
      "\n"
      "    def __exit__(self, *exc_info):\n"
      "        if not self._entered:\n"
      "            raise RuntimeError(\"Cannot exit %r without entering first\" % self)\n"
      "        self._module.filters, self._module._saved_filters = self._module._saved_filters\n"
      "        self._module._filters_mutated()\n"
      "        self._module.showwarning = self._showwarning\n"
      "        self._module._showwarnmsg_impl = self._showwarnmsg_impl\n"
      "        if self._record:\n"
      "            self._module._log = self._log\n"
      "\n"
      "\n"
      "defaultaction = \"default\"\n"
      "onceregistry = {}\n"
      "_filters_version = 1\n"
      "filters = [('default', None, DeprecationWarning, '__main__', 0),\n"
      "           ('ignore', None, DeprecationWarning, None, 0),\n"
      "           ('ignore', None, PendingDeprecationWarning, None, 0),\n"
      "           ('ignore', None, ImportWarning, None, 0),\n"
      "           ('ignore', None, ResourceWarning, None, 0)]\n";

/* _warnings.warn(message, category=None, stacklevel=1, source=None), a built-in function
 * as CPython's: its arguments read as its argument clinic reads them, then the Python warn */
static HsObject *
w_warn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *message = NULL, *category = NULL, *stacklevel = NULL, *source = NULL;
  if (!hs_parse_args (vm, "warn", args, nargs, kwnames, "message|category stacklevel source",
                      &message, &category, &stacklevel, &source))
    return NULL;
  return hs_module_call_python (vm, "warnings", "warn", args, nargs, kwnames);
}

/* _warnings.warn_explicit: the Python one */
static HsObject *
w_warn_explicit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_module_call_python (vm, "warnings", "warn_explicit", args, nargs, kwnames);
}

static const HsMethodDef warnings_builtins[] = {
  { "warn", w_warn },
  { "warn_explicit", w_warn_explicit },
  { NULL, NULL },
};

int
hs_mod_warnings_init (HsVM *vm, HsObject *dict)
{
  if (hs_exec_library_module (vm, dict, warnings_primitives, warnings_text) < 0)
    return -1;
  return hs_module_add_builtins_over_python (vm, dict, warnings_builtins);
}
