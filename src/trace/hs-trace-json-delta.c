/* hs-trace-json-delta.c — a compact trace's step, found from what the step touched.
 *
 * Invariant: after each step, `counts` holds the count of every object drawn in it (of an
 * immortal one, whose count is not written: the references drawn objects and frames make
 * to it), `lang` how many cells of drawn objects name each language object, `frame_refs`
 * what the frames referred to, and the writer's HsSnapReuse every drawn object. A step then
 * costs what it touched: the counts of what its objects and frames referred to before and
 * refer to now change by one each, and every object the step touched or took a reference
 * from is shown still reached, which keeps all that was reached reached (a path through a
 * lost reference goes on from its target): by the holder that proved it before, or a
 * reference the step made to it (hs-trace-json-reach.c), else by a walk from the frames
 * that stops as soon as it met them all. An immortal object without cells (with --heap-primitives:
 * a small int, None, True) is drawn while something drawn refers to it: a reference to it when it
 * was not drawn draws it, and it leaves with the last. A step that could change more (a leaked
 * cycle, a weak reference, a collection, hidden holders, a reference to another object not
 * drawn, a walk too long) is refused: the writer takes its whole snapshot, and
 * hs_json_delta_reset starts again from it.
 */
#include "hs-trace-json-private.h"

/* Cells the walk from the frames may read before the step is refused. */
#define WALK_BUDGET 4096
/* The holder of what the walk meets from an object that holds nothing (no object's id:
 * ids are allocation serials). */
#define NO_HOLDER G_MAXUINT64

struct _HsJsonDelta
{
  HsTrace *trace;
  gboolean whole;     /* steps written whole: every language object named is written */
  gboolean valid;     /* reset from a snapshot that allows steps */
  HsIdMap counts;     /* id -> count + 1 (GSIZE_TO_POINTER): every drawn object */
  HsIdMap lang;       /* id -> cells of drawn objects naming it + 1 */
  HsIdMap present;    /* language objects in the heap */
  GArray *frame_refs; /* guint64: the drawn objects the frames referred to */
  GArray *frame_lang; /* guint64: the language objects the frames named */
  HsJsonReach *reach; /* what proves each drawn object reached */
  /* a step's working sets, emptied for each step (made once: most steps are small, and
   * making and freeing them cost more than the step's own work) */
  GHashTable *froms, *wanted, *lang_to, *seen, *added, *framed, *done;
  GArray *touched, *lang_ids, *entered;
  GPtrArray *values; /* frame_values' */
  /* the part snapshot of the step before, its objects taken, filled again for the next
   * (hs_json_delta_step_done): making and freeing its frames, variables and tables at
   * every step was a third of the compact writer's time */
  HsSnapshot *spare;
};

/* What one step found while it counted. */
typedef struct
{
  HsJsonDelta *d;
  HsRState *st;
  GArray *entered;     /* guint64: immortal objects drawn anew (not in the step's part) */
  GArray *touched;     /* guint64: drawn objects whose count changed */
  GArray *lang_ids;    /* guint64: language objects named before or now */
  GHashTable *lang_to; /* guint64* id -> const HsSnapValue* naming it now */
  guint64 src;         /* whose references are counted (0: the frames') */
  gboolean holds;      /* whether src holds what it refers to (hs_json_reach_edge) */
} Count;

static gint64
map_get (HsIdMap *map, guint64 id)
{
  gpointer v = hs_id_map_lookup (map, id);

  return v != NULL ? (gint64)GPOINTER_TO_SIZE (v) - 1 : -1;
}

/* n < 0 (a count that would go below zero) leaves id out: a later reference to it then
 * refuses its step. */
static void
map_set (HsIdMap *map, guint64 id, gint64 n)
{
  if (n < 0)
    hs_id_map_remove (map, id);
  else
    hs_id_map_insert (map, id, GSIZE_TO_POINTER ((gsize)(n + 1)));
}

