/* hs-trace-explain.c — "What happened": a step's memory events told in words.
 *
 * The sentences are derived by comparing the memory before and after the step (two
 * snapshots), so they can never disagree with the diagram: objects that appear were
 * created, objects flagged freed lost their last reference, variables whose value differs
 * were rebound, and the collector's list names what it reclaimed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-trace-private.h"

/* Its count, and when hidden holders hold part of it, which they are. */
static char *
count_words (const HsSnapObject *o)
{
  return hs_snap_count_words (o->refcount, (const char *const *)o->hidden_holders->pdata,
                              o->hidden_holders->len);
}

/* The same object: a value the view moved onto the heap (or back into its cell) between
 * two steps has not changed. */
static gboolean
same_value (const HsSnapValue *a, const HsSnapValue *b)
{
  if (a->ref != 0 && b->ref != 0)
    return a->ref == b->ref;
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == HS_SNAP_VALUE_REF)
    return a->ref == b->ref;
  return g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->type_name, b->type_name) == 0;
}

static HsSnapFrame *
find_frame (HsSnapshot *snap, guint64 id)
{
  for (guint i = 0; i < snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (snap->frames, i);
      if (f->frame_id == id)
        return f;
    }
  return NULL;
}

static const HsSnapVar *
find_var (HsSnapFrame *f, const char *name)
{
  for (guint i = 0; f && i < f->vars->len; i++)
    {
      const HsSnapVar *v = &g_array_index (f->vars, HsSnapVar, i);
      if (g_strcmp0 (v->name, name) == 0)
        return v;
    }
  return NULL;
}

static void
explain_rebinding (GPtrArray *out, HsSnapshot *before, HsSnapshot *after, const HsSnapVar *var)
{
  HsSnapObject *o;
  g_autofree char *what = NULL;

  if (var->value.kind == HS_SNAP_VALUE_PRIMITIVE)
    {
      g_ptr_array_add (out, g_strdup_printf (_ ("`%s` is now %s"), var->name, var->value.text));
      return;
    }
  o = hs_snapshot_lookup (after, var->value.ref);
  if (o == NULL)
    return;
  what = hs_snap_object_title (o);
  if (o->kind == HS_SNAP_PRIMITIVE && o->immortal)
    /* TRANSLATORS: e.g. "`a` is now 256 (one shared int object)": a cached small int */
    g_ptr_array_add (out, g_strdup_printf (_ ("`%s` is now %s (one shared %s object)"), var->name,
                                           o->label, o->type_name));
  else if (o->kind == HS_SNAP_PRIMITIVE)
    /* TRANSLATORS: a variable and a value drawn as a box, e.g. "`a` is now 1000 (int #5)" */
    g_ptr_array_add (out, g_strdup_printf (_ ("`%s` is now %s (%s)"), var->name, o->label, what));
  else if (o->immortal)
    g_ptr_array_add (out, g_strdup_printf (_ ("`%s` now refers to %s"), var->name, what));
  else
    {
      /* the count alone: the sentence on the object (created, now has) says what holds it */
      g_autofree char *count = hs_snap_count_words (o->refcount, NULL, 0);

      if (before != NULL && hs_snapshot_lookup (before, o->id) != NULL)
        /* TRANSLATORS: "`b` now refers to list #7 too: 2 references" */
        g_ptr_array_add (
            out, g_strdup_printf (_ ("`%s` now refers to %s too: %s"), var->name, what, count));
      else
        /* TRANSLATORS: "`a` refers to list #7: 1 reference" */
        g_ptr_array_add (out,
                         g_strdup_printf (_ ("`%s` refers to %s: %s"), var->name, what, count));
    }
}

/* Whether the module frame of snap holds `id` as an object being finalized. */
static gboolean
is_finalizing (HsSnapshot *snap, guint64 id)
{
  HsSnapFrame *g
      = snap != NULL && snap->frames->len > 0 ? g_ptr_array_index (snap->frames, 0) : NULL;
  for (guint i = 0; g != NULL && i < g->held->len; i++)
    {
      const HsSnapVar *v = &g_array_index (g->held, HsSnapVar, i);
      if (v->value.kind == HS_SNAP_VALUE_REF && v->value.ref == id
          && g_strcmp0 (v->name, "finalizing") == 0)
        return TRUE;
    }
  return FALSE;
}

/* The objects whose __del__ starts (their count reached zero, or the collector found
 * them in cyclic garbage) and those it left alive (it stored a reference to them). */
