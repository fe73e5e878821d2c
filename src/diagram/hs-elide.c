/* hs-elide.c — what to leave out so that big heaps stay drawable.
 *
 * Invariant: an object is drawn only if a drawn frame variable or a drawn cell refers
 * to it, or it is itself marked unreachable or freed (those are roots of their own,
 * since no frame reaches them), and never more than max_objects of them.
 */
#include "hs-diagram-private.h"

gboolean
hs_elide_plan (guint n, guint threshold, guint *head, guint *tail)
{
  if (threshold < 4 || n <= threshold)
    {
      *head = n;
      *tail = 0;
      return FALSE;
    }
  *head = threshold - 3;
  *tail = 2;
  return TRUE;
}

typedef struct
{
  const HsSnapshot *snap;
  GHashTable *seen;
  GQueue queue;
  guint max;
} Walk;

static void
walk_visit (Walk *walk, const HsSnapValue *value)
{
  HsSnapObject *obj;

  if (value->kind != HS_SNAP_VALUE_REF || g_hash_table_size (walk->seen) >= walk->max)
    return;
  obj = g_hash_table_lookup (walk->snap->by_id, &value->ref);
  if (obj == NULL || g_hash_table_contains (walk->seen, &obj->id))
    return;
  g_hash_table_add (walk->seen, &obj->id);
  g_queue_push_tail (&walk->queue, obj);
}

static void
walk_cell (Walk *walk, const HsSnapCell *cell)
{
  walk_visit (walk, &cell->key);
  walk_visit (walk, &cell->value);
}

/* Breadth-first through the drawn cells of everything queued. */
static void
walk_drain (Walk *walk, guint threshold)
{
  HsSnapObject *obj;

  while ((obj = g_queue_pop_head (&walk->queue)) != NULL)
    {
      guint n = obj->cells->len, head, tail;

      hs_elide_plan (n, threshold, &head, &tail);
      for (guint i = 0; i < head; i++)
        walk_cell (walk, &g_array_index (obj->cells, HsSnapCell, i));
      for (guint i = n - tail; i < n; i++)
        walk_cell (walk, &g_array_index (obj->cells, HsSnapCell, i));
    }
}

static void
walk_frame (Walk *walk, const HsSnapFrame *frame)
{
  for (guint i = 0; i < frame->vars->len; i++)
    walk_visit (walk, &g_array_index (frame->vars, HsSnapVar, i).value);
  for (guint i = 0; i < frame->held->len; i++)
    walk_visit (walk, &g_array_index (frame->held, HsSnapVar, i).value);
}

GHashTable *
hs_elide_select_objects (const HsSnapshot *snap, const HsDiagramOptions *opts, guint *left_out)
{
  Walk walk
      = { snap, g_hash_table_new (g_int64_hash, g_int64_equal), G_QUEUE_INIT, opts->max_objects };

  for (guint i = 0; i < snap->frames->len; i++)
    walk_frame (&walk, g_ptr_array_index (snap->frames, i));
  walk_drain (&walk, opts->elide_threshold);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *obj = g_ptr_array_index (snap->objects, i);
      HsSnapValue root = { HS_SNAP_VALUE_REF, obj->id, NULL, NULL };

      if (obj->flags & (HS_SNAP_FLAG_UNREACHABLE | HS_SNAP_FLAG_FREED))
        walk_visit (&walk, &root);
      walk_drain (&walk, opts->elide_threshold);
    }
  *left_out = snap->objects->len - g_hash_table_size (walk.seen);
  return walk.seen;
}
