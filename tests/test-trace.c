/* test-trace.c — the trace engine: steps, snapshots, limits, and random access. */
#include <string.h>

#include "corpus-tests.h"
#include "hs-trace-private.h"

static HsTrace *
record (const char *src, gint64 max_steps)
{
  HsTraceOptions opts;
  hs_trace_options_init (&opts);
  if (max_steps > 0)
    opts.max_steps = max_steps;
  return hs_trace_record (src, strlen (src), "/tmp/prog.py", &opts, NULL);
}

static const HsSnapVar *
frame_var (HsSnapFrame *f, const char *name)
{
  for (guint i = 0; i < f->vars->len; i++)
    if (g_str_equal (g_array_index (f->vars, HsSnapVar, i).name, name))
      return &g_array_index (f->vars, HsSnapVar, i);
  return NULL;
}

static const HsSnapVar *
global_var (HsSnapshot *snap, const char *name)
{
  return frame_var (g_ptr_array_index (snap->frames, 0), name);
}

static void
test_events (void)
{
  g_autoptr (HsTrace) t = record ("x = 1\ny = 2\n", 0);

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_OK);
  g_assert_cmpint (hs_trace_get_n_steps (t), ==, 3);
  g_assert_cmpstr (hs_trace_step_event (t, 0), ==, "step_line");
  g_assert_cmpint (hs_trace_step_line (t, 0), ==, 1);
  g_assert_cmpstr (hs_trace_step_event (t, 1), ==, "step_line");
  g_assert_cmpint (hs_trace_step_line (t, 1), ==, 2);
  g_assert_cmpstr (hs_trace_step_event (t, 2), ==, "return");
  g_assert_null (hs_trace_get_error_text (t));
}

/* Line events and return lines follow CPython 3.11's tracer: no event for `global`, one
 * per item in a comprehension, and a frame left by a re-raise from a `finally` returns
 * from the finally's line (not from the position-less re-raise). */
static void
test_cpython_lines (void)
{
  g_autoptr (HsTrace) t = record ("def f():\n"
                                  "    global g\n"
                                  "    g = [i for i in (1, 2)]\n"
                                  "    try:\n"
                                  "        raise KeyError(1)\n"
                                  "    finally:\n"
                                  "        g.append(3)\n"
                                  "try:\n"
                                  "    f()\n"
                                  "except KeyError:\n"
                                  "    pass\n",
                                  0);
  g_autoptr (GString) seq = g_string_new (NULL);

  for (int i = 0; i < hs_trace_get_n_steps (t); i++)
    g_string_append_printf (seq, "%s:%d ", hs_trace_step_event (t, i), hs_trace_step_line (t, i));
  g_assert_cmpstr (seq->str, ==,
                   "step_line:1 step_line:8 step_line:9 call:1 step_line:3 call:3 step_line:3 "
                   "step_line:3 step_line:3 return:3 step_line:4 step_line:5 exception:5 "
                   "step_line:7 return:7 exception:9 step_line:10 step_line:11 return:11 ");
}

static void
test_aliasing (void)
{
  g_autoptr (HsTrace) t = record ("a = [1, 2]\nb = a\nc = 0\n", 0);
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, 2);
  const HsSnapVar *a = global_var (snap, "a");
  const HsSnapVar *b = global_var (snap, "b");
  HsSnapObject *list;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_null (global_var (snap, "c"));
  g_assert_cmpint (a->value.kind, ==, HS_SNAP_VALUE_REF);
  g_assert_cmpuint (a->value.ref, ==, b->value.ref);
  list = hs_snapshot_lookup (snap, a->value.ref);
  g_assert_nonnull (list);
  g_assert_cmpint (list->kind, ==, HS_SNAP_LIST);
  g_assert_cmpint (list->refcount, ==, 2);
  g_assert_false (list->immortal);
  g_assert_cmpuint (list->cells->len, ==, 2);
  g_assert_cmpstr (g_array_index (list->cells, HsSnapCell, 1).value.text, ==, "2");
  g_assert_cmpstr (snap->event, ==, "step_line");
  g_assert_cmpint (snap->line, ==, 3);
}

static void
test_new_changed_freed (void)
{
  g_autoptr (HsTrace) t = record ("a = [1]\na.append(2)\na = None\nx = 0\n", 0);
  g_autoptr (HsSnapshot) s1 = hs_trace_snapshot (t, 1);
  g_autoptr (HsSnapshot) s2 = hs_trace_snapshot (t, 2);
  g_autoptr (HsSnapshot) s3 = hs_trace_snapshot (t, 3);
  guint64 id = global_var (s1, "a")->value.ref;
  HsSnapObject *o;

  o = hs_snapshot_lookup (s1, id);
  g_assert_true (o->flags & HS_SNAP_FLAG_NEW);
  o = hs_snapshot_lookup (s2, id);
  g_assert_true (o->flags & HS_SNAP_FLAG_CHANGED);
  g_assert_cmpuint (o->cells->len, ==, 2);
  o = hs_snapshot_lookup (s3, id);
  g_assert_nonnull (o);
  g_assert_true (o->flags & HS_SNAP_FLAG_FREED);
  g_assert_cmpstr (global_var (s3, "a")->value.text, ==, "None");
}

static void
test_for_iterator_is_held (void)
{
  /* a list display would be iterated as a constant tuple, as in CPython */
  g_autoptr (HsTrace) t = record ("for x in list('ab'):\n    y = x\n", 0);
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, 1);
  HsSnapFrame *g = g_ptr_array_index (snap->frames, 0);
  HsSnapObject *iter, *list;
  const HsSnapVar *held;

  g_assert_cmpint (snap->line, ==, 2);
  g_assert_cmpuint (g->held->len, ==, 1);
  held = &g_array_index (g->held, HsSnapVar, 0);
  g_assert_cmpstr (held->name, ==, "iterator");
  iter = hs_snapshot_lookup (snap, held->value.ref);
  g_assert_nonnull (iter);
  g_assert_cmpint (iter->refcount, ==, 1);
  g_assert_cmpuint (iter->cells->len, ==, 1);
  list = hs_snapshot_lookup (snap, g_array_index (iter->cells, HsSnapCell, 0).value.ref);
  g_assert_nonnull (list);
  g_assert_cmpint (list->kind, ==, HS_SNAP_LIST);
  g_assert_cmpint (list->refcount, ==, 1);
}

/* The constant tuple a finished loop walked stays alive in the code object, which is
 * not drawn: it leaves the snapshot with the iterator rather than lingering unreferenced. */
static void
test_constant_left_behind (void)
{
  g_autoptr (HsTrace) t = record ("for x in [1, 2]:\n    pass\ny = (3, 4)\ny = 0\n", 0);
  int n = hs_trace_get_n_steps (t);
  gboolean saw_tuple = FALSE;

  for (int k = 0; k < n; k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      HsSnapFrame *g = g_ptr_array_index (snap->frames, 0);
      gboolean looping = g->held->len > 0;

      for (guint i = 0; i < snap->objects->len; i++)
        {
          HsSnapObject *o = g_ptr_array_index (snap->objects, i);
          if (o->kind == HS_SNAP_TUPLE)
            {
              saw_tuple = TRUE;
              g_assert_true (looping || snap->line == 4);
            }
        }
      if (g_str_equal (snap->event, "step_line") && snap->line == 4) /* y holds (3, 4) */
        g_assert_cmpuint (snap->objects->len, ==, 1);
    }
  g_assert_true (saw_tuple);
}

static void
test_call_frames (void)
{
  g_autoptr (HsTrace) t = record ("def f(n):\n    return n + 1\n\nr = f(5)\n", 0);
  int n = hs_trace_get_n_steps (t);
  gboolean saw_call = FALSE, saw_return = FALSE;

  for (int k = 0; k < n; k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      if (g_str_equal (snap->event, "call"))
        {
          HsSnapFrame *f = g_ptr_array_index (snap->frames, 1);
          saw_call = TRUE;
          g_assert_cmpuint (snap->frames->len, ==, 2);
          g_assert_cmpstr (f->func_name, ==, "f");
          g_assert_true (f->is_highlighted);
          g_assert_cmpstr (g_array_index (f->vars, HsSnapVar, 0).value.text, ==, "5");
        }
      if (g_str_equal (snap->event, "return") && snap->frames->len == 2)
        {
          HsSnapFrame *f = g_ptr_array_index (snap->frames, 1);
          const HsSnapVar *ret = &g_array_index (f->vars, HsSnapVar, f->vars->len - 1);
          saw_return = TRUE;
          g_assert_cmpstr (ret->name, ==, "__return__");
          g_assert_cmpstr (ret->value.text, ==, "6");
        }
    }
  g_assert_true (saw_call);
  g_assert_true (saw_return);
}

static void
test_step_limit (void)
{
  g_autoptr (HsTrace) t = record ("while True:\n    pass\n", 50);
  g_autoptr (HsSnapshot) last = NULL;

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_STEP_LIMIT);
  g_assert_cmpint (hs_trace_get_n_steps (t), ==, 50);
  last = hs_trace_snapshot (t, 49);
  g_assert_cmpstr (last->event, ==, "uncaught_exception");
  g_assert_nonnull (strstr (last->exception_msg, "step limit"));
  g_assert_nonnull (strstr (hs_trace_get_error_text (t), "step limit"));
}

