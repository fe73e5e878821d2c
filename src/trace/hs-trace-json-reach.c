/* hs-trace-json-reach.c — a compact step's proof that what it touched is still reached.
 *
 * Invariant: between steps, each drawn object with an entry names one holder (0: the
 * frames, or a drawn object with an entry) that refers to it now at least `refs` times,
 * and an object's rank is above its holder's. Following holders never loops, so it ends
 * at the frames: an object with an entry is reached. The step's references taken back
 * and made (hs_json_reach_edge) keep `refs` true; an object whose holder dropped it, or
 * without an entry, is proven again from a reference the step made to it (a frame's, an
 * object's), else by the writer's walk from the frames (hs_json_reach_met). A rank moves
 * where no holder cares: an object that holds nothing takes one above all, one the frames
 * hold one below all. So a loop that appends to a linked list and moves its tail variable
 * is proven by its own references, where the walk read the list from its head to the node
 * the loop left, at every step (quadratic in the list).
 */
#include "hs-trace-json-private.h"

typedef struct
{
  guint64 holder;  /* 0: the frames */
  gint64 rank;     /* above the holder's */
  gint64 refs;     /* the holder's references to it, at most as many as there are */
  guint64 holding; /* entries naming it as their holder */
} Entry;

/* A reference the step made to an object that may need proving again. */
typedef struct
{
  guint64 dst, src;
} Gain;

struct _HsJsonReach
{
  HsIdMap entries;  /* id -> Entry* */
  gint64 high, low; /* the ranks handed out last above and below all others */
  GArray *gains;    /* Gain: the step's, to objects without an entry, the frames hold, or
                     * whose holder dropped a reference to them */
};

HsJsonReach *
hs_json_reach_new (void)
{
  HsJsonReach *r = g_new0 (HsJsonReach, 1);

  hs_id_map_init (&r->entries);
  r->gains = g_array_new (FALSE, FALSE, sizeof (Gain));
  return r;
}

static void
forget_all (HsJsonReach *r)
{
  gsize pos = 0;
  gpointer e;

  while (hs_id_map_next (&r->entries, &pos, &e))
    g_free (e);
  hs_id_map_remove_all (&r->entries);
  r->high = r->low = 0;
}

void
hs_json_reach_free (HsJsonReach *r)
{
  if (r == NULL)
    return;
  forget_all (r);
  hs_id_map_clear (&r->entries);
  g_array_unref (r->gains);
  g_free (r);
}

static Entry *
entry (HsJsonReach *r, guint64 id)
{
  return hs_id_map_lookup (&r->entries, id);
}

gboolean
hs_json_reach_proven (HsJsonReach *r, guint64 id)
{
  Entry *e = entry (r, id);

  return e != NULL && e->refs > 0;
}

void
hs_json_reach_forget (HsJsonReach *r, guint64 id)
{
  Entry *e = hs_id_map_remove (&r->entries, id);
  Entry *h = e != NULL && e->holder != 0 ? entry (r, e->holder) : NULL;

  if (h != NULL)
    h->holding--;
  g_free (e);
}

/* Makes `holder` (proven, or 0) the holder of id, with n references to it; FALSE (nothing
 * changed) when their ranks cannot be put in order: id holds others, ranked above `holder`,
 * and `holder` is held by an object. */
static gboolean
hold (HsJsonReach *r, guint64 id, guint64 holder, gint64 n)
{
  Entry *e = entry (r, id), *h = holder != 0 ? entry (r, holder) : NULL, *old;

  if (holder == id || (holder != 0 && (h == NULL || h->refs <= 0)))
    return FALSE;
  if (e == NULL)
    {
      e = g_new0 (Entry, 1);
      e->rank = ++r->high;
      hs_id_map_insert (&r->entries, id, e);
    }
  if (h != NULL && h->rank >= e->rank)
    {
      if (e->holding == 0)
        e->rank = ++r->high; /* no entry cares how high it is */
      else if (h->holder == 0)
        h->rank = --r->low; /* nor how low one the frames hold is */
      else
        return FALSE;
    }
  if (e->holder != 0 && (old = entry (r, e->holder)) != NULL)
    old->holding--;
  e->holder = holder;
  e->refs = n;
  if (h != NULL)
    h->holding++;
  return TRUE;
}

gboolean
hs_json_reach_met (HsJsonReach *r, guint64 id, guint64 holder)
{
  Entry *e;

  if (hold (r, id, holder, 1))
    return TRUE;
  if ((e = entry (r, id)) != NULL && e->holding > 0)
    return FALSE;
  hs_json_reach_forget (r, id); /* reached now, proven again when next touched */
  return TRUE;
}

void
hs_json_reach_begin_step (HsJsonReach *r)
{
  g_array_set_size (r->gains, 0);
}

void
hs_json_reach_edge (HsJsonReach *r, guint64 src, guint64 dst, int sign)
{
  Entry *e = entry (r, dst);

  if (e != NULL && e->holder == src)
    e->refs += sign;
  else if (sign > 0 && (e == NULL || e->holder == 0 || e->refs <= 0))
    g_array_append_val (r->gains, ((Gain){ dst, src }));
}