HsJsonDelta *
hs_json_delta_new (HsTrace *trace, gboolean whole)
{
  HsJsonDelta *d = g_new0 (HsJsonDelta, 1);

  d->trace = trace;
  d->whole = whole;
  hs_id_map_init (&d->counts);
  hs_id_map_init (&d->lang);
  hs_id_map_init (&d->present);
  d->frame_refs = g_array_new (FALSE, FALSE, sizeof (guint64));
  d->frame_lang = g_array_new (FALSE, FALSE, sizeof (guint64));
  d->reach = hs_json_reach_new ();
  d->froms = g_hash_table_new (g_int64_hash, g_int64_equal);
  d->wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  d->lang_to = g_hash_table_new (g_int64_hash, g_int64_equal);
  d->seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  d->added = g_hash_table_new (NULL, NULL);
  d->framed = g_hash_table_new (g_int64_hash, g_int64_equal);
  d->done = g_hash_table_new (g_int64_hash, g_int64_equal);
  d->touched = g_array_new (FALSE, FALSE, sizeof (guint64));
  d->lang_ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  d->entered = g_array_new (FALSE, FALSE, sizeof (guint64));
  d->values = g_ptr_array_new ();
  return d;
}

void
hs_json_delta_free (HsJsonDelta *d)
{
  if (d == NULL)
    return;
  hs_id_map_clear (&d->counts);
  hs_id_map_clear (&d->lang);
  hs_id_map_clear (&d->present);
  g_array_unref (d->frame_refs);
  g_array_unref (d->frame_lang);
  hs_json_reach_free (d->reach);
  g_hash_table_unref (d->froms);
  g_hash_table_unref (d->wanted);
  g_hash_table_unref (d->lang_to);
  g_hash_table_unref (d->seen);
  g_hash_table_unref (d->added);
  g_hash_table_unref (d->framed);
  g_hash_table_unref (d->done);
  g_array_unref (d->touched);
  g_array_unref (d->lang_ids);
  g_array_unref (d->entered);
  g_ptr_array_unref (d->values);
  hs_snapshot_free (d->spare);
  g_free (d);
}

/* Every value the frames of snap hold (variables and held values), into `values` (emptied
 * first: the delta's one array, made once). */
static GPtrArray *
frame_values (GPtrArray *values, HsSnapshot *snap)
{
  g_ptr_array_set_size (values, 0);

  for (guint i = 0; i < snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (snap->frames, i);

      for (guint j = 0; j < f->vars->len; j++)
        g_ptr_array_add (values, &g_array_index (f->vars, HsSnapVar, j).value);
      for (guint j = 0; j < f->held->len; j++)
        g_ptr_array_add (values, &g_array_index (f->held, HsSnapVar, j).value);
    }
  return values;
}

/* Whether `id`, not drawn, is an immortal object without cells that the step did not touch,
 * drawn once something drawn refers to it. */
static gboolean
may_enter (Count *c, guint64 id)
{
  const HsRObj *o = hs_id_map_lookup (&c->st->objs, id);

  return o != NULL && o->immortal && o->flags == 0 && (o->vals == NULL || o->vals->len == 0);
}

/* A reference to the object `id` counted (`sign` 1) or taken back (-1); FALSE when it is to
 * an object not drawn that a reference does not draw. */
static gboolean
count_drawn (Count *c, guint64 id, int sign)
{
  gint64 n = map_get (&c->d->counts, id);

  if (n < 0)
    {
      if (sign < 0 || !may_enter (c, id))
        return FALSE;
      n = 0;
      g_array_append_val (c->entered, id);
    }
  map_set (&c->d->counts, id, n + sign);
  g_array_append_val (c->touched, id);
  if (c->holds)
    hs_json_reach_edge (c->d->reach, c->src, id, sign);
  return TRUE;
}

/* The frames' references of snap, into frame_refs and frame_lang; FALSE when one is to an
 * object not drawn. `c`: counted, as references made this step. */