/* A collection too large to draw stops the recording with a message, not the machine. */
static void
test_oversized_collection (void)
{
  g_autoptr (HsTrace) t = record ("x = [0] * 2000000\ny = 1\n", 0);
  int n = hs_trace_get_n_steps (t);
  g_autoptr (HsSnapshot) last = hs_trace_snapshot (t, n - 1);

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_TOO_LARGE);
  g_assert_cmpstr (last->event, ==, "uncaught_exception");
  g_assert_nonnull (strstr (last->exception_msg, "a list of 2000000 items is too large"));
  g_assert_nonnull (strstr (hs_trace_get_error_text (t), "too large"));
}

static void
test_cancel (void)
{
  gint cancel = 1;
  HsTraceOptions opts;
  g_autoptr (HsTrace) t = NULL;

  hs_trace_options_init (&opts);
  t = hs_trace_record ("while True:\n    pass\n", 21, "p.py", &opts, &cancel);
  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_CANCELLED);
  g_assert_cmpint (hs_trace_get_n_steps (t), ==, 0);
}

static void
test_syntax_error (void)
{
  g_autoptr (HsTrace) t = record ("x = 1\nif x\n    pass\n", 0);
  int line = 0, col = 0;
  const char *msg = NULL;

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_SYNTAX_ERROR);
  g_assert_true (hs_trace_get_syntax_error (t, &line, &col, NULL, &msg));
  g_assert_cmpint (line, ==, 2);
  g_assert_cmpint (col, ==, 5);
  g_assert_cmpstr (msg, ==, "expected ':'");
  g_assert_cmpint (hs_trace_get_n_steps (t), ==, 1);
  g_assert_cmpstr (hs_trace_step_event (t, 0), ==, "uncaught_exception");
}

static void
test_uncaught (void)
{
  g_autoptr (HsTrace) t = record ("def f():\n    return 1 / 0\n\nf()\n", 0);
  int n = hs_trace_get_n_steps (t);
  g_autoptr (HsSnapshot) last = hs_trace_snapshot (t, n - 1);

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_EXCEPTION);
  g_assert_cmpstr (last->event, ==, "uncaught_exception");
  g_assert_cmpstr (last->exception_msg, ==, "ZeroDivisionError: division by zero");
  g_assert_true (
      g_str_has_suffix (hs_trace_get_error_text (t), "ZeroDivisionError: division by zero\n"));
}

/* A source refused before it runs (too large to compile under the heap cap) still ends in a
 * step carrying its MemoryError, as any uncaught exception does (issue 13). */
static void
test_source_too_large (void)
{
  const char *line = "x = 1\n";
  gsize n = 10000000, len = n * strlen (line); /* 60 MB: the cap of 512 MiB allows 53.7 */
  g_autoptr (GString) source = g_string_sized_new (len);
  g_autoptr (HsTrace) t = NULL;
  g_autoptr (HsSnapshot) only = NULL;
  g_auto (GStrv) explained = NULL;
  g_autofree char *joined = NULL;

  for (gsize i = 0; i < n; i++)
    g_string_append (source, line);
  t = record (source->str, 0);
  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_EXCEPTION);
  g_assert_cmpint (hs_trace_get_n_steps (t), ==, 1);
  only = hs_trace_snapshot (t, 0);
  g_assert_cmpstr (only->event, ==, "uncaught_exception");
  g_assert_true (g_str_has_prefix (only->exception_msg,
                                   "MemoryError: the program is too large to compile: 60.0 MB"));
  /* the window's panel says it too */
  explained = hs_trace_explain_step (t, 0, 0);
  joined = g_strjoinv ("|", explained);
  g_assert_nonnull (strstr (joined, "MemoryError"));
}

static void
test_explain (void)
{
  g_autoptr (HsTrace) t = record ("a = [1, 2]\nb = a\ndel a\ndel b\nx = 0\n", 0);
  g_auto (GStrv) s1 = hs_trace_explain_step (t, 1, 0);
  g_auto (GStrv) s2 = hs_trace_explain_step (t, 2, 0);
  g_auto (GStrv) s4 = hs_trace_explain_step (t, 4, 0);
  g_autofree char *j1 = g_strjoinv ("|", s1);
  g_autofree char *j2 = g_strjoinv ("|", s2);
  g_autofree char *j4 = g_strjoinv ("|", s4);

  g_assert_nonnull (strstr (j1, "created list #"));
  g_assert_nonnull (strstr (j1, "(1 reference)"));
  g_assert_nonnull (strstr (j2, "`b` now refers to list #"));
  g_assert_nonnull (strstr (j2, "too: 2 references"));
  g_assert_nonnull (strstr (j4, "freed: no references left"));
  g_assert_nonnull (strstr (j4, "`b` deleted"));
}

/* Where a count is said, what holds it out of view is named with it: the arrows drawn
 * and the hidden holders add up to the count. */
static void
test_explain_hidden_holders (void)
{
  g_autoptr (HsTrace) t = record ("t = ('a b', 'c d')\nu = t\n", 0);
  g_auto (GStrv) s1 = hs_trace_explain_step (t, 1, 0);
  g_auto (GStrv) s2 = hs_trace_explain_step (t, 2, 0);
  g_autofree char *j1 = g_strjoinv ("|", s1);
  g_autofree char *j2 = g_strjoinv ("|", s2);

  g_test_message ("%s\n%s", j1, j2);
  g_assert_nonnull (strstr (j1, "created tuple #"));
  g_assert_nonnull (strstr (j1, " (3 references: 1 arrow, 2 hidden: the program's code, the "
                                "parsed program)"));
  g_assert_nonnull (strstr (j2, "`u` now refers to tuple #"));
  g_assert_nonnull (strstr (j2, " now has 4 references: 2 arrows, 2 hidden: the program's code, "
                                "the parsed program"));
}

/* All of a step's sentences, joined by "|". */
static char *
explain_text (HsTrace *t, int k)
{
  g_auto (GStrv) s = hs_trace_explain_step (t, k, 0);
  return g_strjoinv ("|", s);
}

/* What a program writes to stderr is in the output where a terminal shows it, marked as
 * stderr, at the step that wrote it; the compiler's warnings before the run are not. */
static void
test_console_text_stderr (void)
{
  g_autoptr (HsTrace) t = record ("import sys\n"
                                  "x = 1 is 1\n"
                                  "print('a')\n"
                                  "print('oops', file=sys.stderr)\n"
                                  "class A:\n"
                                  "    def __del__(self):\n"
                                  "        1/0\n"
                                  "A()\n"
                                  "print('b')\n",
                                  0);
  int n = hs_trace_get_n_steps (t);
  g_autoptr (GArray) ranges = NULL;
  g_autofree char *all = hs_trace_console_text (t, n - 1, &ranges);
  g_autoptr (GArray) before_ranges = NULL;
  g_autofree char *before = NULL;
  g_autofree char *out_only = NULL;
  gsize len;
  int k;

  g_test_message ("%s", all);
  g_assert_true (g_str_has_prefix (all, "a\noops\nException ignored in: <function A.__del__"));
  g_assert_true (g_str_has_suffix (all, "ZeroDivisionError: division by zero\nb\n"));
  /* "oops\n" and the report after it: one part */
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, guint32, 0), ==, 2);
  g_assert_cmpuint (g_array_index (ranges, guint32, 1), ==, strlen (all) - 2);
  /* outside the stderr part is stdout alone */
  out_only = g_strdup_printf ("%.2s%s", all, all + strlen (all) - 2);
  g_assert_cmpstr (out_only, ==, "a\nb\n");
  /* the step at line 4 has not written it yet; the next has */
  for (k = 0; k < n && hs_trace_step_line (t, k) != 4; k++)
    ;
  before = hs_trace_console_text (t, k, &before_ranges);
  g_assert_cmpstr (before, ==, "a\n");
  g_assert_cmpuint (before_ranges->len, ==, 0);
  hs_trace_get_stderr (t, k + 1, &len);
  g_assert_cmpuint (len, ==, 5);
}

/* The panel names a class and a function as their boxes do, so a learner finds them. */
static void
test_explain_names_like_boxes (void)
{
  g_autoptr (HsTrace) t = record ("class Node:\n    pass\ndef area(r):\n    return r\n", 0);
  g_autofree char *j1 = explain_text (t, 1);
  g_autofree char *j2 = explain_text (t, 2);

  g_assert_nonnull (strstr (j1, "created class Node #"));
  g_assert_nonnull (strstr (j1, "`Node` refers to class Node #"));
  g_assert_nonnull (strstr (j2, "created function area #"));
  g_assert_null (strstr (j1, "type #"));
}