static void
explain_finalizers (GPtrArray *out, HsSnapshot *before, HsSnapshot *after)
{
  for (guint i = 0; i < after->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (after->objects, i);
      gboolean now = is_finalizing (after, o->id), was = is_finalizing (before, o->id);
      g_autofree char *what = NULL;

      if (now == was || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      what = hs_snap_object_title (o);
      if (now)
        /* TRANSLATORS: "A #15 is being freed: its finalizer __del__() runs first" */
        g_ptr_array_add (out, g_strdup_printf (_ ("%s is being freed: its finalizer __del__() "
                                                  "runs first"),
                                               what));
      else
        g_ptr_array_add (out, g_strdup_printf (_ ("%s survived its finalizer: __del__() stored a "
                                                  "reference to it, so it is not freed"),
                                               what));
    }
}

/* The generator that keeps frame f (it runs it, or f paused in it at a `yield`). */
static HsSnapObject *
keeping_generator (HsSnapshot *after, const HsSnapFrame *f)
{
  HsSnapObject *g = f->generator_id != 0 ? hs_snapshot_lookup (after, f->generator_id) : NULL;

  return g != NULL && !(g->flags & HS_SNAP_FLAG_FREED) ? g : NULL;
}

static void
explain_frames (GPtrArray *out, HsSnapshot *before, HsSnapshot *after)
{
  for (guint i = 0; before && i < before->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (before->frames, i);
      gboolean raised = before->raised != NULL && i + 1 == before->frames->len;

      HsSnapObject *gen;

      if (find_frame (after, f->frame_id) != NULL)
        continue;
      if (!raised && f->is_paused && (gen = keeping_generator (after, f)) != NULL)
        {
          g_autofree char *what = hs_snap_object_title (gen);
          /* TRANSLATORS: "gen() paused at a yield: generator #14 keeps its frame" */
          g_ptr_array_add (out, g_strdup_printf (_ ("%s() paused at a yield: %s keeps its frame"),
                                                 f->func_name, what));
        }
      else if (raised)
        /* TRANSLATORS: "ratio() raised ZeroDivisionError; its frame is gone" */
        g_ptr_array_add (out, g_strdup_printf (_ ("%s() raised %s; its frame is gone"),
                                               f->func_name, before->raised));
      else
        g_ptr_array_add (out,
                         g_strdup_printf (_ ("%s() returned; its frame is gone"), f->func_name));
    }
  if (after->raised != NULL && after->frames->len > 1)
    {
      HsSnapFrame *top = g_ptr_array_index (after->frames, after->frames->len - 1);

      /* TRANSLATORS: "ratio() is raising ZeroDivisionError: it returns nothing" */
      g_ptr_array_add (out, g_strdup_printf (_ ("%s() is raising %s: it returns nothing"),
                                             top->func_name, after->raised));
    }
  for (guint i = 0; i < after->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (after->frames, i);
      HsSnapFrame *old = before ? find_frame (before, f->frame_id) : NULL;

      HsSnapObject *gen = old == NULL && i > 0 ? keeping_generator (after, f) : NULL;

      if (gen != NULL)
        {
          g_autofree char *what = hs_snap_object_title (gen);
          /* TRANSLATORS: "generator #14 runs: the gen() frame it keeps is on the stack" */
          g_ptr_array_add (out, g_strdup_printf (_ ("%s runs: the %s() frame it keeps is on the "
                                                    "stack"),
                                                 what, f->func_name));
        }
      else if (old == NULL && i > 0)
        g_ptr_array_add (out, g_strdup_printf (_ ("called %s(): a new frame"), f->func_name));
      for (guint j = 0; j < f->vars->len; j++)
        {
          const HsSnapVar *var = &g_array_index (f->vars, HsSnapVar, j);
          const HsSnapVar *was = find_var (old, var->name);
          if (was == NULL || !same_value (&was->value, &var->value))
            explain_rebinding (out, before, after, var);
        }
      for (guint j = 0; old && j < old->vars->len; j++)
        {
          const HsSnapVar *was = &g_array_index (old->vars, HsSnapVar, j);
          if (find_var (f, was->name) == NULL)
            g_ptr_array_add (out, g_strdup_printf (_ ("`%s` deleted"), was->name));
        }
    }
}

/* Objects that appeared: told first, so that rebindings can refer to them. */
static void
explain_created (GPtrArray *out, HsSnapshot *before, HsSnapshot *after)
{
  for (guint i = 0; i < after->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (after->objects, i);
      g_autofree char *what = NULL, *count = NULL;

      if (o->immortal || (o->flags & HS_SNAP_FLAG_FREED)
          || (before != NULL
              && (hs_snapshot_lookup (before, o->id) != NULL
                  || g_hash_table_contains (before->inline_objects, &o->id))))
        continue;
      what = hs_snap_object_title (o);
      count = count_words (o);
      /* TRANSLATORS: "created list #7 (1 reference)" */
      g_ptr_array_add (out, g_strdup_printf (_ ("created %s (%s)"), what, count));
    }
}

/* ---- what changed inside an object ------------------------------------------------ */

/* A value as the panel names it: a repr, or the object as its box is labelled. */
static char *
value_text (HsSnapshot *snap, const HsSnapValue *v)
{
  HsSnapObject *o;

  if (v->kind == HS_SNAP_VALUE_PRIMITIVE)
    return g_strdup (v->text ? v->text : "?");
  o = hs_snapshot_lookup (snap, v->ref);
  if (o == NULL)
    return g_strdup ("?");
  if (o->kind == HS_SNAP_PRIMITIVE)
    return g_strdup (o->label);
  return hs_snap_object_title (o);
}

/* More than this many changes in one object are told as one "changed". */
#define MAX_CHANGES_TOLD 3
/* Rows are matched by name, which is quadratic: bigger objects are just "changed". */
#define MAX_ROWS_COMPARED 64

/* Items are compared where both views kept them; an item a view left out counts as a
 * change when it was appended or removed (so a long run of them reads "changed"). */
static void
explain_sequence_change (GPtrArray *changes, HsSnapshot *after, const HsSnapObject *was,
                         const HsSnapObject *o)
{
  guint n_was = hs_snap_object_length (was), n = hs_snap_object_length (o);

  for (guint i = 0; i < MIN (n_was, n); i++)
    {
      const HsSnapCell *c = hs_snap_object_item (o, i), *c_was = hs_snap_object_item (was, i);
      g_autofree char *v = NULL;

      if (c == NULL || c_was == NULL || same_value (&c_was->value, &c->value))
        continue;
      v = value_text (after, &c->value);
      /* TRANSLATORS: a list's item changed, e.g. "item 0 replaced: 7" */
      g_ptr_array_add (changes, g_strdup_printf (_ ("item %u replaced: %s"), i, v));
    }
  for (guint i = n_was; i < n && changes->len <= MAX_CHANGES_TOLD; i++)
    {
      const HsSnapCell *c = hs_snap_object_item (o, i);
      g_autofree char *v = c != NULL ? value_text (after, &c->value) : g_strdup ("…");
      /* TRANSLATORS: e.g. "item 3 appended: 5" */
      g_ptr_array_add (changes, g_strdup_printf (_ ("item %u appended: %s"), i, v));
    }
  for (guint i = n; i < n_was && changes->len <= MAX_CHANGES_TOLD; i++)
    g_ptr_array_add (changes, g_strdup_printf (_ ("item %u removed"), i));
}

/* A row's name: a dict key's repr or an attribute name. */
static char *
row_name (HsSnapshot *snap, const HsSnapCell *c)
{
  return c->label != NULL ? g_strdup (c->label) : value_text (snap, &c->key);
}

static const HsSnapCell *
find_row (HsSnapshot *snap, const HsSnapObject *o, const char *name)
{
  for (guint i = 0; i < o->cells->len; i++)
    {
      const HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, i);
      g_autofree char *n = row_name (snap, c);
      if (g_strcmp0 (n, name) == 0)
        return c;
    }
  return NULL;
}

