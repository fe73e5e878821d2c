/* hs-trace-state.c — rebuilding the memory of one step from the logs.
 *
 * Invariant: after applying the keyframe at or before step k and then the deltas of
 * steps keyframe+1 .. k, the state equals the memory at step k's boundary: every traced
 * live object with its contents, every frame with its variables and held values.
 * Reference counts are not stored: they are the in-degree of each object in this graph,
 * which the core's refcount test proves equal to the runtime's counts.
 */
#include "hs-trace-private.h"

#include "hs-float.h"
#include "hs-huge-pages.h"

#include <string.h>

const char *const hs_trace_event_names[] = {
  "step_line", "call", "return", "exception", "uncaught_exception", NULL,
};

/* ---- state ---------------------------------------------------------------------- */

/* HsRObj per block of HsRState.blocks: ROBJ_BLOCK in each of the first ROBJ_SMALL_BLOCKS,
 * then a huge page's worth (hs-huge-pages.h), as the VM's arenas: a keyframe of half a
 * million ints makes 36 MB of them, 9,000 page faults of several microseconds each on the
 * first jump there. */
#define ROBJ_BLOCK 1024
#define ROBJ_SMALL_BLOCKS 4

static gsize
block_bytes (guint block)
{
  return block < ROBJ_SMALL_BLOCKS ? ROBJ_BLOCK * sizeof (HsRObj) : HS_HUGE_PAGE_BYTES;
}

static gsize
block_capacity (guint block)
{
  return block_bytes (block) / sizeof (HsRObj);
}

/* A zeroed HsRObj of st: a place freed before, or the next of the last block. */
static HsRObj *
robj_new (HsRState *st)
{
  HsRObj *o = st->free_objs;

  if (o != NULL)
    st->free_objs = (HsRObj *)o->vals;
  else
    {
      if (st->block_used == block_capacity (st->block))
        {
          st->block++;
          st->block_used = 0;
        }
      if (st->block == st->blocks->len)
        g_ptr_array_add (st->blocks, hs_big_alloc0 (block_bytes (st->block)));
      o = (HsRObj *)g_ptr_array_index (st->blocks, st->block) + st->block_used++;
    }
  memset (o, 0, sizeof *o);
  return o;
}

static void
robj_clear (HsRObj *o)
{
  g_free (o->vals);
  if (o->holders)
    g_array_unref (o->holders);
}

/* o's arrays freed, its place kept for the next robj_new. */
static void
robj_free (HsRState *st, HsRObj *o)
{
  robj_clear (o);
  o->vals = (HsVals *)st->free_objs;
  st->free_objs = o;
}

/* The objects the step last applied freed, let go (their places kept). */
static void
clear_freed (HsRState *st)
{
  for (guint i = 0; i < st->freed->len; i++)
    robj_free (st, g_ptr_array_index (st->freed, i));
  g_ptr_array_set_size (st->freed, 0);
}

static void
rframe_free (gpointer p)
{
  HsRFrame *f = p;
  g_array_unref (f->names);
  g_array_unref (f->vals);
  g_array_unref (f->ranks);
  g_array_unref (f->parent_ids);
  g_array_unref (f->held_names);
  g_array_unref (f->held_vals);
  g_free (f);
}

HsRState *
hs_rstate_new (void)
{
  HsRState *st = g_new0 (HsRState, 1);
  hs_id_map_init (&st->objs);
  hs_id_map_init (&st->composites);
  st->marked = g_array_new (FALSE, FALSE, sizeof (guint64));
  st->frames = g_ptr_array_new_with_free_func (rframe_free);
  st->freed = g_ptr_array_new ();
  st->blocks = g_ptr_array_new ();
  st->gc_freed = g_array_new (FALSE, FALSE, sizeof (guint64));
  return st;
}

/* The arrays of st's objects (live, and those the step last applied freed) freed. */
static void
clear_objects (HsRState *st)
{
  gsize pos = 0;
  gpointer o;

  while (hs_id_map_next (&st->objs, &pos, &o))
    robj_clear (o);
  for (guint i = 0; i < st->freed->len; i++)
    robj_clear (g_ptr_array_index (st->freed, i));
}

void
hs_rstate_free (HsRState *st)
{
  clear_objects (st);
  hs_id_map_clear (&st->objs);
  hs_id_map_clear (&st->composites);
  g_array_unref (st->marked);
  g_ptr_array_unref (st->frames);
  g_ptr_array_unref (st->freed);
  for (guint i = 0; i < st->blocks->len; i++)
    hs_big_free (st->blocks->pdata[i], block_bytes (i));
  g_ptr_array_unref (st->blocks);
  g_array_unref (st->gc_freed);
  g_free (st);
}

/* The object `id`, made with `shape` if new: a primitive (most objects of a big state)
 * never enters `composites`, which a keyframe of a long list of ints would fill and empty
 * again one by one. */
static HsRObj *
obtain (HsRState *st, guint64 id, gboolean mark, HsShape shape)
{
  HsRObj *o = hs_id_map_lookup (&st->objs, id);
  gboolean is_new = o == NULL;

  if (is_new)
    {
      o = robj_new (st);
      o->id = id;
      o->shape = shape;
      hs_id_map_insert (&st->objs, id, o);
      if (shape != HS_SHAPE_PRIM)
        hs_id_map_insert (&st->composites, id, o);
    }
  if (!mark)
    return o;
  if (o->flags == 0)
    {
      g_array_append_val (st->marked, o->id);
      o->dirty_from = G_MAXUINT32; /* lowered by each op of the step */
    }
  o->flags |= is_new ? HS_SNAP_FLAG_NEW : HS_SNAP_FLAG_CHANGED;
  o->made = o->made || is_new;
  return o;
}

/* Its values, n of them (those past the old length are 0). Primitives (most objects of a
 * big state) have none, so the block is made on first use, to the size asked; a list that
 * outgrows its block gets half as much again. */
static HsVals *
robj_set_vals (HsRObj *o, guint64 n)
{
  guint32 len = o->vals != NULL ? o->vals->len : 0;

  g_assert (n <= G_MAXUINT32);
  if (o->vals == NULL || n > o->vals->room)
    {
      guint64 room = o->vals == NULL ? n : MAX (n, MIN (o->vals->room * 3ull / 2 + 1, G_MAXUINT32));

      o->vals = g_realloc (o->vals, sizeof (HsVals) + room * sizeof (guint64));
      o->vals->room = (guint32)room;
    }
  if (n > len)
    memset (o->vals->v + len, 0, (n - len) * sizeof (guint64));
  o->vals->len = (guint32)n;
  return o->vals;
}

static void
set_shape (HsRState *st, HsRObj *o, HsShape shape)
{
  if ((o->shape == HS_SHAPE_PRIM) == (shape == HS_SHAPE_PRIM))
    {
      o->shape = shape;
      return;
    }
  o->shape = shape;
  if (shape == HS_SHAPE_PRIM)
    hs_id_map_remove (&st->composites, o->id);
  else
    hs_id_map_insert (&st->composites, o->id, o);
}

/* Reads o's header: TRUE when it differs from the one o had. */
static gboolean
read_header (HsRObj *o, HsLogReader *r)
{
  HsRObj was = *o;

  o->kind = (guint8)hs_log_get (r);
  o->type_str = (guint32)hs_log_get (r);
  o->label_str = (guint32)hs_log_get (r);
  guint64 header = hs_log_get (r);
  o->immortal = (header & HS_HEADER_IMMORTAL) != 0;
  o->library = (header & HS_HEADER_LIBRARY) != 0;
  o->globals = (header & HS_HEADER_GLOBALS) != 0;
  o->n_defaults = (guint32)(header >> HS_HEADER_DEFAULTS_SHIFT);
  o->prim = HS_PRIM_TEXT;
  return o->kind != was.kind || o->type_str != was.type_str || o->label_str != was.label_str
         || o->immortal != was.immortal || o->library != was.library || o->globals != was.globals
         || o->n_defaults != was.n_defaults || was.prim != HS_PRIM_TEXT;
}

