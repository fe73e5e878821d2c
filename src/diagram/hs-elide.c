/* hs-elide.c — what to leave out so that big heaps stay drawable.
 *
 * Invariant: an object is drawn only if a drawn frame variable or a drawn cell refers
 * to it, or it is itself marked unreachable, freed or held only by what the view hides
 * (those are roots of their own, since no drawn frame reaches them), and never more
 * than max_objects of them. A collapsed object draws no cell, so the walk does not go
 * through it; what only it reaches is hidden by the viewer's choice, not by the cap, and
 * is not counted as left out. A chain's hidden nodes are drawn as one marker, under the
 * first one's id; the walk goes from the marker to the chain's last node (a folded
 * subtree has none). A recursion's
 * hidden frames are not walked from: what only they reach is hidden with them.
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

gboolean
hs_diagram_options_is_collapsed (const HsDiagramOptions *opts, const HsSnapObject *obj)
{
  return (opts->collapsed_ids != NULL && g_hash_table_contains (opts->collapsed_ids, &obj->id))
         || (opts->collapsed_types != NULL && obj->type_name != NULL
             && g_hash_table_contains (opts->collapsed_types, obj->type_name));
}

gboolean
hs_diagram_options_is_expanded (const HsDiagramOptions *opts, const HsSnapObject *obj)
{
  return opts->expanded_ids != NULL && g_hash_table_contains (opts->expanded_ids, &obj->id);
}

guint
hs_elide_threshold_for (const HsDiagramOptions *opts, const HsSnapObject *obj)
{
  return hs_diagram_options_is_expanded (opts, obj) ? G_MAXUINT : opts->elide_threshold;
}

/* The walk's tables are an id map and an array, not a GHashTable and a GQueue: counting
 * what a chain's marker hides walks each of its nodes (200,000 for l.extend(zip(l, ...))). */
typedef struct
{
  const HsSnapshot *snap;
  const HsDiagramOptions *opts;
  const HsChains *chains; /* NULL: no chain is summarised */
  HsIdMap seen;           /* id -> HsSnapObject* */
  GPtrArray *queue;       /* HsSnapObject*, from `next` on still to walk */
  guint next;
  guint max;
} Walk;

static void
walk_init (Walk *walk, const HsSnapshot *snap, const HsDiagramOptions *opts, const HsChains *chains,
           guint max)
{
  *walk = (Walk){ snap, opts, chains, { 0 }, g_ptr_array_new (), 0, max };
  hs_id_map_init (&walk->seen);
}

static void
walk_clear (Walk *walk)
{
  hs_id_map_clear (&walk->seen);
  g_ptr_array_unref (walk->queue);
}

static void
walk_push (Walk *walk, const HsSnapObject *obj)
{
  hs_id_map_insert (&walk->seen, obj->id, (gpointer)obj);
  g_ptr_array_add (walk->queue, (gpointer)obj);
}

static HsSnapObject *
walk_pop (Walk *walk)
{
  if (walk->next == walk->queue->len)
    {
      g_ptr_array_set_size (walk->queue, 0);
      walk->next = 0;
      return NULL;
    }
  return g_ptr_array_index (walk->queue, walk->next++);
}

static void
walk_visit (Walk *walk, const HsSnapValue *value)
{
  const HsChain *chain;
  HsSnapObject *obj;

  if (value->kind != HS_SNAP_VALUE_REF || walk->seen.len >= walk->max
      || hs_id_map_lookup (&walk->seen, value->ref) != NULL)
    return;
  obj = hs_snapshot_lookup (walk->snap, value->ref);
  if (obj == NULL)
    return;
  chain = hs_chains_lookup (walk->chains, obj->id);
  if (chain != NULL && chain->marker != obj->id)
    return; /* behind the marker */
  walk_push (walk, obj);
}

static void
walk_cell (Walk *walk, const HsSnapCell *cell)
{
  walk_visit (walk, &cell->key);
  walk_visit (walk, &cell->value);
}

/* Breadth-first through the drawn cells of everything queued (a collapsed object draws
 * none; with no options, every cell counts). */