static gboolean
take_frame_refs (HsJsonDelta *d, HsSnapshot *snap, Count *c)
{
  GPtrArray *values = frame_values (d->values, snap);

  g_array_set_size (d->frame_refs, 0);
  g_array_set_size (d->frame_lang, 0);
  if (c != NULL)
    {
      c->src = 0;
      c->holds = TRUE;
    }
  for (guint i = 0; i < values->len; i++)
    {
      const HsSnapValue *v = values->pdata[i];

      if (hs_json_language_tag (v) != NULL)
        {
          g_array_append_val (d->frame_lang, v->ref);
          if (c != NULL)
            {
              g_array_append_val (c->lang_ids, v->ref);
              g_hash_table_insert (c->lang_to, (gpointer)&v->ref, (gpointer)v);
            }
        }
      if (v->kind != HS_SNAP_VALUE_REF)
        continue;
      g_array_append_val (d->frame_refs, v->ref);
      if (c != NULL && !count_drawn (c, v->ref, 1))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_weak_ref (const HsSnapObject *o)
{
  return o->weak_ref.kind == HS_SNAP_VALUE_REF || o->weak_ref.text != NULL;
}

/* A reference of a drawn object or frame of snap to an immortal object, counted. */
static void
count_immortal (HsJsonDelta *d, HsSnapshot *snap, const HsSnapValue *v)
{
  HsSnapObject *o;

  if (v->kind == HS_SNAP_VALUE_REF && (o = hs_snapshot_lookup (snap, v->ref)) != NULL && o->immortal
      && !(o->flags & HS_SNAP_FLAG_FREED))
    map_set (&d->counts, o->id, map_get (&d->counts, o->id) + 1);
}

/* The counts of the immortal objects of snap: the references drawn objects and frames make
 * to them (their own counts, not written, hold those of what is not drawn as well). */
static void
count_immortals (HsJsonDelta *d, HsSnapshot *snap)
{
  GPtrArray *values = frame_values (d->values, snap);

  for (guint i = 0; i < values->len; i++)
    count_immortal (d, snap, values->pdata[i]);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);

      if (o->flags & HS_SNAP_FLAG_FREED)
        continue;
      count_immortal (d, snap, &o->class_ref);
      for (guint j = 0; j < o->cells->len; j++)
        {
          count_immortal (d, snap, &g_array_index (o->cells, HsSnapCell, j).key);
          count_immortal (d, snap, &g_array_index (o->cells, HsSnapCell, j).value);
        }
    }
}

void
hs_json_delta_reset (HsJsonDelta *d, HsSnapshot *snap)
{
  hs_id_map_clear (&d->counts);
  hs_id_map_clear (&d->lang);
  hs_id_map_clear (&d->present);
  d->valid = TRUE;
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);

      if (o->flags & HS_SNAP_FLAG_FREED)
        continue;
      if ((o->flags & HS_SNAP_FLAG_UNREACHABLE) || has_weak_ref (o))
        d->valid = FALSE;
      map_set (&d->counts, o->id, o->immortal ? 0 : o->refcount);
      for (guint j = 0; j < 2 * o->cells->len; j++)
        {
          const HsSnapCell *cell = &g_array_index (o->cells, HsSnapCell, j / 2);
          const HsSnapValue *v = j % 2 ? &cell->value : &cell->key;

          if (hs_json_language_tag (v) != NULL)
            {
              map_set (&d->lang, v->ref, MAX (map_get (&d->lang, v->ref), 0) + 1);
              hs_id_map_insert (&d->present, v->ref, GINT_TO_POINTER (1));
            }
        }
    }
  count_immortals (d, snap);
  take_frame_refs (d, snap, NULL);
  hs_json_reach_reset (d->reach, snap, frame_values (d->values, snap));
  for (guint i = 0; i < d->frame_lang->len; i++)
    hs_id_map_insert (&d->present, g_array_index (d->frame_lang, guint64, i), GINT_TO_POINTER (1));
}

/* A reference from a cell, counted (`sign` 1) or taken back (-1); FALSE when it is to an
 * object not drawn. */
static gboolean
count_ref (Count *c, const HsSnapValue *v, int sign)
{
  if (v->ref == 0)
    return TRUE;
  if (hs_json_language_tag (v) != NULL)
    {
      map_set (&c->d->lang, v->ref, MAX (map_get (&c->d->lang, v->ref), 0) + sign);
      g_array_append_val (c->lang_ids, v->ref);
      if (sign > 0)
        g_hash_table_insert (c->lang_to, (gpointer)&v->ref, (gpointer)v);
      return TRUE;
    }
  if (v->kind != HS_SNAP_VALUE_REF)
    return TRUE; /* drawn inside its holder */
  return count_drawn (c, v->ref, sign);
}

/* o's references from cell `from` on (and its class's, from the first, when the class is
 * drawn: a built-in class is named inline, and its entry is not the heap's). */