static void
read_values (HsRObj *o, HsLogReader *r, guint per_item)
{
  guint64 n = hs_log_get (r) * per_item;
  HsVals *vals = robj_set_vals (o, n);

  for (guint64 i = 0; i < n; i++)
    vals->v[i] = hs_log_get (r);
}

static void
apply_list_range (HsRState *st, HsLogReader *r, gboolean mark)
{
  HsRObj *o = obtain (st, hs_log_get (r), mark, HS_SHAPE_SEQ);
  guint64 new_len = hs_log_get (r);
  guint64 lo = hs_log_get (r);
  guint64 n = hs_log_get (r);
  HsVals *vals = robj_set_vals (o, new_len);

  o->dirty_from = MIN (o->dirty_from, (guint32)MIN (lo, new_len));
  for (guint64 i = 0; i < n; i++)
    vals->v[lo + i] = hs_log_get (r);
}

static void
apply_dict_range (HsRState *st, HsLogReader *r, gboolean mark)
{
  HsRObj *o = obtain (st, hs_log_get (r), mark, HS_SHAPE_SEQ);
  guint64 nentries = hs_log_get (r);
  guint64 lo = hs_log_get (r);
  guint64 n = hs_log_get (r);
  HsVals *vals = robj_set_vals (o, 2 * nentries);

  o->dirty_from = 0;
  for (guint64 i = 0; i < 2 * n; i++)
    {
      guint64 v = hs_log_get (r);
      if (2 * lo + i < vals->len)
        vals->v[2 * lo + i] = v;
    }
}

static void
apply_free (HsRState *st, guint64 id, gboolean mark)
{
  HsRObj *o = hs_id_map_remove (&st->objs, id);
  if (o == NULL)
    return;
  hs_id_map_remove (&st->composites, id);
  if (mark)
    {
      o->flags = HS_SNAP_FLAG_FREED;
      g_ptr_array_add (st->freed, o);
    }
  else
    robj_free (st, o);
}

static void
apply_holders (HsRState *st, HsLogReader *r)
{
  guint64 id = hs_log_get (r);
  HsRObj *o = hs_id_map_lookup (&st->objs, id);
  guint64 n = hs_log_get (r);
  g_autoptr (GArray) holders = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint64 i = 0; i < 2 * n && r->p < r->end; i++)
    {
      guint32 s = (guint32)hs_log_get (r);
      g_array_append_val (holders, s);
    }
  st->holders_changed = TRUE;
  if (o == NULL)
    return;
  g_clear_pointer (&o->holders, g_array_unref);
  if (n > 0)
    o->holders = g_steal_pointer (&holders);
}

static HsRFrame *
frame_at (HsRState *st, guint64 depth)
{
  return depth < st->frames->len ? g_ptr_array_index (st->frames, depth) : NULL;
}

static void
apply_push (HsRState *st, HsLogReader *r)
{
  HsRFrame *f = g_new0 (HsRFrame, 1);
  f->id = hs_log_get (r);
  f->name_str = (guint32)hs_log_get (r);
  guint64 flags = hs_log_get (r);
  f->is_parent = (flags & HS_PUSH_PARENT) != 0;
  f->is_hidden = (flags & HS_PUSH_HIDDEN) != 0;
  f->generator_id = (flags & HS_PUSH_GENERATOR) != 0 ? hs_log_get (r) : 0;
  f->parent_ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint64 n = hs_log_get (r); n > 0 && r->p < r->end; n--)
    {
      guint64 id = hs_log_get (r);
      g_array_append_val (f->parent_ids, id);
    }
  f->names = g_array_new (FALSE, FALSE, sizeof (guint32));
  f->vals = g_array_new (FALSE, FALSE, sizeof (guint64));
  f->ranks = g_array_new (FALSE, FALSE, sizeof (guint64));
  f->held_names = g_array_new (FALSE, FALSE, sizeof (guint32));
  f->held_vals = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_ptr_array_add (st->frames, f);
}

static void
apply_var (HsRState *st, HsLogReader *r)
{
  HsRFrame *f = frame_at (st, hs_log_get (r));
  guint32 name = (guint32)hs_log_get (r);
  guint64 value = hs_log_get (r);
  guint64 rank = hs_log_get (r);
  guint i;

  if (f == NULL)
    return;
  for (i = 0; i < f->names->len; i++)
    if (g_array_index (f->names, guint32, i) == name)
      break;
  /* An unbound name keeps its place (value 0), so a name deleted and bound again shows
   * where it first appeared, as Python Tutor orders variables. */
  if (value == 0 && i == f->names->len)
    return;
  if (i < f->names->len)
    {
      g_array_index (f->vals, guint64, i) = value;
      return;
    }
  if (rank != 0)
    for (i = 0; i < f->ranks->len && g_array_index (f->ranks, guint64, i) <= rank; i++)
      ;
  g_array_insert_val (f->names, i, name);
  g_array_insert_val (f->vals, i, value);
  g_array_insert_val (f->ranks, i, rank);
}

static void
apply_held (HsRState *st, HsLogReader *r)
{
  HsRFrame *f = frame_at (st, hs_log_get (r));
  guint64 n = hs_log_get (r);
  HsRFrame dummy = { 0 };

  if (f == NULL)
    {
      /* Malformed depth: consume the values anyway. */
      dummy.held_names = g_array_new (FALSE, FALSE, sizeof (guint32));
      dummy.held_vals = g_array_new (FALSE, FALSE, sizeof (guint64));
      f = &dummy;
    }
  g_array_set_size (f->held_names, n);
  g_array_set_size (f->held_vals, n);
  for (guint64 i = 0; i < n; i++)
    {
      g_array_index (f->held_names, guint32, i) = (guint32)hs_log_get (r);
      g_array_index (f->held_vals, guint64, i) = hs_log_get (r);
    }
  if (f == &dummy)
    {
      g_array_unref (dummy.held_names);
      g_array_unref (dummy.held_vals);
    }
}

static HsRObj *
obtain_primitive (HsRState *st, guint64 id, gboolean mark, HsPrim prim)
{
  HsRObj *o = obtain (st, id, mark, HS_SHAPE_PRIM);

  o->kind = HS_SNAP_PRIMITIVE;
  set_shape (st, o, HS_SHAPE_PRIM);
  o->prim = prim;
  o->dirty_from = 0;
  return o;
}