/* An exception leaving a function is no return: the step says it raised (issue 14, 4). */
static void
test_explain_raise (void)
{
  g_autoptr (HsTrace) t = record ("def ratio(a, b):\n"
                                  "    return a / b\n"
                                  "try:\n"
                                  "    ratio(1, 0)\n"
                                  "except ZeroDivisionError:\n"
                                  "    pass\n",
                                  0);
  int k = 0;

  while (k < hs_trace_get_n_steps (t) && hs_trace_step_raised (t, k) == NULL)
    k++;
  g_assert_cmpint (k, <, hs_trace_get_n_steps (t));
  g_assert_cmpstr (hs_trace_step_event (t, k), ==, "return");
  g_assert_cmpstr (hs_trace_step_raised (t, k), ==, "ZeroDivisionError");
  {
    g_autofree char *at = explain_text (t, k);
    g_autofree char *after = explain_text (t, k + 1);
    g_autoptr (HsSnapshot) view = hs_trace_view (t, k, 0);
    HsSnapFrame *top = g_ptr_array_index (view->frames, view->frames->len - 1);

    g_assert_nonnull (strstr (at, "ratio() is raising ZeroDivisionError"));
    g_assert_null (strstr (at, "__return__"));
    g_assert_null (frame_var (top, "__return__"));
    g_assert_nonnull (strstr (after, "ratio() raised ZeroDivisionError; its frame is gone"));
    g_assert_null (strstr (after, "returned"));
  }
  /* A plain return still says so. */
  {
    g_autoptr (HsTrace) r = record ("def f():\n    return 1\nf()\n", 0);
    g_autofree char *all = NULL;
    GString *joined = g_string_new (NULL);

    for (k = 0; k < hs_trace_get_n_steps (r); k++)
      {
        g_autofree char *e = explain_text (r, k);
        g_assert_null (hs_trace_step_raised (r, k));
        g_string_append_printf (joined, "%s|", e);
      }
    all = g_string_free (joined, FALSE);
    g_assert_nonnull (strstr (all, "f() returned; its frame is gone"));
  }
}

/* A generator's frame that leaves at a `yield` is kept, not gone; running it again puts
 * the same frame back, not a new call (issue 14: every sentence true). */
static void
test_explain_generator (void)
{
  g_autoptr (HsTrace) t = record ("def gen():\n"
                                  "    yield 1\n"
                                  "    return 2\n"
                                  "g = gen()\n"
                                  "a = next(g)\n"
                                  "b = next(g, None)\n",
                                  0);
  GString *joined = g_string_new (NULL);
  g_autofree char *all = NULL;

  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autofree char *e = explain_text (t, k);
      g_string_append_printf (joined, "%s|", e);
    }
  all = g_string_free (joined, FALSE);
  g_assert_true (g_regex_match_simple ("gen\\(\\) paused at a yield: generator #[0-9]+ keeps "
                                       "its frame.*generator #[0-9]+ runs: the gen\\(\\) frame "
                                       "it keeps is on the stack.*gen\\(\\) returned; its "
                                       "frame is gone",
                                       all, G_REGEX_DOTALL, 0));
  g_assert_null (strstr (all, "called gen()"));
  /* one yield: the frame that returns is not said to pause */
  g_assert_null (strstr (strstr (all, "paused at a yield") + 1, "paused at a yield"));
}