static gboolean
count_refs (Count *c, const HsSnapObject *o, guint from, int sign)
{
  c->src = o->id;
  c->holds = o->kind != HS_SNAP_FUNCTION && o->folded_cells == NULL;
  for (guint i = from; i < o->cells->len; i++)
    {
      const HsSnapCell *cell = &g_array_index (o->cells, HsSnapCell, i);

      if (!count_ref (c, &cell->key, sign) || !count_ref (c, &cell->value, sign))
        return FALSE;
    }
  return from > 0 || o->class_ref.kind != HS_SNAP_VALUE_REF || count_ref (c, &o->class_ref, sign);
}

/* The first cell of o that its step may have changed, as hs_rstate_to_part_snapshot builds
 * it from `old`: a list's or tuple's from where the step changed it, when the cells before
 * are kept; else all. */
static guint
first_changed (const HsRObj *o, const HsSnapObject *old)
{
  guint from;

  if (o->shape != HS_SHAPE_SEQ || (o->kind != HS_SNAP_LIST && o->kind != HS_SNAP_TUPLE)
      || !(o->flags & HS_SNAP_FLAG_CHANGED))
    return 0;
  from = MIN (o->dirty_from, o->vals->len);
  return old->cells->len >= from ? from : 0;
}

static HsSnapObject *
lookup (HsSnapshot *part, HsSnapReuse *reuse, guint64 id)
{
  HsSnapObject *o = hs_snapshot_lookup (part, id);

  return o != NULL ? o : hs_snap_reuse_lookup (reuse, id);
}

/* A walk from the frames (all_reached). */
typedef struct
{
  HsJsonDelta *d;
  HsSnapshot *part;
  HsSnapReuse *reuse;
  GHashTable *wanted, *seen;
  GQueue todo;
  gboolean refused; /* it met an object it could not prove (hs_json_reach_met) */
} Walk;

/* The value v of `from` (0: a frame) met; whether the walk is over: it met every object
 * wanted, or one it could not prove. */
static gboolean
walk_visit (Walk *w, guint64 from, const HsSnapValue *v)
{
  HsSnapObject *o;

  if (v->kind == HS_SNAP_VALUE_REF && !g_hash_table_contains (w->seen, &v->ref)
      && (o = lookup (w->part, w->reuse, v->ref)) != NULL)
    {
      g_hash_table_add (w->seen, &o->id);
      g_queue_push_tail (&w->todo, o);
      if (g_hash_table_remove (w->wanted, &o->id))
        w->refused = !hs_json_reach_met (w->d->reach, o->id, from);
    }
  return w->refused || g_hash_table_size (w->wanted) == 0;
}

/* Whether a walk from the frames meets every object of `wanted` within WALK_BUDGET cells,
 * each proven as it is met. Of an object the step changed from cell i on (an append), it
 * reads the cells from i; a function's cells it does not read, since they show its parts
 * (its defaults) only while something else reaches them, nor those of an object that
 * folded a part into one cell (an instance's __dict__ the program held). A walk that reads
 * less finds less, and only refuses more steps. */
static gboolean
all_reached (HsJsonDelta *d, HsSnapshot *part, HsSnapReuse *reuse, GHashTable *wanted,
             GHashTable *seen)
{
  GPtrArray *values = frame_values (d->values, part);
  Walk w = { d, part, reuse, wanted, seen, G_QUEUE_INIT, FALSE };
  HsSnapObject *o;
  gint budget = WALK_BUDGET;
  gboolean done = g_hash_table_size (wanted) == 0;

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < values->len && !done; i++)
    done = walk_visit (&w, 0, values->pdata[i]);
  while (!done && budget > 0 && (o = g_queue_pop_head (&w.todo)) != NULL)
    {
      gboolean shows_parts = o->kind == HS_SNAP_FUNCTION || o->folded_cells != NULL;
      guint from = shows_parts                             ? o->cells->len
                   : hs_snapshot_lookup (part, o->id) == o ? o->changed_from
                                                           : 0;
      guint64 holder = shows_parts ? NO_HOLDER : o->id;

      done = walk_visit (&w, holder, &o->class_ref);
      /* from the last cell: what a loop appended last is what its step looks for */
      for (guint i = o->cells->len; i-- > from && !done && budget-- > 0;)
        done = walk_visit (&w, holder, &g_array_index (o->cells, HsSnapCell, i).key)
               || walk_visit (&w, holder, &g_array_index (o->cells, HsSnapCell, i).value);
    }
  g_queue_clear (&w.todo);
  return done && !w.refused;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  const HsSnapObject *x = *(HsSnapObject *const *)a, *y = *(HsSnapObject *const *)b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* The drawn objects whose count changed and those the step touched, by id, with their
 * counts; each of them is to be reached from the frames (`wanted`). */