static void
apply_one (HsRState *st, HsTraceOp op, HsLogReader *r, gboolean mark)
{
  HsRObj *o;
  HsRFrame *f;

  switch (op)
    {
      case HS_REC_OBJ:
      case HS_REC_SLOTS:
      case HS_REC_PAIRS:
      case HS_REC_ATTRS:
        {
          HsShape shape = op == HS_REC_OBJ     ? HS_SHAPE_SEQ
                          : op == HS_REC_SLOTS ? HS_SHAPE_SLOTS
                          : op == HS_REC_PAIRS ? HS_SHAPE_PAIRS
                                               : HS_SHAPE_ATTRS;
          gboolean other;

          o = obtain (st, hs_log_get (r), mark, shape);
          other = o->shape != shape;
          set_shape (st, o, shape);
          other = read_header (o, r) || other;
          o->new_header |= other && mark;
        }
        read_values (o, r, op == HS_REC_OBJ || op == HS_REC_SLOTS ? 1 : 2);
        o->dirty_from = 0;
        break;
      case HS_REC_INT:
        o = obtain_primitive (st, hs_log_get (r), mark, HS_PRIM_INT);
        o->value.i = hs_log_get_signed (r);
        o->immortal = hs_log_get (r) != 0;
        break;
      case HS_REC_FLOAT:
        o = obtain_primitive (st, hs_log_get (r), mark, HS_PRIM_FLOAT);
        o->value.d = hs_log_get_double (r);
        o->immortal = hs_log_get (r) != 0;
        break;
      case HS_REC_PRIM:
        o = obtain_primitive (st, hs_log_get (r), mark, HS_PRIM_TEXT);
        o->type_str = (guint32)hs_log_get (r);
        o->label_str = (guint32)hs_log_get (r);
        o->immortal = hs_log_get (r) != 0;
        break;
      case HS_REC_LIST_RANGE:
      case HS_REC_SLOTS_RANGE: /* the same arguments: slots are items, 0 the empty ones */
        apply_list_range (st, r, mark);
        break;
      case HS_REC_DICT_RANGE:
        apply_dict_range (st, r, mark);
        break;
      case HS_REC_FREE:
        apply_free (st, hs_log_get (r), mark);
        break;
      case HS_REC_PUSH:
        apply_push (st, r);
        break;
      case HS_REC_POP:
        if (st->frames->len > 0)
          g_ptr_array_remove_index (st->frames, st->frames->len - 1);
        break;
      case HS_REC_VAR:
        apply_var (st, r);
        break;
      case HS_REC_HELD:
        apply_held (st, r);
        break;
      case HS_REC_PARENT:
        f = frame_at (st, hs_log_get (r));
        if (f != NULL)
          f->is_parent = TRUE;
        break;
      case HS_REC_PAUSED:
        f = frame_at (st, hs_log_get (r));
        if (f != NULL)
          f->is_paused = TRUE;
        break;
      case HS_REC_FUNC_PARENT:
        {
          guint64 id = hs_log_get (r);
          guint64 parent = hs_log_get (r);
          HsRObj *o = hs_id_map_lookup (&st->objs, id);
          if (o != NULL)
            o->parent_frame_id = parent;
        }
        break;
      case HS_REC_HOLDERS:
        apply_holders (st, r);
        break;
      case HS_REC_LINE:
        f = frame_at (st, hs_log_get (r));
        {
          int line = (int)hs_log_get (r);
          if (f != NULL)
            f->line = line;
        }
        break;
      case HS_REC_GC:
        {
          guint64 n = hs_log_get (r);
          for (guint64 i = 0; i < n; i++)
            {
              guint64 id = hs_log_get (r);
              if (mark)
                g_array_append_val (st->gc_freed, id);
            }
        }
        break;
      default:
        /* Corrupt log: stop reading this range rather than misinterpret it. */
        r->p = r->end;
        break;
    }
}

/* Clears the flags the step last applied set: only on what it touched. */
static void
clear_flags (HsRState *st)
{
  for (guint i = 0; i < st->marked->len; i++)
    {
      HsRObj *o = hs_id_map_lookup (&st->objs, g_array_index (st->marked, guint64, i));
      if (o != NULL)
        {
          o->flags = 0;
          o->made = FALSE;
          o->new_header = FALSE;
        }
    }
  g_array_set_size (st->marked, 0);
}

void
hs_rstate_apply (HsRState *st, const HsLog *log, guint64 offset, guint64 len, gboolean mark)
{
  HsLogReader r;

  if (mark)
    {
      clear_flags (st);
      clear_freed (st);
      g_array_set_size (st->gc_freed, 0);
      st->holders_changed = FALSE;
    }
  /* An empty log may have no buffer at all (NULL + 0 is undefined). */
  if (len == 0)
    return;
  hs_log_reader_init (&r, log, offset);
  r.end = log->data + offset + len;
  while (!hs_log_reader_done (&r))
    apply_one (st, (HsTraceOp)hs_log_get (&r), &r, mark);
}

/* ---- replay ------------------------------------------------------------------- */

static guint64
step_delta_end (HsTrace *trace, int k)
{
  if (k + 1 < (int)HS_TRACE_N_STEPS (trace))
    return HS_TRACE_STEP (trace, k + 1).delta_offset;
  return trace->log.len;
}

static void
apply_step (HsTrace *trace, HsRState *st, int k, gboolean mark)
{
  guint64 off = HS_TRACE_STEP (trace, k).delta_offset;
  hs_rstate_apply (st, &trace->log, off, step_delta_end (trace, k) - off, mark);
}

/* The last keyframe strictly before k, so that step k's own delta is replayed with its
 * flags (new, changed, freed); keyframes are in step order. NULL: replay from the start. */
static const HsTraceKeyframe *
keyframe_before (HsTrace *trace, int k)
{
  const HsTraceKeyframe *kf = NULL;

  for (guint lo = 0, hi = trace->keyframes->len; lo < hi;)
    {
      guint mid = (lo + hi) / 2;
      const HsTraceKeyframe *m = &g_array_index (trace->keyframes, HsTraceKeyframe, mid);
      if (m->step < k)
        {
          kf = m;
          lo = mid + 1;
        }
      else
        hi = mid;
    }
  return kf;
}

/* st emptied, the places of its objects and its maps' slots kept for what comes next. */
static void
rstate_reset (HsRState *st)
{
  clear_objects (st);
  g_ptr_array_set_size (st->freed, 0);
  hs_id_map_remove_all (&st->objs);
  hs_id_map_remove_all (&st->composites);
  g_array_set_size (st->marked, 0);
  g_ptr_array_set_size (st->frames, 0);
  g_array_set_size (st->gc_freed, 0);
  st->holders_changed = FALSE;
  st->block = st->block_used = 0;
  st->free_objs = NULL;
}

/* Step k's state, replayed into `st` (empty) from the keyframe before it. */
static HsRState *
replay_into (HsTrace *trace, HsRState *st, int k)
{
  const HsTraceKeyframe *kf = keyframe_before (trace, k);
  int first = 0;

  if (kf != NULL)
    {
      hs_rstate_apply (st, &trace->keylog, kf->offset, kf->len, FALSE);
      first = kf->step + 1;
    }
  for (int i = first; i < k; i++)
    apply_step (trace, st, i, FALSE);
  apply_step (trace, st, k, TRUE);
  return st;
}

HsRState *
hs_trace_replay (HsTrace *trace, int k)
{
  return replay_into (trace, hs_rstate_new (), k);
}

void
hs_trace_advance (HsTrace *trace, HsRState *st, int k)
{
  apply_step (trace, st, k, TRUE);
}

/* Bytes of ops a replay of step k reads: its keyframe and the deltas after it. */
static guint64
replay_cost (HsTrace *trace, int k)
{
  const HsTraceKeyframe *kf = keyframe_before (trace, k);
  int first = kf != NULL ? kf->step + 1 : 0;

  return (kf != NULL ? kf->len : 0) + step_delta_end (trace, k)
         - HS_TRACE_STEP (trace, first).delta_offset;
}

/* The state of step k, from `st` (the state of step j) when going forward from it reads
 * less than a replay; `st` is used up. */
static HsRState *
state_from (HsTrace *trace, HsRState *st, int j, int k)
{
  if (st != NULL && j == k)
    return st;
  if (st == NULL || j > k || j >= (int)HS_TRACE_N_STEPS (trace)
      || step_delta_end (trace, k) - step_delta_end (trace, j) > replay_cost (trace, k))
    {
      if (st == NULL)
        return hs_trace_replay (trace, k);
      rstate_reset (st);
      return replay_into (trace, st, k);
    }
  for (int i = j + 1; i < k; i++)
    apply_step (trace, st, i, FALSE);
  apply_step (trace, st, k, TRUE);
  return st;
}