/* A value the view moves onto the heap once it is shared was not created nor rebound. */
static void
test_explain_sharing (void)
{
  g_autoptr (HsTrace) t = record ("c = int('1000')\nd = int('1000')\ne = c\npass\n", 0);
  g_autofree char *d = explain_text (t, 2);
  g_autofree char *e = explain_text (t, 3);
  g_autoptr (GRegex) created = g_regex_new ("created int #[0-9]+", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  int n = 0;

  g_assert_null (strstr (d, "`c`"));
  for (g_regex_match (created, d, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    n++;
  g_assert_cmpint (n, ==, 1);
  g_assert_true (g_regex_match_simple ("`d` is now 1000 \\(int #[0-9]+\\)", d, 0, 0));
  g_assert_null (strstr (e, "created"));
  g_assert_true (g_regex_match_simple ("`e` is now 1000 \\(int #[0-9]+\\)", e, 0, 0));
}

/* The panel says what changed inside an object (issue 14, 6). */
static void
test_explain_changes (void)
{
  g_autoptr (HsTrace) t = record ("a = [1, 2, 3]\n"
                                  "a.append(5)\n"
                                  "d = {'b': 1}\n"
                                  "d['a'] = 2\n"
                                  "a[0] = 7\n"
                                  "del d['b']\n"
                                  "a.pop()\n"
                                  "pass\n",
                                  0);
  g_autofree char *append = explain_text (t, 2);
  g_autofree char *set = explain_text (t, 4);
  g_autofree char *replace = explain_text (t, 5);
  g_autofree char *del = explain_text (t, 6);
  g_autofree char *pop = explain_text (t, 7);

  g_assert_true (g_regex_match_simple ("list #[0-9]+: item 3 appended: 5", append, 0, 0));
  g_assert_true (g_regex_match_simple ("dict #[0-9]+: key 'a' set to 2", set, 0, 0));
  g_assert_true (g_regex_match_simple ("list #[0-9]+: item 0 replaced: 7", replace, 0, 0));
  g_assert_true (g_regex_match_simple ("dict #[0-9]+: key 'b' removed", del, 0, 0));
  g_assert_true (g_regex_match_simple ("list #[0-9]+: item 3 removed", pop, 0, 0));
}

/* The count of the object `id` in a snapshot: drawn on the heap or inline. */
static gint64
count_of (HsSnapshot *snap, guint64 id)
{
  HsSnapObject *o = hs_snapshot_lookup (snap, id);

  if (o == NULL)
    o = g_hash_table_lookup (snap->inline_objects, &id);
  g_assert_nonnull (o);
  return o->refcount;
}

/* A view keeps the first and last cells of a long list: the length, the counts, what the
 * cells left out keep reachable and the words for an append are those of the whole list. */
static void
test_view_long_list (void)
{
  g_autoptr (HsTrace) t = record ("v = 1000\n"
                                  "xs = [v] * 3000\n"
                                  "a = [0]\n"
                                  "rows = [[i, a] for i in range(3000)]\n"
                                  "ys = xs\n"
                                  "xs.append(7)\n"
                                  "pass\n",
                                  0);
  int n = hs_trace_get_n_steps (t);
  g_autoptr (HsSnapshot) whole = hs_trace_snapshot (t, n - 1);
  g_autoptr (HsSnapshot) view = hs_trace_view (t, n - 1, 0);
  HsSnapFrame *g = g_ptr_array_index (view->frames, 0);
  guint64 xs = frame_var (g, "xs")->value.ref, rows = frame_var (g, "rows")->value.ref;
  HsSnapObject *list = hs_snapshot_lookup (view, xs);
  const HsSnapCell *first = hs_snap_object_item (list, 0);
  g_autofree char *words = explain_text (t, n - 2);

  g_assert_cmpuint (hs_snapshot_lookup (whole, xs)->cells->len, ==, 3001);
  g_assert_cmpuint (list->cells->len, ==, HS_VIEW_MAX_CELLS);
  g_assert_cmpuint (hs_snap_object_length (list), ==, 3001);
  g_assert_null (hs_snap_object_item (list, 1500));
  g_assert_cmpstr (hs_snap_object_item (list, 3000)->label, ==, "3000");
  g_assert_cmpuint (
      hs_snap_object_item (list, 3000)->value.ref, ==,
      g_array_index (hs_snapshot_lookup (whole, xs)->cells, HsSnapCell, 3000).value.ref);
  g_assert_cmpint (list->refcount, ==, 2);
  /* v's int: v, 3000 items (most left out) and the code's constants */
  g_assert_cmpint (count_of (view, first->value.ref), ==, count_of (whole, first->value.ref));
  /* the rows only left-out cells refer to stay reachable: none is a leaked cycle */
  g_assert_cmpuint (hs_snapshot_lookup (view, rows)->n_omitted, ==, 3000 - HS_VIEW_MAX_CELLS);
  /* nor are they built (drawn nowhere), but what they refer to counts them: `a` is held by
   * its name and by each of the 3,000 rows */
  g_assert_cmpuint (view->n_cut, ==, 3000 - HS_VIEW_MAX_CELLS);
  g_assert_null (hs_snapshot_lookup (
      view, g_array_index (hs_snapshot_lookup (whole, rows)->cells, HsSnapCell, 1500).value.ref));
  g_assert_nonnull (hs_snapshot_lookup (
      view, g_array_index (hs_snapshot_lookup (whole, rows)->cells, HsSnapCell, 2999).value.ref));
  g_assert_cmpint (count_of (view, frame_var (g, "a")->value.ref), ==, 3001);
  g_assert_cmpint (count_of (whole, frame_var (g, "a")->value.ref), ==, 3001);
  g_assert_cmpuint (whole->n_cut, ==, 0);
  for (guint i = 0; i < view->objects->len; i++)
    g_assert_false (((HsSnapObject *)g_ptr_array_index (view->objects, i))->flags
                    & HS_SNAP_FLAG_UNREACHABLE);
  g_assert_true (g_regex_match_simple ("list #[0-9]+: item 3000 appended: 7", words, 0, 0));
}

/* Serialises what a snapshot shows, to compare two ways of computing it. */
static char *
snapshot_text (HsSnapshot *s)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "gc freed %u\n", s->gc_freed->len);
  for (guint i = 0; i < s->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (s->frames, i);
      g_string_append_printf (out, "F%s:%d", f->func_name, f->line);
      for (guint j = 0; j < f->vars->len; j++)
        {
          HsSnapVar *v = &g_array_index (f->vars, HsSnapVar, j);
          g_string_append_printf (out, " %s=%s/%" G_GUINT64_FORMAT, v->name,
                                  v->value.text ? v->value.text : "", v->value.ref);
        }
      g_string_append_printf (out, " held=%u\n", f->held->len);
    }
  for (guint i = 0; i < s->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (s->objects, i);
      g_string_append_printf (out, "O%" G_GUINT64_FORMAT " %s rc=%" G_GINT64_FORMAT " f=%u n=%u",
                              o->id, o->type_name, o->refcount, o->flags, o->cells->len);
      for (guint j = 0; j < o->cells->len; j++)
        {
          HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, j);
          g_string_append_printf (out, " %s/%" G_GUINT64_FORMAT, c->value.text ? c->value.text : "",
                                  c->value.ref);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Drops the state the trace keeps from its last replay: the next snapshot replays afresh. */
static void
forget_replay (HsTrace *t)
{
  g_clear_pointer (&t->replay_state, hs_rstate_free);
}

/* The replay the trace keeps is an optimisation only: snapshots taken in any order (one
 * step forward, jumps forward and back, the same step twice) equal fresh replays, with
 * the flags (new, changed, freed, unreachable) of their own step only. */
static void
test_replay_any_order (void)
{
  const char *src = "import gc\n"
                    "keep = []\n"
                    "for i in range(300):\n"
                    "    a = [i]\n"
                    "    a.append(a)\n"
                    "    keep.append((i, str(i)))\n"
                    "    if i % 7 == 0:\n"
                    "        del keep[0]\n"
                    "    if i % 50 == 0:\n"
                    "        gc.collect()\n";
  g_autoptr (HsTrace) t = record (src, 0);
  int n = hs_trace_get_n_steps (t);
  GRand *rand = g_rand_new_with_seed (7);

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_OK);
  for (int i = 0, k = 0; i < 400; i++)
    {
      g_autoptr (HsSnapshot) cached = NULL;
      g_autoptr (HsSnapshot) fresh = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      int move = g_rand_int_range (rand, 0, 10);

      /* mostly one step forward, as the window steps; sometimes a jump or the same step */
      k = move < 6 ? k + 1 : move < 8 ? g_rand_int_range (rand, 0, n) : move < 9 ? k + 37 : k;
      k = CLAMP (k, 0, n - 1);
      cached = hs_trace_snapshot (t, k);
      a = snapshot_text (cached);
      g_assert_nonnull (t->replay_state);
      forget_replay (t);
      fresh = hs_trace_snapshot (t, k);
      b = snapshot_text (fresh);
      g_assert_cmpstr (a, ==, b);
    }
  g_rand_free (rand);
}

/* Keyframes are an optimisation only: replaying every delta from step 0 must give the
 * same memory at every sampled step. */
static void
assert_keyframes_agree (HsTrace *t)
{
  int n = hs_trace_get_n_steps (t);
  g_autoptr (GArray) saved = NULL;

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_OK);
  g_assert_cmpuint (t->keyframes->len, >, 1);
  for (int k = 0; k < n; k += n / 37)
    {
      g_autoptr (HsSnapshot) fast = hs_trace_snapshot (t, k);
      g_autoptr (HsSnapshot) slow = NULL;
      g_autofree char *a = snapshot_text (fast);
      g_autofree char *b = NULL;

      saved = t->keyframes;
      t->keyframes = g_array_new (FALSE, FALSE, sizeof (HsTraceKeyframe));
      forget_replay (t);
      slow = hs_trace_snapshot (t, k);
      forget_replay (t);
      g_array_unref (t->keyframes);
      t->keyframes = g_steal_pointer (&saved);
      b = snapshot_text (slow);
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_keyframes_agree (void)
{
  g_autoptr (HsTrace) t = record ("d = {}\n"
                                  "lst = []\n"
                                  "for i in range(6000):\n"
                                  "    lst.append([i, str(i)])\n"
                                  "    d[i % 50] = lst[-1]\n"
                                  "    if len(lst) > 40:\n"
                                  "        del lst[0]\n",
                                  0);
  assert_keyframes_agree (t);
}

/* The object a global variable of the snapshot refers to. */
static HsSnapObject *
global_object (HsSnapshot *s, const char *name)
{
  return hs_snapshot_lookup (s, frame_var (g_ptr_array_index (s->frames, 0), name)->value.ref);
}

/* A set changed one key at a time records the slot that changed, not the whole set (it
 * was quadratic); its table's resizes record it whole. Replayed from any keyframe or from
 * step 0, every step's set is the program's, in its order. */
static void
test_set_slot_deltas (void)
{
  g_autoptr (HsTrace) t = record ("s = set()\n"
                                  "for i in range(3000):\n"
                                  "    s.add(i * 7919 % 5003)\n"
                                  "    if i % 3 == 0:\n"
                                  "        s.discard(i * 7 % 5003)\n"
                                  "items = list(s)\n",
                                  0);
  g_autoptr (HsSnapshot) last = hs_trace_snapshot (t, hs_trace_get_n_steps (t) - 1);
  g_autoptr (HsSnapshot) view = hs_trace_view (t, hs_trace_get_n_steps (t) - 1, 0);
  HsSnapObject *set = global_object (last, "s"), *items = global_object (last, "items");
  HsSnapObject *shown = global_object (view, "s");

  assert_keyframes_agree (t);
  /* a whole 2,000-key set at each of ~7,000 steps would be megabytes */
  g_assert_cmpuint (t->log.len, <, 64 * (guint64)hs_trace_get_n_steps (t));
  g_assert_cmpuint (set->cells->len, ==, items->cells->len);
  for (guint i = 0; i < set->cells->len; i++)
    {
      const HsSnapValue *a = &g_array_index (set->cells, HsSnapCell, i).value;
      const HsSnapValue *b = &g_array_index (items->cells, HsSnapCell, i).value;
      g_assert_cmpuint (a->ref, ==, b->ref);
      g_assert_cmpstr (a->text, ==, b->text);
    }
  /* a view summarises the set's items, not its slots */
  g_assert_cmpuint (hs_snap_object_length (shown), ==, set->cells->len);
  g_assert_cmpuint (hs_snap_object_item (shown, set->cells->len - 1)->value.ref, ==,
                    g_array_index (set->cells, HsSnapCell, set->cells->len - 1).value.ref);
}

static void
test_json (void)
{
  g_autoptr (HsTrace) t = record ("a = [1, 'x', None, True, 2.5]\nb = (a, a)\n", 0);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);

  g_assert_true (
      g_str_has_prefix (json, "{\"code\": \"a = [1, 'x', None, True, 2.5]\\nb = (a, a)\\n\""));
  g_assert_nonnull (strstr (json, "[\"LIST\", 1, \"x\", null, true, 2.5]"));
  g_assert_nonnull (strstr (json, "\"ordered_globals\": [\"a\", \"b\"]"));
  g_assert_nonnull (strstr (json, "\"event\": \"return\""));
}

/* At every line step of a corpus program, the arrows drawn into each object (heap
 * primitives included) number exactly its reference count. */
static void
test_corpus_counts (gconstpointer data)
{
  const char *path = data;
  g_autofree char *src = NULL;
  gsize len;
  HsTraceOptions opts;
  g_autoptr (HsTrace) t = NULL;

  g_assert_true (g_file_get_contents (path, &src, &len, NULL));
  hs_trace_options_init (&opts);
  opts.max_steps = 2000;
  opts.heap_primitives = TRUE;
  opts.verify_counts = TRUE;
  t = hs_trace_record (src, len, path, &opts, NULL);
  g_assert_cmpstr (hs_trace_get_count_errors (t), ==, NULL);
}

/* Valid Python that Heapscope does not run yet is a refusal naming the construct (which
 * the window translates), from the parser and from the compiler; a syntax error is not. */
static void
test_refused_construct (void)
{
  g_autoptr (HsTrace) adef = record ("x = 1\nasync def f():\n    return 1\n", 0);
  g_autoptr (HsTrace) await = record ("async def f():\n    await g()\n", 0);
  g_autoptr (HsTrace) bad = record ("x = (1,\n", 0);
  int line = 0;

  g_assert_cmpstr (hs_trace_get_refused_construct (adef), ==, "'async def' functions");
  g_assert_true (hs_trace_get_syntax_error (adef, &line, NULL, NULL, NULL));
  g_assert_cmpint (line, ==, 2);
  g_assert_cmpstr (hs_trace_get_refused_construct (await), ==, "'await' expressions");
  g_assert_cmpint (hs_trace_get_end (bad), ==, HS_TRACE_END_SYNTAX_ERROR);
  g_assert_null (hs_trace_get_refused_construct (bad));
}

/* A class's count includes its hidden holders, listed in the JSON by kind and name, and a
 * constant's its code object's and the parse tree's. */
static void
test_hidden_holders_json (void)
{
  g_autoptr (HsTrace) t = record ("class A:\n    pass\nt = ('a b', 'c d')\nx = 1\n", 0);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);

  g_assert_nonnull (strstr (json, "[\"class\", \"A.__mro__\"], [\"class\", "
                                  "\"A.__dict__['__dict__']\"], [\"class\", "
                                  "\"A.__dict__['__weakref__']\"]"));
  g_assert_nonnull (strstr (json, "[[\"code\", \"<module>\"], [\"ast\", \"<module>\"]]"));
}

/* The JSON repeats the whole memory per step: a size limit ends it early, with every step
 * up to it and Python Tutor's instruction_limit_reached step saying why. */
static void
test_json_size_limit (void)
{
  g_autoptr (HsTrace) t = record ("x = []\nfor i in range(300):\n    x.append(i)\n", 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = hs_trace_to_json (t, 20000, &error);
  const char *last;

  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_assert_cmpuint (strlen (json), <, 20000 + 8000);
  g_assert_true (g_str_has_suffix (json, "]}\n"));
  last = strstr (json, "\"instruction_limit_reached\"");
  g_assert_nonnull (last);
  g_assert_null (strstr (last + 1, "\"event\""));
  g_assert_nonnull (strstr (last, "Heapscope stopped the trace after"));
}

/* A file that is not UTF-8 still gives a trace (a syntax error) whose JSON is valid UTF-8. */
static void
test_json_invalid_utf8 (void)
{
  g_autoptr (HsTrace) t = record ("x = 1\n# caf\xe9\n", 0);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_SYNTAX_ERROR);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_nonnull (strstr (json, "Non-UTF-8 code starting with '\\\\xe9'"));
}

static char *
event_sequence (HsTrace *t)
{
  GString *seq = g_string_new (NULL);
  for (int i = 0; i < hs_trace_get_n_steps (t); i++)
    g_string_append_printf (seq, "%s:%d ", hs_trace_step_event (t, i), hs_trace_step_line (t, i));
  return g_string_free (seq, FALSE);
}

/* As in Python Tutor, a class body and what it calls give no step; what they did to
 * memory (the list freed by `g = None`) shows at the next step, counts exact. */
static void
test_class_body_hidden (void)
{
  const char *src = "g = [1, 2]\n"
                    "def helper():\n"
                    "    return 7\n"
                    "class A:\n"
                    "    global g\n"
                    "    g = None\n"
                    "    x = helper()\n"
                    "    for i in range(2):\n"
                    "        pass\n"
                    "a = A()\n";
  HsTraceOptions opts;
  g_autoptr (HsTrace) t = NULL;
  g_autofree char *seq = NULL;
  g_autoptr (HsSnapshot) before = NULL;
  g_autoptr (HsSnapshot) after = NULL;
  const HsSnapVar *list_var;
  HsSnapObject *list;

  hs_trace_options_init (&opts);
  opts.verify_counts = TRUE;
  t = hs_trace_record (src, strlen (src), "p.py", &opts, NULL);
  seq = event_sequence (t);
  g_assert_cmpstr (seq, ==, "step_line:1 step_line:2 step_line:4 step_line:10 return:10 ");
  g_assert_cmpstr (hs_trace_get_count_errors (t), ==, NULL);
  before = hs_trace_snapshot (t, 2);
  after = hs_trace_snapshot (t, 3);
  list_var = global_var (before, "g");
  g_assert_nonnull (list_var);
  g_assert_cmpint (list_var->value.kind, ==, HS_SNAP_VALUE_REF);
  list = hs_snapshot_lookup (after, list_var->value.ref);
  g_assert_nonnull (list);
  g_assert_true (list->flags & HS_SNAP_FLAG_FREED);
  g_assert_cmpuint (after->frames->len, ==, 1);
}

/* The hidden events of a class body that never ends count against the step limit. */
static void
test_class_body_step_limit (void)
{
  g_autoptr (HsTrace) t = record ("class A:\n    while True:\n        pass\n", 50);

  g_assert_cmpint (hs_trace_get_end (t), ==, HS_TRACE_END_STEP_LIMIT);
  g_assert_cmpint (hs_trace_get_n_steps (t), <=, 50);
}

/* A suspended generator freed with its caller's frame is closed as CPython closes it:
 * GeneratorExit at its yield, its finally run, once the caller's frame is gone and before
 * anything after the call runs. */
static void
test_generator_closed_on_free (void)
{
  g_autoptr (HsTrace) t = record ("def gen():\n"
                                  "    try:\n"
                                  "        yield 1\n"
                                  "    finally:\n"
                                  "        print('closed')\n"
                                  "def use():\n"
                                  "    g = gen()\n"
                                  "    next(g)\n"
                                  "use()\n"
                                  "print('after')\n",
                                  0);
  g_autofree char *seq = event_sequence (t);
  g_autoptr (HsSnapshot) exc = hs_trace_snapshot (t, 12);
  g_autoptr (HsSnapshot) last = hs_trace_snapshot (t, hs_trace_get_n_steps (t) - 1);

  g_assert_cmpstr (seq, ==,
                   "step_line:1 step_line:6 step_line:9 call:6 step_line:7 step_line:8 call:1 "
                   "step_line:2 step_line:3 return:3 return:8 call:3 exception:3 step_line:5 "
                   "return:5 step_line:10 return:10 ");
  g_assert_cmpstr (exc->exception_msg, ==, "GeneratorExit: ");
  g_assert_cmpuint (exc->frames->len, ==, 2);
  g_assert_cmpstr (((HsSnapFrame *)g_ptr_array_index (exc->frames, 1))->func_name, ==, "gen");
  g_assert_cmpstr (last->stdout_text, ==, "closed\nafter\n");
}

/* Python Tutor's "Type: str(value)", even when str() is empty. */
static void
test_exception_message (void)
{
  g_autoptr (HsTrace) t = record ("assert 1 > 2\n", 0);
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, 1);

  g_assert_cmpstr (snap->event, ==, "exception");
  g_assert_cmpstr (snap->exception_msg, ==, "AssertionError: ");
}