static void
collect_counted (HsJsonDelta *d, Count *c, HsJsonDeltaStep *step, HsSnapReuse *reuse,
                 GHashTable *wanted)
{
  GHashTable *added = d->added;

  g_hash_table_remove_all (added);
  step->counted = g_ptr_array_new ();
  for (guint i = 0; i < c->touched->len + step->part->objects->len; i++)
    {
      HsSnapObject *o = i < c->touched->len
                            ? lookup (step->part, reuse, g_array_index (c->touched, guint64, i))
                            : g_ptr_array_index (step->part->objects, i - c->touched->len);

      if (o == NULL || (o->flags & HS_SNAP_FLAG_FREED) || map_get (&d->counts, o->id) < 0
          || !g_hash_table_add (added, o))
        continue;
      o->refcount = map_get (&d->counts, o->id);
      g_ptr_array_add (step->counted, o);
      g_hash_table_add (wanted, &o->id);
    }
  g_ptr_array_sort (step->counted, compare_ids);
}

/* The language objects the step named first or last. */
static void
collect_language (HsJsonDelta *d, Count *c, HsJsonDeltaStep *step)
{
  GHashTable *framed = d->framed, *done = d->done;

  g_hash_table_remove_all (framed);
  g_hash_table_remove_all (done);
  step->lang_new = g_ptr_array_new ();
  step->lang_gone = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint i = 0; i < d->frame_lang->len; i++)
    g_hash_table_add (framed, &g_array_index (d->frame_lang, guint64, i));
  for (guint i = 0; i < c->lang_ids->len; i++)
    {
      guint64 *id = &g_array_index (c->lang_ids, guint64, i);
      gboolean was = hs_id_map_lookup (&d->present, *id) != NULL;
      gboolean is = map_get (&d->lang, *id) > 0 || g_hash_table_contains (framed, id);

      if (!g_hash_table_add (done, id) || was == is)
        continue;
      if (is)
        {
          g_ptr_array_add (step->lang_new, g_hash_table_lookup (c->lang_to, id));
          hs_id_map_insert (&d->present, *id, GINT_TO_POINTER (1));
        }
      else
        {
          g_array_append_val (step->lang_gone, *id);
          hs_id_map_remove (&d->present, *id);
        }
    }
}

/* Whether the frames name every language object drawn. */
static gboolean
all_framed (HsJsonDelta *d)
{
  GHashTable *framed = d->framed;

  g_hash_table_remove_all (framed);
  for (guint i = 0; i < d->frame_lang->len; i++)
    g_hash_table_add (framed, &g_array_index (d->frame_lang, guint64, i));
  for (gsize i = 0; i <= d->present.mask; i++)
    if (d->present.keys[i] != 0 && !g_hash_table_contains (framed, &d->present.keys[i]))
      return FALSE;
  return TRUE;
}

/* Takes back the references of what step k changed or freed, as the step before had them,
 * and the frames'; FALSE when the step cannot be told from them. */