HsSnapshot *
hs_trace_replay_snapshot (HsTrace *trace, int k, guint max_cells)
{
  HsSnapshot *snap;
  HsRState *st;

  /* Another thread reading the same trace replays on its own rather than waiting. */
  if (!g_mutex_trylock (&trace->replay_lock))
    {
      st = hs_trace_replay (trace, k);
      snap = hs_rstate_to_snapshot (st, trace, k, max_cells, NULL);
      hs_rstate_free (st);
      return snap;
    }
  st = state_from (trace, g_steal_pointer (&trace->replay_state), trace->replay_step, k);
  snap = hs_rstate_to_snapshot (st, trace, k, max_cells, NULL);
  trace->replay_state = st;
  trace->replay_step = k;
  g_mutex_unlock (&trace->replay_lock);
  return snap;
}

/* ---- snapshot ------------------------------------------------------------------ */

/* A sequence whose middle cells a view leaves out (HsSnapObject.n_omitted). */
typedef struct
{
  HsSnapObject *so;
  const guint64 *ids; /* its object's values, or their copy in ToSnap.compacted */
  gboolean count;
} Summarised;

typedef struct
{
  HsRState *st;
  HsTrace *trace;
  HsSnapshot *snap;
  HsIdMap *counts;       /* id -> in-degree (as a pointer), or NULL: not counted */
  guint max_cells;       /* of a sequence (the others left out), or 0: all */
  GArray *summarised;    /* Summarised */
  GArray *parts;         /* Part: the cells functions draw from their parts */
  GPtrArray *compacted;  /* of GArray: the items of summarised sets (HS_SHAPE_SLOTS) */
  HsSnapReuse *reuse;    /* the last step's objects, or NULL (then inline_objects is made) */
  HsPoolScratch scratch; /* the derived texts it reads without reuse */
  gboolean counting_cut; /* count_cut: counting the references of objects not built */
} ToSnap;

struct _HsSnapReuse
{
  GHashTable *objects;   /* guint64* id -> HsSnapObject* (owned) */
  HsPoolScratch scratch; /* the derived texts read (a growing str's at every step) */
};

/* Cells [first, first + n) of a function draw the references of its part `id` (its
 * defaults tuple, keyword-only defaults dict or closure: HS_TRACE_PART_PREFIX), which counts
 * them. The part itself is drawn only when the program reaches it otherwise; then the
 * function draws one arrow to it instead, named `name` ("__defaults__"). */
typedef struct
{
  HsSnapObject *owner;
  guint64 id;
  const char *name; /* pooled */
  guint first, n;
} Part;

static const char *
static_type_name (const char *t)
{
  static const char *const names[] = { "int", "float", "str", "bool", "NoneType", NULL };
  for (int i = 0; names[i]; i++)
    if (g_strcmp0 (t, names[i]) == 0)
      return names[i];
  return "object";
}

/* A primitive's text: an int's or a float's written into `buf` (HS_PRIM_TEXT_SIZE), a
 * pooled string (`*len`: the length of the value the recorder clipped it from, else 0). A
 * float's repr is made here, not while recording: formatting every new float was a third
 * of recording floats.py. */
static const char *
prim_text (ToSnap *ts, const HsRObj *o, char *buf, guint64 *len)
{
  g_autoptr (GString) repr = NULL;

  *len = 0;
  switch ((HsPrim)o->prim)
    {
      case HS_PRIM_INT:
        hs_format_int (buf, o->value.i);
        return buf;
      case HS_PRIM_FLOAT:
        repr = g_string_sized_new (HS_PRIM_TEXT_SIZE);
        hs_float_repr_append (repr, o->value.d);
        g_strlcpy (buf, repr->str, HS_PRIM_TEXT_SIZE);
        return buf;
      case HS_PRIM_TEXT:
        break;
    }
  return hs_text_value_len (
      hs_string_pool_text (&ts->trace->pool, o->label_str,
                           ts->reuse != NULL ? &ts->reuse->scratch : &ts->scratch),
      len);
}

static const char *
obj_type_name (ToSnap *ts, const HsRObj *o)
{
  switch ((HsPrim)o->prim)
    {
      case HS_PRIM_INT:
        return "int";
      case HS_PRIM_FLOAT:
        return "float";
      case HS_PRIM_TEXT:
        break;
    }
  return hs_string_pool_get (&ts->trace->pool, o->type_str);
}

/* Primitives are drawn inside their holder unless heap_primitives asks for them on the
 * heap; modules, built-in functions and types stay inline either way (see put_object). */
static gboolean
is_inline (ToSnap *ts, const HsRObj *o)
{
  if (o == NULL || o->shape != HS_SHAPE_PRIM)
    return FALSE;
  return !ts->trace->options.heap_primitives
         || strcmp (static_type_name (obj_type_name (ts, o)), "object") == 0;
}

/* A value as the snapshot shows it; counts a reference when `count` is set. */
static HsRObj *
find_freed (HsRState *st, guint64 id)
{
  for (guint i = 0; i < st->freed->len; i++)
    if (((HsRObj *)g_ptr_array_index (st->freed, i))->id == id)
      return g_ptr_array_index (st->freed, i);
  return NULL;
}

/* One more reference to `id` counted. The counts are an id map, not a GHashTable: a
 * snapshot of 200,000 tuples counts 400,000 references, a twelfth of drawing it so. */
static void
count_id (HsIdMap *counts, guint64 id)
{
  hs_id_map_insert (counts, id,
                    GSIZE_TO_POINTER (GPOINTER_TO_SIZE (hs_id_map_lookup (counts, id)) + 1));
}

/* A reference to o counted (not in a part snapshot: its writer keeps the counts). */
static void
count_one (ToSnap *ts, const HsRObj *o)
{
  if (ts->counts == NULL || o->cut) /* a cut object's count is read nowhere */
    return;
  count_id (ts->counts, o->id);
}

/* The holders the log names for o (HS_REC_HOLDERS): listed with it, and counted. */
static void
add_recorded_holders (ToSnap *ts, const HsRObj *o, HsSnapObject *so)
{
  const HsStringPool *pool = &ts->trace->pool;

  for (guint i = 0; o->holders != NULL && i + 1 < o->holders->len; i += 2)
    {
      count_one (ts, o);
      hs_snap_object_add_recorded_holder (
          so, hs_string_pool_get (pool, g_array_index (o->holders, guint32, i)),
          hs_string_pool_get (pool, g_array_index (o->holders, guint32, i + 1)));
    }
}

static HsSnapValue
value_of (ToSnap *ts, guint64 id, gboolean count)
{
  HsRObj *o = hs_id_map_lookup (&ts->st->objs, id);
  HsSnapValue v;

  if (o == NULL)
    o = find_freed (ts->st, id); /* a freed object's last contents may name another */
  if (o == NULL)
    return hs_snap_value_primitive ("object", "?");
  if (is_inline (ts, o))
    {
      char buf[HS_PRIM_TEXT_SIZE];
      guint64 len;
      const char *text = prim_text (ts, o, buf, &len);
      const char *type = static_type_name (obj_type_name (ts, o));

      v = hs_snap_value_primitive (type, text);
      v.ref = id;
      if (ts->reuse != NULL)
        return v; /* the JSON: nobody reads its count */
      if (count && !g_hash_table_contains (ts->snap->inline_objects, &id))
        {
          if (ts->counting_cut)
            return v; /* only cut objects refer to it: its count is read nowhere */
          HsSnapObject *so = hs_snapshot_add_inline_object (ts->snap, id, type, text);
          so->immortal = o->immortal;
          so->value_len = len;
          add_recorded_holders (ts, o, so);
        }
    }
  else
    v = hs_snap_value_ref (id);
  if (count)
    count_one (ts, o);
  return v;
}