static void
walk_drain (Walk *walk)
{
  HsSnapObject *obj;

  while ((obj = walk_pop (walk)) != NULL)
    {
      guint n = obj->cells->len, head = n, tail = 0;
      const HsChain *chain = hs_chains_lookup (walk->chains, obj->id);

      if (chain != NULL)
        {
          /* a marker: what its nodes refer to is hidden with them, but a chain's last node */
          if (!chain->subtree)
            walk_visit (walk, &(HsSnapValue){ HS_SNAP_VALUE_REF, chain->last, NULL, NULL });
          continue;
        }
      /* The class reference leaves the header, which even a collapsed box draws. */
      walk_visit (walk, &obj->class_ref);
      if (walk->opts != NULL)
        {
          if (hs_diagram_options_is_collapsed (walk->opts, obj))
            continue;
          hs_elide_plan (n, hs_elide_threshold_for (walk->opts, obj), &head, &tail);
        }
      for (guint i = 0; i < head; i++)
        walk_cell (walk, &g_array_index (obj->cells, HsSnapCell, i));
      for (guint i = n - tail; i < n; i++)
        walk_cell (walk, &g_array_index (obj->cells, HsSnapCell, i));
    }
}

static void
walk_frame (Walk *walk, const HsSnapFrame *frame)
{
  if (hs_chains_lookup_frame (walk->chains, frame->frame_id) != NULL)
    return; /* behind a recursion's marker */
  for (guint i = 0; i < frame->vars->len; i++)
    walk_visit (walk, &g_array_index (frame->vars, HsSnapVar, i).value);
  for (guint i = 0; i < frame->held->len; i++)
    walk_visit (walk, &g_array_index (frame->held, HsSnapVar, i).value);
}

/* Objects not drawn that drawn collapsed objects, chain markers and a recursion's hidden
 * frames reach, through undrawn objects only, with the nodes the markers stand for. */
static guint
count_hidden_by_choice (const HsSnapshot *snap, const HsDiagramOptions *opts,
                        const HsChains *chains, GHashTable *drawn)
{
  Walk walk;
  GHashTableIter iter;
  gpointer key;
  guint hidden;

  walk_init (&walk, snap, NULL, NULL, G_MAXUINT);
  /* Drawn objects count as seen, so the walk never enters them (only seen.len is read). */
  g_hash_table_iter_init (&iter, drawn);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hs_id_map_insert (&walk.seen, *(guint64 *)key, key);
  for (guint i = 0; i < hs_chains_count (chains); i++)
    {
      const HsChain *chain = hs_chains_get (chains, i);

      if (chain->of_frames)
        {
          for (guint j = 0; j < chain->hidden->len; j++)
            walk_frame (&walk, g_ptr_array_index (chain->hidden, j));
          continue;
        }
      if (!g_hash_table_contains (drawn, &chain->marker))
        continue;
      for (guint j = 0; j < chain->hidden->len; j++)
        {
          walk_push (&walk, g_ptr_array_index (chain->hidden, j));
        }
    }
  if (opts->collapsed_ids != NULL || opts->collapsed_types != NULL)
    for (guint i = 0; i < snap->objects->len; i++)
      {
        HsSnapObject *obj = g_ptr_array_index (snap->objects, i);

        if (g_hash_table_contains (drawn, &obj->id) && hs_diagram_options_is_collapsed (opts, obj))
          for (guint c = 0; c < obj->cells->len; c++)
            walk_cell (&walk, &g_array_index (obj->cells, HsSnapCell, c));
      }
  walk_drain (&walk);
  hidden = walk.seen.len - g_hash_table_size (drawn);
  walk_clear (&walk);
  return hidden;
}

GHashTable *
hs_elide_select_objects (const HsSnapshot *snap, const HsDiagramOptions *opts,
                         const HsChains *chains, guint *left_out)
{
  GHashTable *drawn = g_hash_table_new (g_int64_hash, g_int64_equal);
  Walk walk;
  gpointer obj;
  gsize pos = 0;

  walk_init (&walk, snap, opts, chains, opts->max_objects);
  for (guint i = 0; i < snap->frames->len; i++)
    walk_frame (&walk, g_ptr_array_index (snap->frames, i));
  walk_drain (&walk);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *obj = g_ptr_array_index (snap->objects, i);
      HsSnapValue root = { HS_SNAP_VALUE_REF, obj->id, NULL, NULL };

      if (obj->flags & (HS_SNAP_FLAG_UNREACHABLE | HS_SNAP_FLAG_FREED | HS_SNAP_FLAG_HIDDEN_HELD))
        walk_visit (&walk, &root);
      walk_drain (&walk);
    }
  while (hs_id_map_next (&walk.seen, &pos, &obj))
    g_hash_table_add (drawn, &((HsSnapObject *)obj)->id);
  walk_clear (&walk);
  *left_out = snap->objects->len + snap->n_cut - g_hash_table_size (drawn)
              - count_hidden_by_choice (snap, opts, chains, drawn);
  return drawn;
}