static gboolean
take_back (HsJsonDelta *d, Count *c, HsRState *st, HsSnapReuse *reuse, GHashTable *froms)
{
  for (guint i = 0; i < st->marked->len; i++)
    {
      HsRObj *o = hs_id_map_lookup (&st->composites, g_array_index (st->marked, guint64, i));
      HsSnapObject *old = o != NULL ? hs_snap_reuse_lookup (reuse, o->id) : NULL;
      guint from;

      if (o == NULL || ((o->flags & HS_SNAP_FLAG_NEW) && old == NULL))
        continue;
      if (old == NULL || (o->flags & HS_SNAP_FLAG_NEW) || old->recorded_holders->len > 0
          || (old->flags & HS_SNAP_FLAG_UNREACHABLE))
        return FALSE; /* drawn anew, or not drawn before: what reaches it changed */
      from = first_changed (o, old);
      g_hash_table_insert (froms, &o->id, GUINT_TO_POINTER (from));
      if (!count_refs (c, old, from, -1))
        return FALSE;
    }
  for (guint i = 0; i < st->freed->len; i++)
    {
      HsRObj *f = g_ptr_array_index (st->freed, i);
      HsSnapObject *old = hs_snap_reuse_lookup (reuse, f->id);

      if (old == NULL && !f->made && f->shape != HS_SHAPE_PRIM)
        return FALSE; /* alive before and not drawn: its references were counted */
      if (old == NULL)
        continue; /* made and freed in the step, or a primitive not drawn (an int past the
                   * small ones a loop's `total += i` frees): it referred to nothing */
      if ((old->kind != HS_SNAP_LIST && old->kind != HS_SNAP_TUPLE && old->kind != HS_SNAP_DICT
           && old->kind != HS_SNAP_SET && old->kind != HS_SNAP_INSTANCE
           && old->kind != HS_SNAP_PRIMITIVE)
          || !count_refs (c, old, 0, -1))
        return FALSE;
    }
  for (guint i = 0; i < d->frame_refs->len; i++)
    {
      guint64 id = g_array_index (d->frame_refs, guint64, i);
      gint64 n = map_get (&d->counts, id);

      if (n < 0)
        return FALSE;
      map_set (&d->counts, id, n - 1);
      g_array_append_val (c->touched, id);
      hs_json_reach_edge (d->reach, 0, id, -1);
    }
  g_array_append_vals (c->lang_ids, d->frame_lang->data, d->frame_lang->len);
  return TRUE;
}

/* The immortal objects without cells (not in the step's part) that the step left no drawn
 * reference to leave the heap (`gone`). Their last versions stay in the writer's HsSnapReuse, where
 * nothing drawn leads. */
static void
leave_immortals (HsJsonDelta *d, Count *c, HsJsonDeltaStep *step)
{
  for (guint i = 0; i < c->touched->len; i++)
    {
      guint64 id = g_array_index (c->touched, guint64, i);
      const HsRObj *o;

      if (map_get (&d->counts, id) != 0 || hs_snapshot_lookup (step->part, id) != NULL
          || (o = hs_id_map_lookup (&c->st->objs, id)) == NULL || !o->immortal
          || (o->vals != NULL && o->vals->len > 0))
        continue; /* one with cells stays, unreached: the step is refused */
      hs_id_map_remove (&d->counts, id);
      g_array_append_val (step->gone, id);
    }
}

/* Counts the references of what step k made or changed, as its part has them, and the
 * frames'; the freed objects leave the counts (`gone`: those that were drawn). */
static gboolean
count_now (HsJsonDelta *d, Count *c, HsJsonDeltaStep *step, GHashTable *froms)
{
  GPtrArray *objects = step->part->objects;

  for (guint i = 0; i < objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (objects, i);

      if ((o->flags & HS_SNAP_FLAG_NEW) && !(o->flags & HS_SNAP_FLAG_FREED))
        map_set (&d->counts, o->id, 0);
    }
  for (guint i = 0; i < objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (objects, i);

      if (!(o->flags & HS_SNAP_FLAG_FREED)
          && !count_refs (c, o, GPOINTER_TO_UINT (g_hash_table_lookup (froms, &o->id)), 1))
        return FALSE;
    }
  if (!take_frame_refs (d, step->part, c))
    return FALSE;
  step->gone = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint i = 0; i < objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (objects, i);

      if ((o->flags & HS_SNAP_FLAG_FREED) && hs_id_map_remove (&d->counts, o->id) != NULL)
        g_array_append_val (step->gone, o->id);
    }
  leave_immortals (d, c, step);
  hs_part_snapshot_add (step->part, c->st, d->trace, c->entered);
  return TRUE;
}

/* Whether no object the step recorded again became immortal or mortal (a str interned as
 * an attribute's name): its count is written or not from then on. */