/* The frames, into a new snapshot or over a recycled one's (hs_snapshot_recycle). */
static void
add_frames (ToSnap *ts)
{
  const HsStringPool *pool = &ts->trace->pool;

  for (guint i = 0; i < ts->st->frames->len; i++)
    {
      HsRFrame *rf = g_ptr_array_index (ts->st->frames, i);
      HsSnapFrame *f
          = hs_snapshot_refill_frame (ts->snap, i, rf->id, hs_string_pool_get (pool, rf->name_str));
      guint n_vars = 0;

      f->line = rf->line;
      g_array_append_vals (f->parent_frame_ids, rf->parent_ids->data, rf->parent_ids->len);
      f->is_parent = rf->is_parent;
      f->is_hidden = rf->is_hidden;
      f->generator_id = rf->generator_id;
      f->is_paused = rf->is_paused;
      f->is_highlighted = i + 1 == ts->st->frames->len;
      for (guint j = 0; j < rf->names->len; j++)
        if (g_array_index (rf->vals, guint64, j) != 0)
          hs_snap_frame_set_var (f, n_vars++,
                                 hs_string_pool_get (pool, g_array_index (rf->names, guint32, j)),
                                 value_of (ts, g_array_index (rf->vals, guint64, j), TRUE));
      for (guint j = 0; j < rf->held_names->len; j++)
        hs_snap_frame_set_held (
            f, j, hs_string_pool_get (pool, g_array_index (rf->held_names, guint32, j)),
            value_of (ts, g_array_index (rf->held_vals, guint64, j), TRUE));
      hs_snap_frame_end_vars (f, n_vars, rf->held_names->len);
    }
  hs_snapshot_end_frames (ts->snap, ts->st->frames->len);
}

/* What a weak reference refers to: a reference that counts nothing, or "dead". */
static HsSnapValue
weak_value_of (ToSnap *ts, guint64 id)
{
  return id != 0 ? value_of (ts, id, FALSE) : hs_snap_value_primitive ("NoneType", "dead");
}

/* A reference from a cell left out of the snapshot: counted, and kept for reachability. */
static void
add_omitted_ref (ToSnap *ts, HsSnapObject *so, guint64 id, gboolean count)
{
  HsRObj *o = hs_id_map_lookup (
      ts->trace->options.heap_primitives ? &ts->st->objs : &ts->st->composites, id);

  if (o == NULL || o->cut)
    return;
  if (count)
    count_one (ts, o);
  if (is_inline (ts, o))
    return;
  if (so->omitted_refs == NULL)
    so->omitted_refs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (so->omitted_refs, id);
}

/* The cells the views left out (Summarised), once every kept cell is in. Without
 * heap_primitives, what is not a composite is drawn inline, and its count matters only
 * where a kept cell draws it: so each id of a 500,000-item list of ints is tested against
 * two small sets, and only the few found are looked up. */
static void
add_omitted_refs (ToSnap *ts)
{
  HsIdMap drawn;

  if (ts->summarised->len == 0)
    return;
  hs_id_map_init (&drawn);
  hs_id_map_add_table (&drawn, ts->snap->inline_objects);
  for (guint j = 0; j < ts->summarised->len; j++)
    {
      const Summarised *s = &g_array_index (ts->summarised, Summarised, j);
      const guint64 *ids = s->ids;

      for (guint i = s->so->omitted_at; i < s->so->omitted_at + s->so->n_omitted; i++)
        {
          HsSnapObject *prim;

          if (ts->trace->options.heap_primitives
              || hs_id_map_lookup (&ts->st->composites, ids[i]) != NULL)
            add_omitted_ref (ts, s->so, ids[i], s->count);
          else if (s->count && (prim = hs_id_map_lookup (&drawn, ids[i])) != NULL)
            count_id (ts->counts, prim->id);
        }
    }
  hs_id_map_clear (&drawn);
}

/* A marker of the n cells (1, or 0 for an empty part) that come next in so: drawn from the
 * part `id`, which is counted once as so's reference (the cell is counted by the part). */
static void
add_part_row (ToSnap *ts, HsSnapObject *so, const char *marker, guint64 id, guint n, gboolean count)
{
  Part *last = ts->parts->len > 0 ? &g_array_index (ts->parts, Part, ts->parts->len - 1) : NULL;

  if (last != NULL && last->owner == so && last->id == id
      && last->first + last->n == so->cells->len)
    {
      last->n += n;
      return;
    }
  Part p = { so, id, marker + strlen (HS_TRACE_PART_PREFIX), so->cells->len, n };
  g_array_append_val (ts->parts, p);
  g_free (value_of (ts, id, count).text);
}

static void
add_item (ToSnap *ts, HsSnapObject *so, guint i, guint64 id, gboolean count)
{
  hs_snap_object_add_item (so, i, value_of (ts, id, count));
}

/* A reference kept from the last step's object: counted as value_of counts it. */
static void
count_kept (ToSnap *ts, guint64 id)
{
  HsRObj *o = hs_id_map_lookup (&ts->st->objs, id);

  if (o == NULL)
    o = find_freed (ts->st, id);
  if (o != NULL && !is_inline (ts, o))
    count_one (ts, o);
}

/* An instance whose rows add_object reads as plain name/value pairs, the class's and a
 * dict entry's included (no part, weak reference or bases). */
static gboolean
plain_attrs (ToSnap *ts, const HsRObj *o)
{
  for (guint i = 0; i < o->vals->len; i += 2)
    {
      const char *name = hs_string_pool_get (&ts->trace->pool, o->vals->v[i]);

      if (name != NULL
          && (g_str_has_prefix (name, HS_TRACE_PART_PREFIX)
              || strcmp (name, HS_TRACE_WEAK_ATTR) == 0 || strcmp (name, HS_TRACE_BASE_ATTR) == 0))
        return FALSE;
    }
  return TRUE;
}

gboolean
hs_rstate_marked_are_plain (HsRState *st, HsTrace *trace)
{
  ToSnap ts = { .st = st, .trace = trace };

  for (guint i = 0; i < st->marked->len; i++)
    {
      HsRObj *o = hs_id_map_lookup (&st->composites, g_array_index (st->marked, guint64, i));

      if (o == NULL)
        continue;
      if (o->holders != NULL || o->vals == NULL
          || (o->kind != HS_SNAP_LIST && o->kind != HS_SNAP_TUPLE && o->kind != HS_SNAP_DICT
              && o->kind != HS_SNAP_SET && o->kind != HS_SNAP_INSTANCE)
          || (o->shape == HS_SHAPE_ATTRS && !plain_attrs (&ts, o)))
        return FALSE;
    }
  return TRUE;
}

/* Item i of a reused sequence, which referred to `was`: kept, and counted as value_of
 * counts it, when it still refers to that object and the step left that one alone (an
 * inline value's text is that of its object); else made again. */
static void
reuse_item (ToSnap *ts, HsSnapObject *so, guint i, guint64 id, const HsSnapValue *was)
{
  HsRObj *o = was->ref == id && id != 0 ? hs_id_map_lookup (&ts->st->objs, id) : NULL;

  if (o == NULL || o->flags != 0 || (was->kind == HS_SNAP_VALUE_REF) == is_inline (ts, o))
    hs_snap_object_set_item (so, i, value_of (ts, id, TRUE));
  else if (was->kind == HS_SNAP_VALUE_REF)
    count_one (ts, o);
}