/* With heap primitives, modules stay inline; a one-letter constant is CPython's interned
 * string, not the one-character string that indexing gives. */
static void
test_heap_primitives_sharing (void)
{
  const char *src = "import math\ns = 'xa'\na = 'a'\nb = s[1]\nc = s[0]\nd = 'x'\n";
  HsTraceOptions opts;
  g_autoptr (HsTrace) t = NULL;
  g_autoptr (HsSnapshot) snap = NULL;

  hs_trace_options_init (&opts);
  opts.heap_primitives = TRUE;
  t = hs_trace_record (src, strlen (src), "p.py", &opts, NULL);
  snap = hs_trace_snapshot (t, hs_trace_get_n_steps (t) - 1);
  g_assert_cmpint (global_var (snap, "math")->value.kind, ==, HS_SNAP_VALUE_PRIMITIVE);
  g_assert_cmpint (global_var (snap, "a")->value.kind, ==, HS_SNAP_VALUE_REF);
  g_assert_cmpuint (global_var (snap, "a")->value.ref, !=, global_var (snap, "b")->value.ref);
  g_assert_cmpuint (global_var (snap, "c")->value.ref, !=, global_var (snap, "d")->value.ref);
}

/* A closure's variable is not listed before it is assigned (the frame holds its empty
 * cell), and appears in its frame as soon as a nested function assigns it. */
static void
test_unassigned_cell (void)
{
  g_autoptr (HsTrace) t = record ("def outer():\n"
                                  "    def setter():\n"
                                  "        nonlocal a\n"
                                  "        a = 5\n"
                                  "        return 0\n"
                                  "    setter()\n"
                                  "    return a\n"
                                  "    a = 0\n"
                                  "outer()\n",
                                  0);
  gboolean saw_before = FALSE, saw_after = FALSE;

  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      HsSnapFrame *outer = snap->frames->len > 1 ? g_ptr_array_index (snap->frames, 1) : NULL;

      if (g_str_equal (snap->event, "step_line") && snap->line == 6)
        {
          saw_before = TRUE;
          g_assert_null (frame_var (outer, "a"));
          g_assert_nonnull (frame_var (outer, "setter"));
          /* the empty cell, and outer itself (its frame's f_func) */
          g_assert_cmpuint (outer->held->len, ==, 2);
          g_assert_cmpstr (g_array_index (outer->held, HsSnapVar, 0).name, ==, "cell");
          g_assert_cmpstr (g_array_index (outer->held, HsSnapVar, 1).name, ==, HS_FRAME_FUNC_LABEL);
        }
      if (g_str_equal (snap->event, "return") && snap->frames->len == 3)
        {
          saw_after = TRUE;
          g_assert_nonnull (frame_var (outer, "a"));
          g_assert_cmpuint (outer->held->len, ==, 1);
        }
    }
  g_assert_true (saw_before);
  g_assert_true (saw_after);
}

