/* hs-trace-cut.c — what a view of a huge step leaves out before it is built.
 *
 * A view (max_cells > 0) keeps the first and last cells of a long sequence: what only the
 * cells left out reach is drawn nowhere, so it is cut from the replay state before any
 * snapshot object is made for it (a step of 900,000 tuples builds the 500 the list keeps,
 * not 900,000 boxes and their 900,000 inline ints).
 *
 * Invariant: an object is cut when the frames reach it (through any reference) but not
 * through kept references alone, where the kept references start from the frames, from
 * every object the frames do not reach (a leaked cycle, what only hidden holders keep:
 * roots of their own) and from the objects the step freed. So every reference of a built
 * object, but those of the cells left out, goes to a built object, and reachability among
 * built objects is what it was.
 */
#include "config.h"

#include <string.h>

#include "hs-trace-private.h"

enum
{
  REACHED = 1 << 0, /* the frames reach it */
  KEPT = 1 << 1,    /* kept references reach it (or it is a root of its own) */
};

typedef struct
{
  HsRState *st;
  const HsTrace *trace;
  const HsIdMap *map; /* the objects a snapshot builds (not the inline primitives) */
  guint max_cells;
  GPtrArray *todo; /* HsRObj* */
  gboolean any_cut;
} Cut;

static void
visit (Cut *c, guint64 id, guint8 mark)
{
  HsRObj *o = id != 0 ? hs_id_map_lookup (c->map, id) : NULL;

  if (o == NULL || (o->cut & mark))
    return;
  o->cut |= mark;
  g_ptr_array_add (c->todo, o);
}

/* Whether item i (of n, empty slots left out) is one a view keeps (add_object). */
static gboolean
is_kept_item (const Cut *c, guint i, guint n)
{
  return n <= c->max_cells || i < c->max_cells - 2 || i >= n - 2;
}

/* The references of o that a snapshot draws or that keep their targets reachable: every
 * item and entry, and every attribute's value but a weak reference's and a base's name (a
 * pooled string). With `mark` KEPT, a long sequence's items the view leaves out are not
 * followed. */
static void
visit_refs (Cut *c, const HsRObj *o, guint8 mark)
{
  const HsVals *vals = o->vals;
  guint n = 0, item = 0;

  if (vals == NULL)
    return;
  switch ((HsShape)o->shape)
    {
      case HS_SHAPE_SLOTS:
      case HS_SHAPE_SEQ:
        for (guint i = 0; i < vals->len; i++)
          n += vals->v[i] != 0 || o->shape == HS_SHAPE_SEQ;
        if (n > c->max_cells)
          c->any_cut = TRUE;
        for (guint i = 0; i < vals->len; i++)
          {
            guint64 id = vals->v[i];

            if (id == 0 && o->shape == HS_SHAPE_SLOTS)
              continue;
            if (mark == REACHED || is_kept_item (c, item, n))
              visit (c, id, mark);
            item++;
          }
        break;
      case HS_SHAPE_PAIRS:
        for (guint i = 0; i < vals->len; i++)
          visit (c, vals->v[i], mark);
        break;
      case HS_SHAPE_ATTRS:
        for (guint i = 0; i + 1 < vals->len; i += 2)
          {
            const char *name = hs_string_pool_get (&c->trace->pool, (guint32)vals->v[i]);

            if (g_strcmp0 (name, HS_TRACE_BASE_ATTR) != 0
                && (mark == KEPT || g_strcmp0 (name, HS_TRACE_WEAK_ATTR) != 0))
              visit (c, vals->v[i + 1], mark);
          }
        break;
      case HS_SHAPE_PRIM:
        break;
    }
}

static void
drain (Cut *c, guint8 mark)
{
  while (c->todo->len > 0)
    visit_refs (c, g_ptr_array_steal_index_fast (c->todo, c->todo->len - 1), mark);
}

static void
visit_frames (Cut *c, guint8 mark)
{
  for (guint i = 0; i < c->st->frames->len; i++)
    {
      const HsRFrame *f = g_ptr_array_index (c->st->frames, i);

      for (guint j = 0; j < f->vals->len; j++)
        visit (c, g_array_index (f->vals, guint64, j), mark);
      for (guint j = 0; j < f->held_vals->len; j++)
        visit (c, g_array_index (f->held_vals, guint64, j), mark);
    }
  drain (c, mark);
}

/* The objects a view builds, which alone are ever cut: the primitives are inline. */
static HsIdMap *
cut_map (HsRState *st, const HsTrace *trace)
{
  return trace->options.heap_primitives ? &st->objs : &st->composites;
}

gboolean
hs_rstate_cut (HsRState *st, const HsTrace *trace, guint max_cells)
{
  Cut c = { st, trace, cut_map (st, trace), max_cells, g_ptr_array_new (), FALSE };
  gsize pos = 0;
  gpointer value;

  visit_frames (&c, REACHED);
  if (c.any_cut)
    {
      visit_frames (&c, KEPT);
      while (hs_id_map_next (c.map, &pos, &value))
        if (!(((HsRObj *)value)->cut & REACHED))
          visit (&c, ((HsRObj *)value)->id, KEPT);
      for (guint i = 0; i < st->freed->len; i++)
        visit_refs (&c, g_ptr_array_index (st->freed, i), KEPT);
      drain (&c, KEPT);
    }
  /* what remains marked REACHED alone is cut; the rest unmarked */
  pos = 0;
  while (hs_id_map_next (c.map, &pos, &value))
    {
      HsRObj *o = value;

      o->cut = c.any_cut && o->cut == REACHED;
    }
  g_ptr_array_unref (c.todo);
  return c.any_cut;
}

void
hs_rstate_uncut (HsRState *st, const HsTrace *trace)
{
  const HsIdMap *map = cut_map (st, trace);
  gsize pos = 0;
  gpointer value;

  while (hs_id_map_next (map, &pos, &value))
    ((HsRObj *)value)->cut = 0;
}