/* The last step's object for o, when its step left its header as it was (a list or tuple:
 * its cells from dirty_from on that changed are made again, reuse_item) or did not touch it
 * (an instance); its references are counted and its holders listed anew. FALSE: build it.
 * A list assigned to at its front is logged whole: a step of a list of 900,000 made all
 * its cells again, and kept its last version besides. */
static gboolean
reuse_object (ToSnap *ts, HsRObj *o)
{
  gboolean seq = o->shape == HS_SHAPE_SEQ && (o->kind == HS_SNAP_LIST || o->kind == HS_SNAP_TUPLE);
  guint from = o->vals == NULL ? 0
               : o->flags == 0 ? o->vals->len
                               : MIN (o->dirty_from, o->vals->len);
  guint n_old;
  HsSnapObject *so;

  if (ts->reuse == NULL || o->vals == NULL || (o->flags & HS_SNAP_FLAG_NEW)
      || !(seq ? !o->new_header
               : o->shape == HS_SHAPE_ATTRS && o->kind == HS_SNAP_INSTANCE && o->flags == 0
                     && plain_attrs (ts, o)))
    return FALSE;
  so = g_hash_table_lookup (ts->reuse->objects, &o->id);
  if (so == NULL || (seq && so->cells->len < from))
    return FALSE;
  g_hash_table_steal (ts->reuse->objects, &o->id);
  so->flags = o->flags | (o->library ? HS_SNAP_FLAG_LIBRARY : 0);
  so->changed_from = (o->flags & HS_SNAP_FLAG_CHANGED) ? from : 0;
  g_ptr_array_set_size (so->hidden_holders, 0);
  g_array_set_size (so->recorded_holders, 0);
  add_recorded_holders (ts, o, so);
  hs_snapshot_take_object (ts->snap, so);
  if (!seq)
    {
      for (guint i = 1; i < o->vals->len; i += 2)
        count_kept (ts, o->vals->v[i]);
      return TRUE;
    }
  n_old = MIN (so->cells->len, o->vals->len);
  g_array_set_size (so->cells, n_old);
  for (guint i = 0; i < from && ts->counts != NULL; i++)
    count_kept (ts, o->vals->v[i]);
  for (guint i = from; i < n_old; i++)
    reuse_item (ts, so, i, o->vals->v[i], &g_array_index (so->cells, HsSnapCell, i).value);
  for (guint i = n_old; i < o->vals->len; i++)
    add_item (ts, so, i, o->vals->v[i], TRUE);
  return TRUE;
}

HsSnapReuse *
hs_snap_reuse_new (void)
{
  HsSnapReuse *reuse = g_new0 (HsSnapReuse, 1);

  reuse->objects = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify)hs_snap_object_free);
  return reuse;
}

void
hs_snap_reuse_free (HsSnapReuse *reuse)
{
  if (reuse == NULL)
    return;
  g_hash_table_unref (reuse->objects);
  hs_pool_scratch_clear (&reuse->scratch);
  g_free (reuse);
}

/* Moves the objects of snap that are alive into reuse, in place of their last versions. */
static void
reuse_take (HsSnapReuse *reuse, HsSnapshot *snap)
{
  for (guint i = snap->objects->len; i-- > 0;)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);

      if (o->flags & HS_SNAP_FLAG_FREED)
        g_hash_table_remove (reuse->objects, &o->id);
      else
        g_hash_table_replace (reuse->objects, &o->id, hs_snapshot_steal_object (snap, i));
    }
}

void
hs_snap_reuse_keep (HsSnapReuse *reuse, HsSnapshot *snap)
{
  g_hash_table_remove_all (reuse->objects);
  reuse_take (reuse, snap);
}

void
hs_snap_reuse_keep_part (HsSnapReuse *reuse, HsSnapshot *part)
{
  reuse_take (reuse, part);
}

HsSnapObject *
hs_snap_reuse_lookup (HsSnapReuse *reuse, guint64 id)
{
  return g_hash_table_lookup (reuse->objects, &id);
}

static void
add_object (ToSnap *ts, HsRObj *o, gboolean count)
{
  const HsStringPool *pool = &ts->trace->pool;
  HsSnapObject *so;
  HsSnapValue none_key = { HS_SNAP_VALUE_PRIMITIVE, 0, NULL, NULL };
  gboolean part = FALSE; /* the next cell is drawn from a part */
  const guint64 *vals;
  guint n_vals;
  g_autoptr (GArray) compact = NULL; /* a set's items, its empty slots left out */
  HsShape shape = o->shape;

  if (is_inline (ts, o) || (count && reuse_object (ts, o)))
    return;
  so = hs_snapshot_add_object (ts->snap, o->id, o->kind, obj_type_name (ts, o));
  so->immortal = o->immortal;
  so->flags = o->flags | (o->library ? HS_SNAP_FLAG_LIBRARY : 0);
  so->parent_frame_id = o->parent_frame_id;
  so->n_defaults = o->n_defaults;
  if (o->shape == HS_SHAPE_PRIM)
    {
      char buf[HS_PRIM_TEXT_SIZE];
      so->label = g_strdup (prim_text (ts, o, buf, &so->value_len));
    }
  else
    so->label
        = g_strdup (hs_text_value_len (hs_string_pool_get (pool, o->label_str), &so->value_len));
  if (count)
    add_recorded_holders (ts, o, so);
  if (o->globals)
    {
      /* its entries are the global frame's variables, counted there */
      so->flags |= HS_SNAP_FLAG_GLOBALS;
      count = FALSE;
    }
  if (o->vals == NULL)
    return;
  vals = o->vals->v;
  n_vals = o->vals->len;
  if (o->shape == HS_SHAPE_SLOTS)
    {
      compact = g_array_sized_new (FALSE, FALSE, sizeof (guint64), n_vals);
      for (guint i = 0; i < n_vals; i++)
        if (vals[i] != 0)
          g_array_append_val (compact, vals[i]);
      vals = (const guint64 *)compact->data;
      n_vals = compact->len;
      shape = HS_SHAPE_SEQ;
    }
  if (shape == HS_SHAPE_SEQ && ts->max_cells > 0 && n_vals > ts->max_cells)
    {
      /* the first cells and the last two, as a diagram summarises (hs_elide_plan) */
      so->omitted_at = ts->max_cells - 2;
      so->n_omitted = n_vals - ts->max_cells;
      g_array_append_val (ts->summarised, ((Summarised){ so, vals, count }));
      if (compact != NULL) /* add_omitted_refs reads it after this */
        g_ptr_array_add (ts->compacted, g_steal_pointer (&compact));
    }
  for (guint i = 0; i < n_vals; i++)
    {
      guint64 a = vals[i];

      switch (shape)
        {
          case HS_SHAPE_SEQ:
            if (i == so->omitted_at && so->n_omitted > 0)
              {
                i += so->n_omitted - 1; /* add_omitted_refs */
                break;
              }
            add_item (ts, so, i, a, count);
            break;
          case HS_SHAPE_PAIRS:
            if (a == 0) /* a deleted entry slot, or (0, a default factory) */
              {
                if (vals[i + 1] != 0)
                  so->class_ref = value_of (ts, vals[i + 1], count);
                i++;
                break;
              }
            hs_snap_object_add_cell (so, NULL, value_of (ts, a, count),
                                     value_of (ts, vals[i + 1], count));
            i++;
            break;
          case HS_SHAPE_ATTRS:
            if (part) /* whatever its name (a closure's `__class__`) */
              {
                hs_snap_object_add_cell (so, hs_string_pool_get (pool, (guint32)a), none_key,
                                         value_of (ts, vals[i + 1], FALSE));
                part = FALSE;
              }
            else if (g_str_has_prefix (hs_string_pool_get (pool, (guint32)a) ?: "",
                                       HS_TRACE_PART_PREFIX))
              {
                /* an empty part's marker comes with a row of no name and no value */
                gboolean empty = i + 3 < n_vals && vals[i + 2] == 0 && vals[i + 3] == 0;
                add_part_row (ts, so, hs_string_pool_get (pool, (guint32)a), vals[i + 1], !empty,
                              count);
                part = !empty;
                i += empty ? 2 : 0;
              }
            else if (g_strcmp0 (hs_string_pool_get (pool, (guint32)a), HS_TRACE_CLASS_ATTR) == 0)
              so->class_ref = value_of (ts, vals[i + 1], count);
            else if (g_strcmp0 (hs_string_pool_get (pool, (guint32)a), HS_TRACE_WEAK_ATTR) == 0)
              so->weak_ref = weak_value_of (ts, vals[i + 1]);
            else if (g_strcmp0 (hs_string_pool_get (pool, (guint32)a), HS_TRACE_KEY_ATTR) == 0
                     && i + 3 < n_vals)
              {
                hs_snap_object_add_cell (so, NULL, value_of (ts, vals[i + 1], count),
                                         value_of (ts, vals[i + 3], count));
                i += 2;
              }
            else if (g_strcmp0 (hs_string_pool_get (pool, (guint32)a), HS_TRACE_BASE_ATTR) == 0)
              hs_snap_object_add_base (so, hs_string_pool_get (pool, (guint32)vals[i + 1]));
            else
              hs_snap_object_add_cell (so, hs_string_pool_get (pool, (guint32)a), none_key,
                                       value_of (ts, vals[i + 1], count));
            i++;
            break;
          default:
            break;
        }
    }
}