/* A function's rows follow CPython's co_varnames and then its cell variables
 * alphabetically, whenever each was bound (here `a` before `b`, `z` before `y`). */
static void
test_variable_order (void)
{
  static const char *const order[] = { "flag", "b", "a", "g", "y", "z", "__return__" };
  g_autoptr (HsTrace) t = record ("def f(flag):\n"
                                  "    if flag:\n"
                                  "        b = 1\n"
                                  "    a = 2\n"
                                  "    b = 3\n"
                                  "    z = 0\n"
                                  "    def g():\n"
                                  "        return z + y\n"
                                  "    y = 4\n"
                                  "    return g\n"
                                  "f(False)\n",
                                  0);
  gboolean saw_return = FALSE;

  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      if (snap->frames->len < 2)
        continue;
      HsSnapFrame *f = g_ptr_array_index (snap->frames, 1);
      guint next = 0;
      for (guint i = 0; i < f->vars->len; i++)
        {
          const char *name = g_array_index (f->vars, HsSnapVar, i).name;
          while (next < G_N_ELEMENTS (order) && !g_str_equal (order[next], name))
            next++;
          g_assert_cmpuint (next, <, G_N_ELEMENTS (order));
        }
      if (g_str_equal (snap->event, "return"))
        {
          saw_return = TRUE;
          g_assert_cmpuint (f->vars->len, ==, G_N_ELEMENTS (order));
        }
    }
  g_assert_true (saw_return);
}

/* Python Tutor's parent frames: the frame that made a nested function becomes a parent
 * once the function is shown; the function and the frames running it name that frame,
 * even after it returned. */
static void
test_parent_frames (void)
{
  g_autoptr (HsTrace) t = record ("def outer():\n"
                                  "    a = 1\n"
                                  "    def inner():\n"
                                  "        return a\n"
                                  "    return inner\n"
                                  "f = outer()\n"
                                  "f()\n",
                                  0);
  guint64 outer_id = 0;
  gboolean saw_parent = FALSE, saw_child = FALSE;

  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      HsSnapFrame *top = g_ptr_array_index (snap->frames, snap->frames->len - 1);
      if (g_str_equal (top->func_name, "outer"))
        {
          outer_id = top->frame_id;
          g_assert_cmpuint (top->parent_frame_ids->len, ==, 0);
          /* a parent from the step after the def on */
          g_assert_true (top->is_parent == (snap->line == 5));
          saw_parent |= top->is_parent;
        }
      if (g_str_equal (top->func_name, "inner"))
        {
          saw_child = TRUE;
          g_assert_cmpuint (outer_id, !=, 0);
          g_assert_cmpuint (top->parent_frame_ids->len, ==, 1);
          g_assert_cmpuint (g_array_index (top->parent_frame_ids, guint64, 0), ==, outer_id);
          g_assert_false (top->is_parent);
          for (guint i = 0; i < snap->objects->len; i++)
            {
              HsSnapObject *o = g_ptr_array_index (snap->objects, i);
              if (o->kind == HS_SNAP_FUNCTION)
                g_assert_cmpuint (o->parent_frame_id, ==,
                                  g_str_has_prefix (o->label, "inner") ? outer_id : 0);
            }
        }
    }
  g_assert_true (saw_parent);
  g_assert_true (saw_child);
}

/* parent_frame_id_list names the parent's parent too, both long returned. */
static void
test_parent_chain (void)
{
  g_autoptr (HsTrace) t = record ("def a():\n"
                                  "    def b():\n"
                                  "        def c():\n"
                                  "            return 1\n"
                                  "        return c\n"
                                  "    return b\n"
                                  "f = a()()\n"
                                  "f()\n",
                                  0);
  guint64 a_id = 0, b_id = 0;
  gboolean saw_c = FALSE;

  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      HsSnapFrame *top = g_ptr_array_index (snap->frames, snap->frames->len - 1);
      if (g_str_equal (top->func_name, "a"))
        a_id = top->frame_id;
      if (g_str_equal (top->func_name, "b"))
        b_id = top->frame_id;
      if (g_str_equal (top->func_name, "c"))
        {
          saw_c = TRUE;
          g_assert_cmpuint (snap->frames->len, ==, 2);
          g_assert_cmpuint (top->parent_frame_ids->len, ==, 2);
          g_assert_cmpuint (g_array_index (top->parent_frame_ids, guint64, 0), ==, b_id);
          g_assert_cmpuint (g_array_index (top->parent_frame_ids, guint64, 1), ==, a_id);
        }
    }
  g_assert_true (saw_c);
}

/* A __repr__ frame gives no step; while the generator expression it made runs, the
 * snapshot keeps it (it holds `self`) but the JSON lists it apart from Python Tutor's stack. */
static void
test_hidden_frame (void)
{
  g_autoptr (HsTrace) t = record ("class Box:\n"
                                  "    def __repr__(self):\n"
                                  "        return ''.join(c for c in 'ab')\n"
                                  "print(Box())\n",
                                  0);
  gboolean saw = FALSE;

  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      HsSnapFrame *top = g_ptr_array_index (snap->frames, snap->frames->len - 1);
      g_assert_false (top->is_hidden);
      if (g_str_equal (top->func_name, "<genexpr>"))
        {
          HsSnapFrame *below = g_ptr_array_index (snap->frames, snap->frames->len - 2);
          g_assert_cmpstr (below->func_name, ==, "__repr__");
          g_assert_true (below->is_hidden);
          g_assert_nonnull (frame_var (below, "self"));
          saw = TRUE;
        }
    }
  g_assert_true (saw);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);
  g_assert_nonnull (strstr (json, "\"stack_to_render\": [{\"func_name\": \"<genexpr>\""));
  g_assert_nonnull (strstr (json, "\"heapscope_hidden_frames\": [{\"func_name\": \"__repr__\""));
}

static const HsSnapCell *
object_cell (HsSnapObject *o, const char *label)
{
  for (guint i = 0; i < o->cells->len; i++)
    if (g_strcmp0 (g_array_index (o->cells, HsSnapCell, i).label, label) == 0)
      return &g_array_index (o->cells, HsSnapCell, i);
  return NULL;
}

/* Built-in objects show what they hold under the names of the attributes that reach it,
 * and never a default repr: its address would change from run to run. */
static void
test_builtin_object_rows (void)
{
  g_autoptr (HsTrace) t = record ("class Box:\n"
                                  "    def open(self):\n"
                                  "        return 1\n"
                                  "def fail():\n"
                                  "    raise ValueError('x')\n"
                                  "try:\n"
                                  "    fail()\n"
                                  "except ValueError as e:\n"
                                  "    tb = e.__traceback__\n"
                                  "m = Box().open\n"
                                  "plain = object()\n",
                                  0);
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, hs_trace_get_n_steps (t) - 1);

  HsSnapObject *tb = hs_snapshot_lookup (snap, global_var (snap, "tb")->value.ref);
  g_assert_cmpstr (tb->type_name, ==, "traceback");
  g_assert_cmpstr (object_cell (tb, "tb_lineno")->value.text, ==, "7");
  HsSnapObject *inner = hs_snapshot_lookup (snap, object_cell (tb, "tb_next")->value.ref);
  g_assert_cmpstr (object_cell (inner, "tb_lineno")->value.text, ==, "5");
  g_assert_null (object_cell (inner, "tb_next"));

  HsSnapObject *m = hs_snapshot_lookup (snap, global_var (snap, "m")->value.ref);
  HsSnapObject *func = hs_snapshot_lookup (snap, object_cell (m, "__func__")->value.ref);
  g_assert_cmpstr (func->label, ==, "open(self)");
  HsSnapObject *self = hs_snapshot_lookup (snap, object_cell (m, "__self__")->value.ref);
  g_assert_cmpstr (self->type_name, ==, "Box");

  HsSnapObject *plain = hs_snapshot_lookup (snap, global_var (snap, "plain")->value.ref);
  g_assert_cmpstr (plain->type_name, ==, "object");
  g_assert_null (plain->label);
}

/* A __slots__ instance draws each slot that is set as a row (in the slots' order in
 * memory), and the class's count lists its member descriptors among the hidden holders. */
static void
test_slot_rows (void)
{
  g_autoptr (HsTrace) t = record ("class P:\n"
                                  "    __slots__ = ('y', 'x', 'unset')\n"
                                  "p = P()\n"
                                  "p.x = [1]\n"
                                  "p.y = 'why'\n"
                                  "q = p.x\n",
                                  0);
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, hs_trace_get_n_steps (t) - 1);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);

  HsSnapObject *p = hs_snapshot_lookup (snap, global_var (snap, "p")->value.ref);
  g_assert_cmpstr (p->type_name, ==, "P");
  g_assert_cmpuint (p->cells->len, ==, 2);
  g_assert_cmpstr (g_array_index (p->cells, HsSnapCell, 0).label, ==, "x");
  g_assert_cmpstr (g_array_index (p->cells, HsSnapCell, 1).label, ==, "y");
  g_assert_null (object_cell (p, "unset"));
  HsSnapObject *x = hs_snapshot_lookup (snap, object_cell (p, "x")->value.ref);
  g_assert_cmpint (x->refcount, ==, 2); /* the slot and q */
  g_assert_cmpuint (x->id, ==, global_var (snap, "q")->value.ref);
  g_assert_nonnull (strstr (json, "[\"class\", \"P.__dict__['unset']\"], [\"class\", "
                                  "\"P.__dict__['x']\"], [\"class\", \"P.__dict__['y']\"]"));
}

