/* hs-mod-timeit.c — the `timeit` module: Timer (timeit, repeat, autorange), timeit, repeat
 * and default_timer.
 *
 * Invariant: the module is CPython 3.11's Lib/timeit.py, run as library code (no steps of the
 * program's, no frames in a traceback), without its command line (main). The timer is
 * time.perf_counter, the program's clock (time.sleep moves it on, hs-mod-time.c); the template
 * CPython exec()s is run as library code too, so the timed loop gives no steps while what it
 * calls of the program's does. Timer.print_exc prints traceback.print_exc's report.
 */
#include "config.h"

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-module.h"
#include "hs-str.h"

/* _library_exec(src, globals, locals): runs the template as library code in the namespaces
 * given and returns locals. */
static HsObject *
ti_library_exec (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *src = NULL, *globals = NULL, *locals = NULL;
  if (!hs_parse_args (vm, "_library_exec", args, nargs, kwnames, "src globals locals /", &src,
                      &globals, &locals))
    return NULL;
  if (!hs_str_check (src) || !hs_dict_check (globals) || !hs_dict_check (locals))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "_library_exec() takes a str and two dicts");
      return NULL;
    }
  if (hs_exec_library_text_in (vm, hs_str_utf8 (src), globals, locals) < 0)
    return NULL;
  return hs_incref (locals);
}

static const char timeit_text[]
    = "import gc\n"
      "import sys\n"
      "import time\n"
      "import itertools\n"
      "\n"
      "__all__ = [\"Timer\", \"timeit\", \"repeat\", \"default_timer\"]\n"
      "\n"
      "dummy_src_name = \"<timeit-src>\"\n"
      "default_number = 1000000\n"
      "default_repeat = 5\n"
      "default_timer = time.perf_counter\n"
      "\n"
      "_globals = globals\n"
      "\n"
      "template = \"\"\"\n"
      "def inner(_it, _timer{init}):\n"
      "    {setup}\n"
      "    _t0 = _timer()\n"
      "    for _i in _it:\n"
      "        {stmt}\n"
      "        pass\n"
      "    _t1 = _timer()\n"
      "    return _t1 - _t0\n"
      "\"\"\"\n"
      "\n"
      "def reindent(src, indent):\n"
      "    \"\"\"Helper to reindent a multi-line statement.\"\"\"\n"
      "    return src.replace(\"\\n\", \"\\n\" + \" \"*indent)\n"
      "\n"
      "class Timer:\n"
      "    \"\"\"Class for timing execution speed of small code snippets.\"\"\"\n"
      "\n"
      "    def __init__(self, stmt=\"pass\", setup=\"pass\", timer=default_timer,\n"
      "                 globals=None):\n"
      "        \"\"\"Constructor.  See class doc string.\"\"\"\n"
      "        self.timer = timer\n"
      "        local_ns = {}\n"
      "        global_ns = _globals() if globals is None else globals\n"
      "        init = ''\n"
      "        if isinstance(setup, str):\n"
      "            compile(setup, dummy_src_name, \"exec\")\n"
      "            stmtprefix = setup + '\\n'\n"
      "            setup = reindent(setup, 4)\n"
      "        elif callable(setup):\n"
      "            local_ns['_setup'] = setup\n"
      "            init += ', _setup=_setup'\n"
      "            stmtprefix = ''\n"
      "            setup = '_setup()'\n"
      "        else:\n"
      "            raise ValueError(\"setup is neither a string nor callable\")\n"
      "        if isinstance(stmt, str):\n"
      "            compile(stmtprefix + stmt, dummy_src_name, \"exec\")\n"
      "            stmt = reindent(stmt, 8)\n"
      "        elif callable(stmt):\n"
      "            local_ns['_stmt'] = stmt\n"
      "            init += ', _stmt=_stmt'\n"
      "            stmt = '_stmt()'\n"
      "        else:\n"
      "            raise ValueError(\"stmt is neither a string nor callable\")\n"
      "        src = template.format(stmt=stmt, setup=setup, init=init)\n"
      "        self.src = src\n"
      "        self.inner = _library_exec(src, global_ns, local_ns)[\"inner\"]\n"
      "\n"
      "    def print_exc(self, file=None):\n"
      "        \"\"\"Helper to print a traceback from the timed code.\"\"\"\n"
      "        import traceback\n"
      "        traceback.print_exc(file=file)\n"
      "\n"
      "    def timeit(self, number=default_number):\n"
      "        \"\"\"Time 'number' executions of the main statement.\"\"\"\n"
      "        it = itertools.repeat(None, number)\n"
      "        gcold = gc.isenabled()\n"
      "        gc.disable()\n"
      "        try:\n"
      "            timing = self.inner(it, self.timer)\n"
      "        finally:\n"
      "            if gcold:\n"
      "                gc.enable()\n"
      "        return timing\n"
      "\n"
      "    def repeat(self, repeat=default_repeat, number=default_number):\n"
      "        \"\"\"Call timeit() a few times.\"\"\"\n"
      "        r = []\n"
      "        for i in range(repeat):\n"
      "            t = self.timeit(number)\n"
      "            r.append(t)\n"
      "        return r\n"
      "\n"
      "    def autorange(self, callback=None):\n"
      "        \"\"\"Return the number of loops and time taken so that total time >= 0.2.\"\"\"\n"
      "        i = 1\n"
      "        while True:\n"
      "            for j in 1, 2, 5:\n"
      "                number = i * j\n"
      "                time_taken = self.timeit(number)\n"
      "                if callback:\n"
      "                    callback(number, time_taken)\n"
      "                if time_taken >= 0.2:\n"
      "                    return (number, time_taken)\n"
      "            i *= 10\n"
      "\n"
      "def timeit(stmt=\"pass\", setup=\"pass\", timer=default_timer,\n"
      "           number=default_number, globals=None):\n"
      "    \"\"\"Convenience function to create Timer object and call timeit method.\"\"\"\n"
      "    return Timer(stmt, setup, timer, globals).timeit(number)\n"
      "\n"
      "def repeat(stmt=\"pass\", setup=\"pass\", timer=default_timer,\n"
      "           repeat=default_repeat, number=default_number, globals=None):\n"
      "    \"\"\"Convenience function to create Timer object and call repeat method.\"\"\"\n"
      "    return Timer(stmt, setup, timer, globals).repeat(repeat, number)\n";

static const HsMethodDef timeit_functions[] = {
  { "_library_exec", ti_library_exec },
  { NULL, NULL },
};

int
hs_mod_timeit_init (HsVM *vm, HsObject *dict)
{
  return hs_exec_library_module (vm, dict, timeit_functions, timeit_text);
}