/* Whether cell j of o is drawn from one of its parts (counted by the part). */
static gboolean
is_part_cell (GArray *parts, const HsSnapObject *o, guint j)
{
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *p = &g_array_index (parts, Part, i);
      if (p->owner == o && j >= p->first && j < p->first + p->n)
        return TRUE;
    }
  return FALSE;
}

/* id -> 1 + how many of the functions that have it as a part are drawn (in `drawn`), for
 * each part; with the owners' ids -> 0 when owners is set. */
static GHashTable *
count_part_owners (GArray *parts, GHashTable *drawn)
{
  GHashTable *n = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < parts->len; i++)
    {
      Part *p = &g_array_index (parts, Part, i);
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (n, &p->id));
      k = MAX (k, 1) + (drawn != NULL && g_hash_table_contains (drawn, &p->owner->id));
      g_hash_table_insert (n, &p->id, GUINT_TO_POINTER (k));
    }
  return n;
}

/* The references of an object that is not drawn become hidden holders of what they reach,
 * except those a drawn function draws from it as its part, and the cells a function draws
 * from its parts (the parts count those). */
static void
add_holder_refs (HsSnapshot *snap, GHashTable *drawn, GArray *parts, GHashTable *owners,
                 HsSnapObject *h)
{
  g_autofree char *name = g_strdup_printf ("#%" G_GUINT64_FORMAT, h->id);
  gboolean drawn_part = GPOINTER_TO_UINT (g_hash_table_lookup (owners, &h->id)) > 1;
  gboolean owner = parts->len > 0 && h->kind == HS_SNAP_FUNCTION;

  if (h->flags & HS_SNAP_FLAG_GLOBALS) /* its references are the global frame's */
    return;

  for (guint j = 0; j < 1 + 2 * h->cells->len; j++)
    {
      const HsSnapCell *c = j > 0 ? &g_array_index (h->cells, HsSnapCell, (j - 1) / 2) : NULL;
      const HsSnapValue *v = c == NULL ? &h->class_ref : (j % 2 ? &c->key : &c->value);
      HsSnapObject *x;

      if (c != NULL && j % 2 == 0
          && (drawn_part || (owner && is_part_cell (parts, h, (j - 1) / 2))))
        continue;
      if (v->kind == HS_SNAP_VALUE_PRIMITIVE && v->ref != 0)
        x = g_hash_table_lookup (snap->inline_objects, &v->ref);
      else if (v->kind == HS_SNAP_VALUE_REF && g_hash_table_contains (drawn, &v->ref))
        x = hs_snapshot_lookup (snap, v->ref);
      else
        continue;
      if (x != NULL && !x->immortal)
        hs_snap_object_add_recorded_holder (x, h->type_name, name);
    }
}

static gboolean
is_alive_mortal (const HsSnapObject *o)
{
  return !o->immortal && !(o->flags & HS_SNAP_FLAG_FREED);
}

/* A part that the program reaches otherwise, or that two drawn functions share (equal
 * constant defaults), is drawn: each function draws one arrow to it in place of the cells
 * it drew from it. `owners` counts the drawn owners of each part. */
static void
show_shared_parts (HsSnapshot *snap, GArray *parts, GHashTable *owners, GHashTable *seen)
{
  GQueue todo = G_QUEUE_INIT;

  for (guint i = 0; i < parts->len; i++)
    {
      Part *p = &g_array_index (parts, Part, i);
      HsSnapObject *part = hs_snapshot_lookup (snap, p->id);
      if (part != NULL && !g_hash_table_contains (seen, &p->id)
          && GPOINTER_TO_UINT (g_hash_table_lookup (owners, &p->id)) > 2)
        {
          g_hash_table_add (seen, &part->id);
          g_queue_push_tail (&todo, part);
        }
    }
  hs_snapshot_reach_queued (snap, seen, &todo);
  /* from the last, so that the cells of an owner's earlier parts keep their places */
  for (guint i = parts->len; i-- > 0;)
    {
      Part *p = &g_array_index (parts, Part, i);

      if (!g_hash_table_contains (seen, &p->id) || !g_hash_table_contains (seen, &p->owner->id))
        continue;
      hs_snap_object_fold_cells (p->owner, p->first, p->n, p->name, hs_snap_value_ref (p->id));
      p->n = 0;
    }
}

/* Sorts the objects by what reaches them. Those a frame reaches are drawn. Those only
 * hidden holders keep (a code object's constant tuple after the loop that walked it) are
 * left out: their references become hidden holders of what is drawn. So are the parts
 * functions draw inside their boxes (show_shared_parts says when not). The others alive are
 * a leaked cycle waiting for the collector: flagged, and drawn with what they reach.
 * Immortal objects nothing drawn refers to are left out. */
