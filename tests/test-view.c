/* test-view.c — the learner's view of a snapshot: shared values on the heap, internals
 * hidden and counted as hidden holders, counts that always add up. */
#include <string.h>

#include "corpus-tests.h"
#include "hs-trace.h"

static HsTrace *
record (const char *src)
{
  HsTraceOptions opts;

  hs_trace_options_init (&opts);
  return hs_trace_record (src, strlen (src), "/tmp/prog.py", &opts, NULL);
}

static const HsSnapVar *
find_row (GArray *rows, const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (g_array_index (rows, HsSnapVar, i).name, name))
      return &g_array_index (rows, HsSnapVar, i);
  return NULL;
}

static const HsSnapVar *
global_var (HsSnapshot *snap, const char *name)
{
  return find_row (((HsSnapFrame *)g_ptr_array_index (snap->frames, 0))->vars, name);
}

static int
find_step (HsTrace *t, int line)
{
  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    if (hs_trace_step_line (t, k) == line)
      return k;
  g_assert_not_reached ();
}

/* The bundled Interning example's lesson: 256 is one cached object, two 1000s made at run
 * time are two; a value referenced once stays in its cell. */
static void
test_sharing (void)
{
  g_autoptr (HsTrace) t = record ("x = 200\n"
                                  "a = x + 56\n"
                                  "b = 256\n"
                                  "c = int('1000')\n"
                                  "d = int('1000')\n"
                                  "e = c\n"
                                  "n = None\n"
                                  "m = None\n"
                                  "pass\n");
  g_autoptr (HsSnapshot) snap = hs_trace_view (t, find_step (t, 9), 0);
  const HsSnapVar *a = global_var (snap, "a"), *b = global_var (snap, "b");
  const HsSnapVar *c = global_var (snap, "c"), *d = global_var (snap, "d");
  const HsSnapVar *e = global_var (snap, "e");
  HsSnapObject *o256, *o1000;

  g_assert_cmpint (global_var (snap, "x")->value.kind, ==, HS_SNAP_VALUE_PRIMITIVE);
  g_assert_cmpstr (global_var (snap, "x")->value.text, ==, "200");
  g_assert_cmpint (a->value.kind, ==, HS_SNAP_VALUE_REF);
  g_assert_cmpint (b->value.kind, ==, HS_SNAP_VALUE_REF);
  g_assert_cmpuint (a->value.ref, ==, b->value.ref);
  o256 = hs_snapshot_lookup (snap, a->value.ref);
  g_assert_nonnull (o256);
  g_assert_cmpint (o256->kind, ==, HS_SNAP_PRIMITIVE);
  g_assert_cmpstr (o256->label, ==, "256");
  g_assert_true (o256->immortal);
  /* Two equal values, two objects: both on the heap so that `c is d` can be seen False. */
  g_assert_cmpint (c->value.kind, ==, HS_SNAP_VALUE_REF);
  g_assert_cmpint (d->value.kind, ==, HS_SNAP_VALUE_REF);
  g_assert_cmpuint (c->value.ref, !=, d->value.ref);
  g_assert_cmpuint (c->value.ref, ==, e->value.ref);
  o1000 = hs_snapshot_lookup (snap, c->value.ref);
  g_assert_cmpstr (o1000->label, ==, "1000");
  g_assert_false (o1000->immortal);
  g_assert_cmpint (o1000->refcount, ==, 2);
  g_assert_cmpint (hs_snapshot_lookup (snap, d->value.ref)->refcount, ==, 1);
  /* None is one object everywhere: drawn in its cells. */
  g_assert_cmpint (global_var (snap, "n")->value.kind, ==, HS_SNAP_VALUE_PRIMITIVE);
  g_assert_cmpint (global_var (snap, "m")->value.kind, ==, HS_SNAP_VALUE_PRIMITIVE);
}