static gboolean
same_immortality (HsRState *st, HsSnapReuse *reuse)
{
  for (guint i = 0; i < st->marked->len; i++)
    {
      guint64 id = g_array_index (st->marked, guint64, i);
      const HsRObj *o = hs_id_map_lookup (&st->objs, id);
      const HsSnapObject *old = hs_snap_reuse_lookup (reuse, id);

      if (o != NULL && old != NULL && !o->immortal != !old->immortal)
        return FALSE;
    }
  return TRUE;
}

/* Whether the writer can tell from the part alone which keys of its dicts pg_encoder leaves
 * out: with --heap-primitives a key is a str's node, which the step before may have drawn
 * and this one not touched. */
static gboolean
keys_told (HsSnapshot *part, HsSnapReuse *reuse)
{
  for (guint i = 0; i < part->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (part->objects, i);

      for (guint j = 0; o->kind == HS_SNAP_DICT && j < o->cells->len; j++)
        {
          const HsSnapValue *key = &g_array_index (o->cells, HsSnapCell, j).key;
          HsSnapObject *k;

          if (key->kind == HS_SNAP_VALUE_REF && hs_snapshot_lookup (part, key->ref) == NULL
              && (k = hs_snap_reuse_lookup (reuse, key->ref)) != NULL
              && k->kind == HS_SNAP_PRIMITIVE && hs_json_is_pg_hidden_label (k->label))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
hs_json_delta_step (HsJsonDelta *d, HsRState *st, int k, HsSnapReuse *reuse, HsJsonDeltaStep *step)
{
  GHashTable *froms = d->froms, *wanted = d->wanted;
  Count c = { d, st, d->entered, d->touched, d->lang_ids, d->lang_to };

  g_hash_table_remove_all (froms);
  g_hash_table_remove_all (wanted);
  g_hash_table_remove_all (d->lang_to);
  g_array_set_size (d->touched, 0);
  g_array_set_size (d->lang_ids, 0);
  g_array_set_size (d->entered, 0);
  hs_json_reach_begin_step (d->reach);
  *step = (HsJsonDeltaStep){ 0 };
  d->valid = d->valid && st->gc_freed->len == 0 && !st->holders_changed
             && hs_rstate_marked_are_plain (st, d->trace) && same_immortality (st, reuse)
             && take_back (d, &c, st, reuse, froms);
  if (!d->valid)
    return FALSE;
  step->part = hs_rstate_to_part_snapshot (st, d->trace, k, reuse, g_steal_pointer (&d->spare));
  d->valid = count_now (d, &c, step, froms) && keys_told (step->part, reuse);
  if (!d->valid)
    return FALSE;
  for (guint i = 0; i < step->gone->len; i++)
    hs_json_reach_forget (d->reach, g_array_index (step->gone, guint64, i));
  collect_counted (d, &c, step, reuse, wanted);
  /* what its holder or the step's own references show reached needs no walk */
  hs_json_reach_prove (d->reach, wanted);
  d->valid = all_reached (d, step->part, reuse, wanted, d->seen);
  if (!d->valid)
    return FALSE;
  hs_json_reach_prefer_objects (d->reach);
  collect_language (d, &c, step);
  /* A whole step writes the language objects it names in the order of a table of all it
   * names: one named anew alone has no order; else they are put in it, when the frames
   * name them all (a table of what the frames name is then the whole step's: the frames
   * come first in it). */
  if (d->present.len > 0 && (d->whole || step->lang_new->len >= 2))
    {
      d->valid = all_framed (d);
      if (!d->valid)
        return FALSE;
      step->lang_all = hs_json_language_order (frame_values (d->values, step->part));
    }
  return d->valid;
}

void
hs_json_delta_step_done (HsJsonDelta *d, HsJsonDeltaStep *step)
{
  if (d != NULL && d->spare == NULL)
    d->spare = g_steal_pointer (&step->part);
  hs_json_delta_step_clear (step);
}

void
hs_json_delta_step_clear (HsJsonDeltaStep *step)
{
  g_clear_pointer (&step->part, hs_snapshot_free);
  g_clear_pointer (&step->counted, g_ptr_array_unref);
  g_clear_pointer (&step->gone, g_array_unref);
  g_clear_pointer (&step->lang_new, g_ptr_array_unref);
  g_clear_pointer (&step->lang_gone, g_array_unref);
  g_clear_pointer (&step->lang_all, g_ptr_array_unref);
}