static void
sort_out_unreachable (HsSnapshot *snap, GArray *parts)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  GQueue todo = G_QUEUE_INIT;
  gboolean dropped = FALSE;

  g_autoptr (GHashTable) owners = count_part_owners (parts, NULL);

  hs_snapshot_reach_from_frames (snap, seen, &todo);
  /* kept: what hidden holders keep, besides what frames reach */
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      g_hash_table_add (kept, &o->id);
      if (is_alive_mortal (o)
          && (o->recorded_holders->len > 0 || g_hash_table_contains (owners, &o->id))
          && !g_hash_table_contains (seen, &o->id))
        g_queue_push_tail (&todo, o);
      else if (!g_hash_table_contains (seen, &o->id))
        g_hash_table_remove (kept, &o->id);
    }
  hs_snapshot_reach_queued (snap, kept, &todo);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (!is_alive_mortal (o) || g_hash_table_contains (kept, &o->id))
        continue;
      o->flags |= HS_SNAP_FLAG_UNREACHABLE;
      g_queue_push_tail (&todo, o);
    }
  /* What unreachable objects point to is drawn with them. */
  for (GList *l = todo.head; l != NULL; l = l->next)
    g_hash_table_add (seen, &((HsSnapObject *)l->data)->id);
  hs_snapshot_reach_queued (snap, seen, &todo);
  if (parts->len > 0)
    {
      g_hash_table_unref (owners);
      owners = count_part_owners (parts, seen);
      show_shared_parts (snap, parts, owners, seen);
    }
  /* decided before removing: the tables' keys point into the objects */
  g_autofree gboolean *drop = g_new0 (gboolean, snap->objects->len + 1);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      drop[i] = !g_hash_table_contains (seen, &o->id)
                && (o->immortal || g_hash_table_contains (kept, &o->id));
      if (drop[i] && !o->immortal)
        add_holder_refs (snap, seen, parts, owners, o);
    }
  g_hash_table_remove_all (seen);
  g_hash_table_remove_all (kept);
  for (guint i = snap->objects->len; i-- > 0;)
    if (drop[i])
      {
        g_ptr_array_remove_index (snap->objects, i);
        dropped = TRUE;
      }
  if (dropped)
    hs_snapshot_index (snap);
}

/* A snapshot of step k's line, event, output and frames, its objects to add; `counted`:
 * counting every reference (not in a part snapshot). */
static void
begin_snapshot (ToSnap *ts, HsRState *st, HsTrace *trace, int k, guint max_cells,
                HsSnapReuse *reuse, gboolean counted, HsSnapshot *recycled)
{
  const HsTraceStep *step = &HS_TRACE_STEP (trace, k);

  if (recycled != NULL)
    hs_snapshot_recycle (recycled);
  *ts = (ToSnap){ st,
                  trace,
                  recycled != NULL ? recycled : hs_snapshot_new (),
                  counted ? g_new0 (HsIdMap, 1) : NULL,
                  max_cells,
                  g_array_new (FALSE, FALSE, sizeof (Summarised)),
                  g_array_new (FALSE, FALSE, sizeof (Part)),
                  g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref),
                  reuse };
  ts->snap->step = k;
  ts->snap->line = step->line;
  ts->snap->event = g_strdup (hs_trace_event_names[step->event]);
  ts->snap->func_name = g_strdup (hs_string_pool_get (&trace->pool, step->func_str));
  ts->snap->exception_msg = g_strdup (hs_string_pool_get (&trace->pool, step->exc_str));
  ts->snap->raised = g_strdup (hs_string_pool_get (&trace->pool, step->raised_str));
  ts->snap->stdout_text = g_strndup (trace->out->str, step->stdout_len);
  if (step->stderr_len > 0)
    ts->snap->stderr_text = g_strndup (trace->err->str, step->stderr_len);
  add_frames (ts);
}

static void
end_snapshot (ToSnap *ts)
{
  hs_pool_scratch_clear (&ts->scratch);
  g_array_unref (ts->parts);
  if (ts->counts != NULL)
    hs_id_map_clear (ts->counts);
  g_clear_pointer (&ts->counts, g_free);
  g_array_unref (ts->summarised);
  g_ptr_array_unref (ts->compacted);
}

HsSnapshot *
hs_rstate_to_part_snapshot (HsRState *st, HsTrace *trace, int k, HsSnapReuse *reuse,
                            HsSnapshot *recycled)
{
  ToSnap ts;

  begin_snapshot (&ts, st, trace, k, 0, reuse, FALSE, recycled);
  for (guint i = 0; i < st->marked->len; i++)
    {
      HsRObj *o = hs_id_map_lookup (trace->options.heap_primitives ? &st->objs : &st->composites,
                                    g_array_index (st->marked, guint64, i));

      if (o != NULL)
        add_object (&ts, o, TRUE);
    }
  for (guint i = 0; i < st->freed->len; i++)
    add_object (&ts, g_ptr_array_index (st->freed, i), FALSE);
  hs_snapshot_index (ts.snap);
  end_snapshot (&ts);
  return ts.snap;
}

void
hs_part_snapshot_add (HsSnapshot *part, HsRState *st, HsTrace *trace, const GArray *ids)
{
  ToSnap ts = { st,
                trace,
                part,
                NULL,
                0,
                g_array_new (FALSE, FALSE, sizeof (Summarised)),
                g_array_new (FALSE, FALSE, sizeof (Part)),
                g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref),
                NULL };

  for (guint i = 0; i < ids->len; i++)
    {
      HsRObj *o = hs_id_map_lookup (&st->objs, g_array_index (ids, guint64, i));

      if (o != NULL)
        add_object (&ts, o, TRUE);
    }
  if (ids->len > 0)
    hs_snapshot_index (part);
  end_snapshot (&ts);
}

/* The references of the objects a view cut (hs_rstate_cut) count all the same: each is
 * built and let go at once, once the objects built have made the inline values they draw,
 * and counts what it refers to that is built or drawn. */
static void
count_cut (ToSnap *ts, const HsIdMap *map)
{
  guint n_parts = ts->parts->len, n_objects = ts->snap->objects->len;
  gsize pos = 0;
  gpointer value;

  ts->counting_cut = TRUE;
  ts->max_cells = 0; /* nothing is summarised (ToSnap.summarised keeps its objects) */
  while (hs_id_map_next (map, &pos, &value))
    if (((HsRObj *)value)->cut)
      {
        add_object (ts, value, TRUE);
        ts->snap->n_cut++;
        while (ts->snap->objects->len > n_objects)
          hs_snap_object_free (hs_snapshot_steal_object (ts->snap, n_objects));
        g_array_set_size (ts->parts, n_parts);
      }
}

HsSnapshot *
hs_rstate_to_snapshot (HsRState *st, HsTrace *trace, int k, guint max_cells, HsSnapReuse *reuse)
{
  ToSnap ts;
  GHashTableIter it;
  gpointer value;
  gsize pos = 0;
  /* Without heap_primitives every primitive is inline (drawn in its holder, counted there) */
  const HsIdMap *map = trace->options.heap_primitives ? &st->objs : &st->composites;
  gboolean cut;

  g_assert (reuse == NULL || max_cells == 0);
  cut = max_cells > 0 && hs_rstate_cut (st, trace, max_cells);
  begin_snapshot (&ts, st, trace, k, max_cells, reuse, TRUE, NULL);
  while (hs_id_map_next (map, &pos, &value))
    if (!((HsRObj *)value)->cut)
      add_object (&ts, value, TRUE);
  /* Freed objects keep their last contents but no longer count as referrers. */
  for (guint i = 0; i < st->freed->len; i++)
    add_object (&ts, g_ptr_array_index (st->freed, i), FALSE);
  add_omitted_refs (&ts);
  if (cut)
    {
      count_cut (&ts, map);
      hs_rstate_uncut (st, trace);
    }
  g_array_append_vals (ts.snap->gc_freed, st->gc_freed->data, st->gc_freed->len);
  hs_snapshot_index (ts.snap);
  for (guint i = 0; i < ts.snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (ts.snap->objects, i);
      o->refcount = (o->flags & HS_SNAP_FLAG_FREED)
                        ? 0
                        : (gint64)GPOINTER_TO_SIZE (hs_id_map_lookup (ts.counts, o->id));
    }
  g_hash_table_iter_init (&it, ts.snap->inline_objects);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      HsSnapObject *o = value;
      o->refcount = (gint64)GPOINTER_TO_SIZE (hs_id_map_lookup (ts.counts, o->id));
    }
  sort_out_unreachable (ts.snap, ts.parts);
  end_snapshot (&ts);
  return ts.snap;
}
