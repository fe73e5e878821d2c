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

static char *
describe_object (HsSnapObject *o)
{
  /* The id is formatted first: a G_GUINT64_FORMAT inside _() would hide the string from
   * xgettext. */
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, o->id);
  /* TRANSLATORS: an object in the diagram, e.g. "list #12" */
  return g_strdup_printf (_ ("%s #%s"), o->type_name, id);
}

static gboolean
same_value (const HsSnapValue *a, const HsSnapValue *b)
{
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
  what = describe_object (o);
  if (o->immortal)
    g_ptr_array_add (out, g_strdup_printf (_ ("`%s` now refers to %s"), var->name, what));
  else if (before != NULL && hs_snapshot_lookup (before, o->id) != NULL)
    g_ptr_array_add (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "`%s` now refers to %s too: %d reference",
                                                        "`%s` now refers to %s too: %d references",
                                                        (gulong)o->refcount),
                                           var->name, what, (int)o->refcount));
  else
    g_ptr_array_add (
        out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "`%s` refers to %s: %d reference",
                                           "`%s` refers to %s: %d references", (gulong)o->refcount),
                              var->name, what, (int)o->refcount));
}

static void
explain_frames (GPtrArray *out, HsSnapshot *before, HsSnapshot *after)
{
  for (guint i = 0; before && i < before->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (before->frames, i);
      if (find_frame (after, f->frame_id) == NULL)
        g_ptr_array_add (out,
                         g_strdup_printf (_ ("%s() returned; its frame is gone"), f->func_name));
    }
  for (guint i = 0; i < after->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (after->frames, i);
      HsSnapFrame *old = before ? find_frame (before, f->frame_id) : NULL;

      if (old == NULL && i > 0)
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
      g_autofree char *what = NULL;

      if (o->immortal || (o->flags & HS_SNAP_FLAG_FREED)
          || (before != NULL && hs_snapshot_lookup (before, o->id) != NULL))
        continue;
      what = describe_object (o);
      g_ptr_array_add (
          out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "created %s (%d reference)",
                                             "created %s (%d references)", (gulong)o->refcount),
                                what, (int)o->refcount));
    }
}

static void
explain_objects (GPtrArray *out, HsSnapshot *before, HsSnapshot *after)
{
  for (guint i = 0; i < after->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (after->objects, i);
      HsSnapObject *was = before ? hs_snapshot_lookup (before, o->id) : NULL;
      g_autofree char *what = describe_object (o);

      if (o->flags & HS_SNAP_FLAG_FREED)
        g_ptr_array_add (out, g_strdup_printf (_ ("%s freed: no references left"), what));
      else if (o->immortal || was == NULL)
        continue;
      else if (o->flags & HS_SNAP_FLAG_CHANGED)
        g_ptr_array_add (out, g_strdup_printf (_ ("%s changed"), what));
      if (was != NULL && !(o->flags & HS_SNAP_FLAG_FREED))
        {
          if ((o->flags & HS_SNAP_FLAG_UNREACHABLE) && !(was->flags & HS_SNAP_FLAG_UNREACHABLE))
            g_ptr_array_add (out, g_strdup_printf (_ ("%s is unreachable but still alive: a "
                                                      "reference cycle keeps its count above zero"),
                                                   what));
          else if (was->refcount != o->refcount && !(o->flags & HS_SNAP_FLAG_UNREACHABLE))
            g_ptr_array_add (
                out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s now has %d reference",
                                                   "%s now has %d references", (gulong)o->refcount),
                                      what, (int)o->refcount));
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
  after = hs_trace_view (trace, k, flags);
  if (k > 0)
    before = hs_trace_view (trace, k - 1, flags);
  if (after->gc_freed->len > 0)
    g_ptr_array_add (out,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "gc found %u unreachable object and freed it",
                                                   "gc found %u unreachable objects and freed them",
                                                   after->gc_freed->len),
                                      after->gc_freed->len));
  explain_created (out, before, after);
  explain_frames (out, before, after);
  explain_objects (out, before, after);
  if (after->exception_msg != NULL)
    g_ptr_array_add (out, g_strdup (after->exception_msg));
  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&out), FALSE);
}