/* The raw snapshot (what the JSON trace is written from) is not a view. */
static void
test_snapshot_is_not_a_view (void)
{
  g_autoptr (HsTrace) t = record ("a = 256\nb = 256\nfor i in [1]:\n    pass\n");
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, find_step (t, 4));
  HsSnapFrame *g = g_ptr_array_index (snap->frames, 0);

  g_assert_cmpint (global_var (snap, "a")->value.kind, ==, HS_SNAP_VALUE_PRIMITIVE);
  g_assert_nonnull (find_row (g->held, "iterator"));
}

static guint
count_refs_to (HsSnapshot *snap, guint64 id)
{
  guint n = 0;

  for (guint i = 0; i < snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (snap->frames, i);
      for (guint j = 0; j < f->vars->len; j++)
        {
          const HsSnapValue *v = &g_array_index (f->vars, HsSnapVar, j).value;
          n += v->kind == HS_SNAP_VALUE_REF && v->ref == id;
        }
      for (guint j = 0; j < f->held->len; j++)
        {
          const HsSnapValue *v = &g_array_index (f->held, HsSnapVar, j).value;
          n += v->kind == HS_SNAP_VALUE_REF && v->ref == id;
        }
    }
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);

      if (o->flags & HS_SNAP_FLAG_FREED)
        continue;
      n += o->class_ref.kind == HS_SNAP_VALUE_REF && o->class_ref.ref == id;
      for (guint j = 0; j < o->cells->len; j++)
        {
          const HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, j);
          n += c->key.kind == HS_SNAP_VALUE_REF && c->key.ref == id;
          n += c->value.kind == HS_SNAP_VALUE_REF && c->value.ref == id;
        }
    }
  return n;
}

/* Arrows drawn + hidden holders = count, for every object the view shows; "" if so. */
static char *
count_errors (HsSnapshot *snap)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      guint drawn;

      if (o->immortal || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      drawn = count_refs_to (snap, o->id);
      if ((gint64)(drawn + o->hidden_holders->len) != o->refcount)
        g_string_append_printf (
            out,
            "step %d: %s #%" G_GUINT64_FORMAT ": %u arrows + %u hidden != %" G_GINT64_FORMAT "\n",
            snap->step, o->type_name, o->id, drawn, o->hidden_holders->len, o->refcount);
    }
  return g_string_free (out, FALSE);
}

/* A for loop's iterator and a comprehension's `.0` are CPython's, not the learner's: hidden,
 * and what they hold lists them as hidden holders. */
static void
test_learner_view (void)
{
  g_autoptr (HsTrace) t = record ("xs = [1, 2]\n"
                                  "for x in xs:\n"
                                  "    sq = [n * n for n in xs]\n");
  int k = find_step (t, 3);
  g_autoptr (HsSnapshot) learner = hs_trace_view (t, k, 0);
  g_autoptr (HsSnapshot) internals = hs_trace_view (t, k, HS_VIEW_SHOW_INTERNALS);
  HsSnapFrame *g = g_ptr_array_index (learner->frames, 0);
  HsSnapObject *xs = hs_snapshot_lookup (learner, global_var (learner, "xs")->value.ref);
  g_autofree char *errors = count_errors (learner);

  g_assert_nonnull (
      find_row (((HsSnapFrame *)g_ptr_array_index (internals->frames, 0))->held, "iterator"));
  g_assert_null (find_row (g->held, "iterator"));
  for (guint i = 0; i < learner->objects->len; i++)
    g_assert_false (g_str_has_suffix (
        ((HsSnapObject *)g_ptr_array_index (learner->objects, i))->type_name, "iterator"));
  g_assert_cmpint (xs->refcount, ==, 2);
  g_assert_cmpuint (xs->hidden_holders->len, ==, 1);
  g_assert_true (
      g_str_has_prefix (g_ptr_array_index (xs->hidden_holders, 0), "hidden list_iterator #"));
  g_assert_cmpstr (errors, ==, "");

  /* Inside the comprehension: its `.0` argument is hidden too. */
  for (k = k + 1; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) s = hs_trace_view (t, k, 0);
      g_autoptr (HsSnapshot) raw = hs_trace_view (t, k, HS_VIEW_SHOW_INTERNALS);
      HsSnapFrame *top = g_ptr_array_index (s->frames, s->frames->len - 1);

      if (g_strcmp0 (top->func_name, "<listcomp>") != 0)
        continue;
      g_assert_null (find_row (top->vars, ".0"));
      g_assert_nonnull (find_row (
          ((HsSnapFrame *)g_ptr_array_index (raw->frames, raw->frames->len - 1))->vars, ".0"));
      xs = hs_snapshot_lookup (s, global_var (s, "xs")->value.ref);
      g_assert_cmpuint (xs->hidden_holders->len, ==, 2);
      return;
    }
  g_assert_not_reached ();
}

