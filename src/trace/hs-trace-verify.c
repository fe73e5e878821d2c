/* hs-trace-verify.c — the recorder's check of the diagram's promise against the runtime
 * (HsTraceOptions.verify_counts, which the corpus's refcount checks turn on). */
#include "config.h"

#include "hs-trace-private.h"

#include "hs-inspect.h"

/* The promise of the diagram, checked against the runtime: every drawn mortal object has
 * as many arrows into it as its count. Only where every reference held is listed
 * (hs_inspect_holds_listed): a C function that called back into Python holds references
 * in its C locals. */
void
hs_trace_verify_counts (HsTrace *t, HsVM *vm, int k)
{
  g_autoptr (HsSnapshot) snap = hs_trace_snapshot (t, k);
  g_autoptr (GHashTable) live = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (HsObject *p = hs_inspect_live_first (vm); p != NULL; p = hs_inspect_live_next (vm, p))
    if (p->flags & HS_FLAG_TRACED)
      g_hash_table_insert (live, &p->id, p);
  if (t->count_errors == NULL)
    t->count_errors = g_string_new (NULL);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *so = g_ptr_array_index (snap->objects, i);
      HsObject *o;

      if (so->immortal || (so->flags & HS_SNAP_FLAG_FREED))
        continue;
      o = g_hash_table_lookup (live, &so->id);
      if (o == NULL)
        g_string_append_printf (t->count_errors,
                                "step %d (line %d): %s #%" G_GUINT64_FORMAT
                                " is drawn but not alive\n",
                                k, snap->line, so->type_name, so->id);
      else if (o->refcount != so->refcount)
        g_string_append_printf (t->count_errors,
                                "step %d (line %d): %s #%" G_GUINT64_FORMAT " has %" G_GINT64_FORMAT
                                " references but %" G_GINT64_FORMAT " arrows\n",
                                k, snap->line, so->type_name, so->id, o->refcount, so->refcount);
    }
}