/* Dicts, instances, classes (rows named by a key or an attribute) and sets (rows named by
 * their value): rows added, set to another value, or removed. */
static void
explain_rows_change (GPtrArray *changes, HsSnapshot *before, HsSnapshot *after,
                     const HsSnapObject *was, const HsSnapObject *o)
{
  gboolean is_dict = o->kind == HS_SNAP_DICT;

  for (guint i = 0; i < o->cells->len; i++)
    {
      const HsSnapCell *c = &g_array_index (o->cells, HsSnapCell, i);
      g_autofree char *name
          = o->kind == HS_SNAP_SET ? value_text (after, &c->value) : row_name (after, c);
      const HsSnapCell *old = find_row (before, was, name);
      g_autofree char *v = NULL;

      if (o->kind == HS_SNAP_SET)
        {
          if (old == NULL)
            /* TRANSLATORS: a set gained an element, e.g. "item 5 added" */
            g_ptr_array_add (changes, g_strdup_printf (_ ("item %s added"), name));
          continue;
        }
      if (old != NULL && same_value (&old->value, &c->value))
        continue;
      v = value_text (after, &c->value);
      g_ptr_array_add (
          changes,
          /* TRANSLATORS: e.g. "key 'a' set to 2", "attribute x set to 2" */
          g_strdup_printf (is_dict ? _ ("key %s set to %s") : _ ("attribute %s set to %s"), name,
                           v));
    }
  for (guint i = 0; i < was->cells->len; i++)
    {
      const HsSnapCell *c = &g_array_index (was->cells, HsSnapCell, i);
      g_autofree char *name
          = o->kind == HS_SNAP_SET ? value_text (before, &c->value) : row_name (before, c);

      if (find_row (after, o, name) != NULL)
        continue;
      g_ptr_array_add (changes, g_strdup_printf (o->kind == HS_SNAP_SET ? _ ("item %s removed")
                                                 : is_dict              ? _ ("key %s removed")
                                                           : _ ("attribute %s removed"),
                                                 name));
    }
}