/* A list only the loop's hidden iterator holds is still drawn, on its own. */
static void
test_hidden_held_root (void)
{
  g_autoptr (HsTrace) t = record ("for x in list('ab'):\n    y = x\n");
  g_autoptr (HsSnapshot) snap = hs_trace_view (t, find_step (t, 2), 0);
  HsSnapObject *list = NULL;

  for (guint i = 0; i < snap->objects->len; i++)
    if (((HsSnapObject *)g_ptr_array_index (snap->objects, i))->kind == HS_SNAP_LIST)
      list = g_ptr_array_index (snap->objects, i);
  g_assert_nonnull (list);
  g_assert_true (list->flags & HS_SNAP_FLAG_HIDDEN_HELD);
  g_assert_cmpint (list->refcount, ==, 1);
  g_assert_cmpuint (list->hidden_holders->len, ==, 1);
}

static gboolean
class_has_row (HsSnapObject *cls, const char *label)
{
  for (guint j = 0; j < cls->cells->len; j++)
    if (g_strcmp0 (g_array_index (cls->cells, HsSnapCell, j).label, label) == 0)
      return TRUE;
  return FALSE;
}

/* What @dataclass writes into a class for its own use (the fields' dict and its Field
 * objects, the generated functions and their closures, __match_args__) is not the
 * learner's: hidden, its references counted as hidden holders; the internals view has it. */
static void
test_dataclass_machinery (void)
{
  g_autoptr (HsTrace) t = record ("from dataclasses import dataclass, field\n"
                                  "@dataclass(frozen=True)\n"
                                  "class P:\n"
                                  "    x: int\n"
                                  "    tags: list = field(default_factory=list)\n"
                                  "    def area(self):\n"
                                  "        return 0\n"
                                  "p = P(1)\n"
                                  "print(p)\n");
  int k = find_step (t, 9);
  g_autoptr (HsSnapshot) learner = hs_trace_view (t, k, 0);
  g_autoptr (HsSnapshot) internals = hs_trace_view (t, k, HS_VIEW_SHOW_INTERNALS);
  HsSnapObject *cls = hs_snapshot_lookup (learner, global_var (learner, "P")->value.ref);
  HsSnapObject *raw = hs_snapshot_lookup (internals, global_var (internals, "P")->value.ref);
  g_autofree char *errors = count_errors (learner);

  static const char *const made[] = { "__dataclass_fields__",
                                      "__dataclass_params__",
                                      "__init__",
                                      "__eq__",
                                      "__setattr__",
                                      "__delattr__",
                                      "__hash__",
                                      "__match_args__",
                                      "__repr__" };
  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_assert_false (class_has_row (cls, made[i]));
      g_assert_true (class_has_row (raw, made[i]));
    }
  g_assert_true (class_has_row (cls, "area"));
  for (guint i = 0; i < learner->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (learner->objects, i);
      g_assert_cmpstr (o->type_name, !=, "Field");
      g_assert_false (o->flags & HS_SNAP_FLAG_LIBRARY);
    }
  g_assert_cmpstr (errors, ==, "");
}

/* The lines a dataclass's generated __init__ runs are no steps of the program's and do not
 * use up the step limit: 40 instances under a limit of 60 steps. */