static gboolean
has_recorded_holder (HsSnapObject *o, const char *name)
{
  for (guint i = 0; i < o->recorded_holders->len; i++)
    if (g_str_equal (g_array_index (o->recorded_holders, HsSnapHolder, i).name, name))
      return TRUE;
  return FALSE;
}

/* A class's __mro__ the program holds is drawn, held by the class (a hidden holder), and
 * its items are its arrows: the class no longer lists it among its own hidden holders. */
static void
test_class_mro_drawn (void)
{
  g_autoptr (HsTrace) t = record ("class A:\n    pass\nm = A.__mro__\nx = 1\n", 0);
  g_autoptr (HsSnapshot) before = hs_trace_snapshot (t, 1);
  g_autoptr (HsSnapshot) after = hs_trace_snapshot (t, 2);
  HsSnapObject *a0 = hs_snapshot_lookup (before, global_var (before, "A")->value.ref);
  HsSnapObject *a = hs_snapshot_lookup (after, global_var (after, "A")->value.ref);
  HsSnapObject *m = hs_snapshot_lookup (after, global_var (after, "m")->value.ref);

  g_assert_true (has_recorded_holder (a0, "A.__mro__"));
  g_assert_false (has_recorded_holder (a, "A.__mro__"));
  g_assert_cmpint (a->refcount, ==, a0->refcount);
  g_assert_cmpstr (m->type_name, ==, "tuple");
  g_assert_cmpint (m->refcount, ==, 2);
  g_assert_true (has_recorded_holder (m, "A.__mro__"));
  g_assert_cmpuint (g_array_index (m->cells, HsSnapCell, 0).value.ref, ==, a->id);
}

/* A function draws its defaults in its box; when two functions share their defaults tuple
 * (equal constants are one object), the tuple is drawn once with an arrow from each, and
 * the JSON still lists each function's defaults by name, as Python Tutor does. */
static void
test_shared_defaults (void)
{
  g_autoptr (HsTrace) t
      = record ("def f(a, b=(1, 2)):\n    pass\ndef g(b=(1, 2)):\n    pass\nx = 1\n", 0);
  g_autoptr (HsSnapshot) one = hs_trace_snapshot (t, 1);
  g_autoptr (HsSnapshot) two = hs_trace_snapshot (t, 2);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);
  HsSnapObject *f1 = hs_snapshot_lookup (one, global_var (one, "f")->value.ref);
  HsSnapObject *f2 = hs_snapshot_lookup (two, global_var (two, "f")->value.ref);
  HsSnapObject *g = hs_snapshot_lookup (two, global_var (two, "g")->value.ref);
  HsSnapObject *pair = hs_snapshot_lookup (one, object_cell (f1, "b")->value.ref);
  HsSnapObject *defaults;

  g_assert_cmpstr (pair->type_name, ==, "tuple");
  g_assert_null (object_cell (f1, "__defaults__"));
  g_assert_null (object_cell (f2, "b"));
  g_assert_cmpuint (object_cell (f2, "__defaults__")->value.ref, ==,
                    object_cell (g, "__defaults__")->value.ref);
  defaults = hs_snapshot_lookup (two, object_cell (g, "__defaults__")->value.ref);
  g_assert_cmpint (defaults->refcount, ==, 3); /* f, g and the module's code */
  g_assert_cmpuint (g_array_index (defaults->cells, HsSnapCell, 0).value.ref, ==, pair->id);
  g_assert_nonnull (strstr (json, "[\"FUNCTION\", \"g(b)\", null, [[\"b\", [\"REF\""));
}

/* A module function CPython writes in Python is a FUNCTION with its parameters and JSON
 * defaults, as pg_encoder gives it; one CPython writes in C keeps the built-in's "(...)". */
static void
test_library_function_signature (void)
{
  g_autoptr (HsTrace) t = record (
      "from functools import lru_cache, reduce\nfrom dataclasses import replace\nx = 1\n", 0);
  g_autofree char *json = hs_trace_to_json (t, 0, NULL);

  g_assert_nonnull (strstr (json, "[\"FUNCTION\", \"lru_cache(maxsize, typed)\", null, "
                                  "[[\"maxsize\", 128], [\"typed\", false]]]"));
  g_assert_nonnull (strstr (json, "[\"FUNCTION\", \"replace(obj, **changes)\", null]"));
  g_assert_nonnull (strstr (json, "[\"FUNCTION\", \"reduce(...)\", null]"));
}

/* `o.__class__ = B` changes the instance's class: the diagram draws its class row to B,
 * and the class counts follow. */
static void
test_set_class (void)
{
  g_autoptr (HsTrace) t = record ("class A:\n    pass\nclass B:\n    pass\no = A()\n"
                                  "o.__class__ = B\nx = 1\n",
                                  0);
  g_autoptr (HsSnapshot) before = hs_trace_snapshot (t, 3);
  g_autoptr (HsSnapshot) after = hs_trace_snapshot (t, 4);
  HsSnapObject *o0 = hs_snapshot_lookup (before, global_var (before, "o")->value.ref);
  HsSnapObject *o = hs_snapshot_lookup (after, global_var (after, "o")->value.ref);
  HsSnapObject *a0 = hs_snapshot_lookup (before, global_var (before, "A")->value.ref);
  HsSnapObject *a = hs_snapshot_lookup (after, global_var (after, "A")->value.ref);
  HsSnapObject *b0 = hs_snapshot_lookup (before, global_var (before, "B")->value.ref);
  HsSnapObject *b = hs_snapshot_lookup (after, global_var (after, "B")->value.ref);

  g_assert_cmpuint (o0->class_ref.ref, ==, a0->id);
  g_assert_cmpuint (o->class_ref.ref, ==, b->id);
  g_assert_cmpstr (o->type_name, ==, "B");
  g_assert_null (object_cell (o, "__class__"));
  g_assert_cmpint (a->refcount, ==, a0->refcount - 1);
  g_assert_cmpint (b->refcount, ==, b0->refcount + 1);
}

/* A class with its own __new__ is called through C (CPython's type_call): the argument
 * tuple it holds and the instance it made, while __init__ runs, are drawn as the caller's
 * pending values, so their counts are their arrows. */
static void
test_class_call_held (void)
{
  g_autoptr (HsTrace) t = record ("class P:\n"
                                  "    def __new__(cls, value):\n"
                                  "        return super().__new__(cls)\n"
                                  "    def __init__(self, value):\n"
                                  "        v = value\n"
                                  "box = [1]\n"
                                  "p = P(box)\n",
                                  0);
  gboolean seen = FALSE;

  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
      HsSnapFrame *caller = g_ptr_array_index (snap->frames, 0);
      HsSnapFrame *init;
      guint pending = 0, instance = 0;

      if (snap->line != 5 || snap->frames->len != 2 || !g_str_equal (snap->event, "step_line"))
        continue;
      init = g_ptr_array_index (snap->frames, 1);
      guint64 box = global_var (snap, "box")->value.ref;
      guint64 self = frame_var (init, "self")->value.ref;
      for (guint i = 0; i < caller->held->len; i++)
        {
          pending += g_array_index (caller->held, HsSnapVar, i).value.ref == box;
          instance += g_array_index (caller->held, HsSnapVar, i).value.ref == self;
        }
      /* the caller's stack and type_call's argument tuple; the global; __init__'s value */
      g_assert_cmpuint (pending, ==, 2);
      g_assert_cmpint (hs_snapshot_lookup (snap, box)->refcount, ==, 4);
      /* type_call's `obj`, and __init__'s self */
      g_assert_cmpuint (instance, ==, 1);
      g_assert_cmpint (hs_snapshot_lookup (snap, self)->refcount, ==, 2);
      seen = TRUE;
    }
  g_assert_true (seen);
}

/* A function's attributes are rows of its box: what its __dict__ holds, a __doc__ the
 * program set, and an arrow to its annotations dict; counts include them. */