/* "list #7: item 3 appended: 5"; many changes at once as "list #7 changed". */
static void
explain_change (GPtrArray *out, HsSnapshot *before, HsSnapshot *after, const HsSnapObject *was,
                const HsSnapObject *o, const char *what)
{
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);

  if (o->kind == HS_SNAP_LIST || o->kind == HS_SNAP_TUPLE)
    explain_sequence_change (changes, after, was, o);
  else if (o->kind != HS_SNAP_OTHER && MAX (o->cells->len, was->cells->len) <= MAX_ROWS_COMPARED)
    explain_rows_change (changes, before, after, was, o);
  if (changes->len == 0 || changes->len > MAX_CHANGES_TOLD)
    {
      g_ptr_array_add (out, g_strdup_printf (_ ("%s changed"), what));
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    /* TRANSLATORS: an object and what changed in it, e.g. "list #7: item 3 appended: 5" */
    g_ptr_array_add (out,
                     g_strdup_printf (_ ("%s: %s"), what, (char *)g_ptr_array_index (changes, i)));
}

static void
explain_objects (GPtrArray *out, HsSnapshot *before, HsSnapshot *after)
{
  for (guint i = 0; i < after->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (after->objects, i);
      HsSnapObject *was = before ? hs_snapshot_lookup (before, o->id) : NULL;
      g_autofree char *what = hs_snap_object_title (o);

      if (o->flags & HS_SNAP_FLAG_FREED)
        g_ptr_array_add (out, g_strdup_printf (_ ("%s freed: no references left"), what));
      else if (o->immortal || was == NULL)
        continue;
      else if (o->flags & HS_SNAP_FLAG_CHANGED)
        explain_change (out, before, after, was, o, what);
      if (was != NULL && !(o->flags & HS_SNAP_FLAG_FREED))
        {
          if ((o->flags & HS_SNAP_FLAG_UNREACHABLE) && !(was->flags & HS_SNAP_FLAG_UNREACHABLE))
            g_ptr_array_add (out, g_strdup_printf (_ ("%s is unreachable but still alive: a "
                                                      "reference cycle keeps its count above zero"),
                                                   what));
          else if (was->refcount != o->refcount && !(o->flags & HS_SNAP_FLAG_UNREACHABLE))
            {
              g_autofree char *count = count_words (o);
              /* TRANSLATORS: "list #7 now has 2 references" */
              g_ptr_array_add (out, g_strdup_printf (_ ("%s now has %s"), what, count));
            }
        }
    }
}

char **
hs_trace_explain_step (HsTrace *trace, int k, HsViewFlags flags)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_autoptr (HsSnapshot) after = NULL;
  g_autoptr (HsSnapshot) before = NULL;

  g_return_val_if_fail (k >= 0 && k < hs_trace_get_n_steps (trace), NULL);
  /* before, then after: the trace's replay goes forward from one to the other */
  if (k > 0)
    before = hs_trace_view (trace, k - 1, flags);
  after = hs_trace_view (trace, k, flags);
  if (after->gc_freed->len > 0)
    g_ptr_array_add (out,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "gc found %u unreachable object and freed it",
                                                   "gc found %u unreachable objects and freed them",
                                                   after->gc_freed->len),
                                      after->gc_freed->len));
  explain_created (out, before, after);
  explain_finalizers (out, before, after);
  explain_frames (out, before, after);
  explain_objects (out, before, after);
  if (after->exception_msg != NULL)
    g_ptr_array_add (out, g_strdup (after->exception_msg));
  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&out), FALSE);
}