static void
test_library_code_not_counted (void)
{
  const char *src = "from dataclasses import dataclass\n"
                    "@dataclass\n"
                    "class P:\n"
                    "    x: int\n"
                    "    y: int = 0\n"
                    "ps = [P(i) for i in range(40)]\n"
                    "print(len(ps))\n";
  HsTraceOptions opts;
  g_autoptr (HsTrace) t = NULL;

  hs_trace_options_init (&opts);
  opts.max_steps = 60;
  t = hs_trace_record (src, strlen (src), "/tmp/prog.py", &opts, NULL);
  g_assert_cmpint (hs_trace_get_end (t), !=, HS_TRACE_END_STEP_LIMIT);
  g_assert_cmpint (hs_trace_step_line (t, hs_trace_get_n_steps (t) - 1), ==, 7);
}

/* An Enum's member tables and its members' bookkeeping are Enum's, not the learner's; a
 * member still shows its name and value. */
static void
test_enum_machinery (void)
{
  g_autoptr (HsTrace) t = record ("from enum import Enum\n"
                                  "class Color(Enum):\n"
                                  "    RED = 1\n"
                                  "    GREEN = 2\n"
                                  "c = Color.RED\n"
                                  "print(c)\n");
  int k = find_step (t, 6);
  g_autoptr (HsSnapshot) learner = hs_trace_view (t, k, 0);
  g_autoptr (HsSnapshot) internals = hs_trace_view (t, k, HS_VIEW_SHOW_INTERNALS);
  HsSnapObject *cls = hs_snapshot_lookup (learner, global_var (learner, "Color")->value.ref);
  HsSnapObject *raw = hs_snapshot_lookup (internals, global_var (internals, "Color")->value.ref);
  HsSnapObject *red = hs_snapshot_lookup (learner, global_var (learner, "c")->value.ref);
  g_autofree char *errors = count_errors (learner);
  static const char *const made[] = { "_member_names_", "_member_map_", "_value2member_map_" };

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_assert_false (class_has_row (cls, made[i]));
      g_assert_true (class_has_row (raw, made[i]));
    }
  g_assert_true (class_has_row (cls, "RED"));
  g_assert_true (class_has_row (red, "_name_"));
  g_assert_true (class_has_row (red, "_value_"));
  g_assert_false (class_has_row (red, "_sort_order_"));
  g_assert_false (class_has_row (red, "__objclass__"));
  g_assert_cmpstr (errors, ==, "");
}

/* Every step of every corpus program, in the learner's view: the counts add up. */
static void
test_corpus_view_counts (gconstpointer data)
{
  const char *path = data;
  g_autofree char *src = NULL;
  gsize len;
  HsTraceOptions opts;
  g_autoptr (HsTrace) t = NULL;
  g_autoptr (GString) errors = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &src, &len, NULL));
  hs_trace_options_init (&opts);
  opts.max_steps = 400;
  t = hs_trace_record (src, len, path, &opts, NULL);
  for (int k = 0; k < hs_trace_get_n_steps (t); k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_view (t, k, 0);
      g_autofree char *e = count_errors (snap);
      g_string_append (errors, e);
    }
  g_assert_cmpstr (errors->str, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/view/sharing/interning", test_sharing);
  g_test_add_func ("/view/sharing/snapshot-is-not-a-view", test_snapshot_is_not_a_view);
  g_test_add_func ("/view/learner/loop-and-comprehension", test_learner_view);
  g_test_add_func ("/view/learner/hidden-held-root", test_hidden_held_root);
  g_test_add_func ("/view/learner/dataclass-machinery", test_dataclass_machinery);
  g_test_add_func ("/view/learner/enum-machinery", test_enum_machinery);
  g_test_add_func ("/view/learner/library-code-not-counted", test_library_code_not_counted);
  corpus_add_tests ("/view/counts", test_corpus_view_counts);
  return g_test_run ();
}