static void
test_function_attribute_rows (void)
{
  g_autoptr (HsTrace) t = record ("class P:\n"
                                  "    pass\n"
                                  "def f(a: int, b: P):\n"
                                  "    return a\n"
                                  "f.calls = [0]\n"
                                  "f.__doc__ = 'counts'\n"
                                  "c = f.calls\n",
                                  0);
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, hs_trace_get_n_steps (t) - 1);

  HsSnapObject *f = hs_snapshot_lookup (snap, global_var (snap, "f")->value.ref);
  g_assert_cmpstr (f->label, ==, "f(a, b)");
  g_assert_cmpuint (f->cells->len, ==, 3);
  g_assert_cmpstr (g_array_index (f->cells, HsSnapCell, 0).label, ==, "__doc__");
  g_assert_cmpstr (g_array_index (f->cells, HsSnapCell, 1).label, ==, "__annotations__");
  g_assert_cmpstr (g_array_index (f->cells, HsSnapCell, 2).label, ==, "calls");
  HsSnapObject *ann = hs_snapshot_lookup (snap, object_cell (f, "__annotations__")->value.ref);
  g_assert_cmpstr (ann->type_name, ==, "dict");
  g_assert_cmpuint (ann->cells->len, ==, 2); /* a: int, b: P */
  g_assert_cmpuint (g_array_index (ann->cells, HsSnapCell, 1).value.ref, ==,
                    global_var (snap, "P")->value.ref);
  g_assert_null (hs_trace_get_count_errors (t));
  HsSnapObject *calls = hs_snapshot_lookup (snap, object_cell (f, "calls")->value.ref);
  g_assert_cmpint (calls->refcount, ==, 2); /* f.__dict__ and c */
  g_assert_cmpuint (calls->id, ==, global_var (snap, "c")->value.ref);
}

/* The steps of a compact trace of `src` written from what they touched alone
 * (hs-trace-json-delta.c), of its `*n` steps. */
static int
compact_steps_told (const char *src, gboolean heap_primitives, int *n)
{
  HsTraceOptions options;
  HsJsonOptions opts;
  g_autoptr (HsTrace) t = NULL;
  FILE *null = fopen ("/dev/null", "w");
  int told = -1;

  hs_trace_options_init (&options);
  options.heap_primitives = heap_primitives;
  t = hs_trace_record (src, strlen (src), "/tmp/prog.py", &options, NULL);
  hs_json_options_init (&opts);
  opts.compact = TRUE;
  opts.n_told = &told;
  g_assert_cmpint (hs_trace_write_json (t, &opts, null, NULL, NULL), ==, hs_trace_get_n_steps (t));
  fclose (null);
  *n = hs_trace_get_n_steps (t);
  return told;
}

/* A compact trace of an append loop writes its steps from what they changed, not from the
 * whole heap (issue 18), with primitives inline and as heap objects: the first step, the
 * calls of range() and append() that make and drop more, and the end are the only ones
 * that may take their whole snapshot. */
static void
test_json_compact_told (void)
{
  static const char *const programs[] = {
    "xs = []\nfor i in range(300):\n    xs.append(i)\n",
    "class Node:\n    def __init__(self, v, n):\n        self.v = v\n        self.next = n\n"
    "head = None\nfor i in range(100):\n    head = Node(i, head)\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    for (int heap_primitives = 0; heap_primitives < 2; heap_primitives++)
      {
        int n, told = compact_steps_told (programs[i], heap_primitives, &n);

        g_test_message ("program %u, heap primitives %d: %d of %d steps told", i, heap_primitives,
                        told, n);
        g_assert_cmpint (n, >, 300);
        g_assert_cmpint (told, >=, n * 9 / 10);
      }
  /* a step naming two language objects anew, which the frames name: told, in the order a
   * whole step writes them (test_corpus_compact checks the bytes) */
  for (int heap_primitives = 0; heap_primitives < 2; heap_primitives++)
    {
      int n, told = compact_steps_told ("x = 1\nfrom math import sqrt, floor\ny = [x]\n",
                                        heap_primitives, &n);

      g_assert_cmpint (told, ==, n - 1);
    }
}

/* A variable moved along a linked list longer than the walk from the frames may read (its
 * tail as the list grows, a cursor walking it) leaves nodes that their holders show reached
 * (hs-trace-json-reach.c): the steps are told, where past 4,096 nodes the walk gave up and
 * each step was written from its whole snapshot, quadratic in the list (issue 13). */
static void
test_json_compact_chain_told (void)
{
  static const char *const programs[] = {
    "class Node:\n    def __init__(self, v):\n        self.v = v\n        self.next = None\n"
    "head = tail = Node(0)\nfor i in range(1, 4500):\n    tail.next = Node(i)\n"
    "    tail = tail.next\n",
    "class Node:\n    def __init__(self, v, n):\n        self.v = v\n        self.next = n\n"
    "head = None\nfor i in range(4500):\n    head = Node(i, head)\ncur = head\n"
    "while cur is not None:\n    cur = cur.next\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    for (int heap_primitives = 0; heap_primitives < 2; heap_primitives++)
      {
        int n, told = compact_steps_told (programs[i], heap_primitives, &n);

        g_test_message ("program %u, heap primitives %d: %d of %d steps told", i, heap_primitives,
                        told, n);
        g_assert_cmpint (n, >, 4500 * 6);
        g_assert_cmpint (told, >=, n - 20);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Each corpus program is its own case: a failure must not hide the ones after it. */
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/trace/steps/events", test_events);
  g_test_add_func ("/trace/steps/cpython-lines", test_cpython_lines);
  g_test_add_func ("/trace/snapshot/aliasing", test_aliasing);
  g_test_add_func ("/trace/snapshot/new-changed-freed", test_new_changed_freed);
  g_test_add_func ("/trace/snapshot/for-iterator-held", test_for_iterator_is_held);
  g_test_add_func ("/trace/snapshot/constant-left-behind", test_constant_left_behind);
  g_test_add_func ("/trace/snapshot/call-frames", test_call_frames);
  g_test_add_func ("/trace/limits/step-limit", test_step_limit);
  g_test_add_func ("/trace/limits/cancel", test_cancel);
  g_test_add_func ("/trace/limits/oversized-collection", test_oversized_collection);
  g_test_add_func ("/trace/errors/syntax", test_syntax_error);
  g_test_add_func ("/trace/errors/uncaught", test_uncaught);
  g_test_add_func ("/trace/errors/source-too-large", test_source_too_large);
  g_test_add_func ("/trace/explain/aliasing-and-free", test_explain);
  g_test_add_func ("/trace/explain/raise", test_explain_raise);
  g_test_add_func ("/trace/explain/generator", test_explain_generator);
  g_test_add_func ("/trace/explain/changes", test_explain_changes);
  g_test_add_func ("/trace/view/long-list-summarised", test_view_long_list);
  g_test_add_func ("/trace/explain/sharing", test_explain_sharing);
  g_test_add_func ("/trace/keyframes/agree-with-full-replay", test_keyframes_agree);
  g_test_add_func ("/trace/keyframes/set-slot-deltas", test_set_slot_deltas);
  g_test_add_func ("/trace/keyframes/replay-in-any-order", test_replay_any_order);
  g_test_add_func ("/trace/json/values", test_json);
  g_test_add_func ("/trace/steps/class-body-hidden", test_class_body_hidden);
  g_test_add_func ("/trace/limits/class-body", test_class_body_step_limit);
  g_test_add_func ("/trace/steps/generator-closed-on-free", test_generator_closed_on_free);
  g_test_add_func ("/trace/errors/exception-message", test_exception_message);
  g_test_add_func ("/trace/snapshot/heap-primitives-sharing", test_heap_primitives_sharing);
  g_test_add_func ("/trace/snapshot/unassigned-cell", test_unassigned_cell);
  g_test_add_func ("/trace/snapshot/variable-order", test_variable_order);
  g_test_add_func ("/trace/snapshot/parent-frames", test_parent_frames);
  g_test_add_func ("/trace/snapshot/parent-chain", test_parent_chain);
  g_test_add_func ("/trace/steps/hidden-frame", test_hidden_frame);
  g_test_add_func ("/trace/snapshot/builtin-object-rows", test_builtin_object_rows);
  g_test_add_func ("/trace/json/size-limit", test_json_size_limit);
  g_test_add_func ("/trace/json/library-function-signature", test_library_function_signature);
  g_test_add_func ("/trace/json/hidden-holders", test_hidden_holders_json);
  g_test_add_func ("/trace/json/compact-told", test_json_compact_told);
  g_test_add_func ("/trace/json/compact-chain-told", test_json_compact_chain_told);
  g_test_add_func ("/trace/explain/hidden-holders", test_explain_hidden_holders);
  g_test_add_func ("/trace/explain/names-like-boxes", test_explain_names_like_boxes);
  g_test_add_func ("/trace/console-text-stderr", test_console_text_stderr);
  g_test_add_func ("/trace/refused-construct", test_refused_construct);
  g_test_add_func ("/trace/json/invalid-utf8", test_json_invalid_utf8);
  g_test_add_func ("/trace/snapshot/slot-rows", test_slot_rows);
  g_test_add_func ("/trace/snapshot/class-mro-drawn", test_class_mro_drawn);
  g_test_add_func ("/trace/snapshot/shared-defaults", test_shared_defaults);
  g_test_add_func ("/trace/snapshot/set-class", test_set_class);
  g_test_add_func ("/trace/snapshot/class-call-held", test_class_call_held);
  g_test_add_func ("/trace/snapshot/function-attribute-rows", test_function_attribute_rows);
  corpus_add_tests ("/trace/counts", test_corpus_counts);
  return g_test_run ();
}