static int
compare_gains (gconstpointer a, gconstpointer b)
{
  const Gain *x = a, *y = b;

  if (x->dst != y->dst)
    return x->dst < y->dst ? -1 : 1;
  return x->src < y->src ? -1 : x->src > y->src;
}

static int
compare_dsts (gconstpointer a, gconstpointer b)
{
  const Gain *x = a, *y = b;

  return x->dst < y->dst ? -1 : x->dst > y->dst;
}

/* The first of the (sorted) gains to dst, or gains->len. */
static guint
first_gain (GArray *gains, guint64 dst)
{
  guint at;

  if (!g_array_binary_search (gains, &(Gain){ dst, 0 }, compare_dsts, &at))
    return gains->len;
  while (at > 0 && g_array_index (gains, Gain, at - 1).dst == dst)
    at--;
  return at;
}

/* Links id to the first holder among the step's references to it that is proven and not
 * in `unproven` (the frames first: they need no rank). */
static gboolean
hold_from_gains (HsJsonReach *r, guint64 id, GHashTable *unproven)
{
  for (guint i = first_gain (r->gains, id), n; i < r->gains->len; i += n)
    {
      const Gain *g = &g_array_index (r->gains, Gain, i);

      if (g->dst != id)
        break;
      for (n = 1; i + n < r->gains->len && g[n].dst == id && g[n].src == g->src; n++)
        ;
      if ((g->src == 0
           || (hs_json_reach_proven (r, g->src) && !g_hash_table_contains (unproven, &g->src)))
          && hold (r, id, g->src, n))
        return TRUE;
    }
  return FALSE;
}

void
hs_json_reach_prove (HsJsonReach *r, GHashTable *wanted)
{
  GHashTableIter it;
  gpointer key;
  gboolean more = TRUE;

  g_array_sort (r->gains, compare_gains);
  g_hash_table_iter_init (&it, wanted);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (hs_json_reach_proven (r, *(guint64 *)key))
      g_hash_table_iter_remove (&it);
  /* a holder proven in one round (a new list holding a new list) proves more in the next */
  while (more)
    {
      more = FALSE;
      g_hash_table_iter_init (&it, wanted);
      while (g_hash_table_iter_next (&it, &key, NULL))
        if (hold_from_gains (r, *(guint64 *)key, wanted))
          {
            g_hash_table_iter_remove (&it);
            more = TRUE;
          }
    }
}

void
hs_json_reach_prefer_objects (HsJsonReach *r)
{
  for (guint i = 0, n; i < r->gains->len; i += n)
    {
      const Gain *g = &g_array_index (r->gains, Gain, i);
      Entry *e = entry (r, g->dst);

      for (n = 1; i + n < r->gains->len && g[n].dst == g->dst && g[n].src == g->src; n++)
        ;
      /* a frame lets go of what a loop left behind (a list's old tail): an object holds it
       * for longer */
      if (e != NULL && e->holder == 0 && g->src != 0 && hs_json_reach_proven (r, g->src))
        hold (r, g->dst, g->src, n);
    }
}

/* The references of o (whose cells show only parts when it is a function or folded one)
 * to objects of snap: those not met yet are held by o, queued in `todo`. */
static void
reset_visit (HsJsonReach *r, HsSnapshot *snap, guint64 holder, const HsSnapValue *v, GQueue *todo)
{
  HsSnapObject *o;
  Entry *e;

  if (v->kind != HS_SNAP_VALUE_REF || (o = hs_snapshot_lookup (snap, v->ref)) == NULL
      || (o->flags & HS_SNAP_FLAG_FREED))
    return;
  if ((e = entry (r, o->id)) == NULL)
    {
      hold (r, o->id, holder, 1);
      g_queue_push_tail (todo, o);
    }
  else if (e->holder == holder)
    e->refs++;
}

void
hs_json_reach_reset (HsJsonReach *r, HsSnapshot *snap, GPtrArray *frame_values)
{
  GQueue todo = G_QUEUE_INIT;
  HsSnapObject *o;

  forget_all (r);
  /* each frame value with all it reaches before the next: a list's head variable, named
   * first, then holds the list's nodes, not the variable walking it */
  for (guint i = 0; i < frame_values->len; i++)
    {
      reset_visit (r, snap, 0, frame_values->pdata[i], &todo);
      while ((o = g_queue_pop_head (&todo)) != NULL)
        {
          if (o->kind == HS_SNAP_FUNCTION || o->folded_cells != NULL)
            continue;
          reset_visit (r, snap, o->id, &o->class_ref, &todo);
          for (guint j = 0; j < o->cells->len; j++)
            {
              reset_visit (r, snap, o->id, &g_array_index (o->cells, HsSnapCell, j).key, &todo);
              reset_visit (r, snap, o->id, &g_array_index (o->cells, HsSnapCell, j).value, &todo);
            }
        }
    }
}
