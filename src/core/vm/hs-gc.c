/* hs-gc.c — the cycle collector.
 *
 * Invariant (see hs-gc.h): between collections gc_refs and HS_FLAG_GC_MARK are unused
 * (zero / clear); during one, the "young" array holds exactly the tracked mortal
 * objects of the generations being collected, and each step below states what holds
 * when it returns. collect() reads as CPython's gc_collect_main:
 *
 *   gather_young → update_refs → subtract_refs → move_unreachable → promote →
 *   handle_weakrefs → finalize_garbage → handle_resurrected → (hook) → delete_garbage
 *
 * finalize_garbage runs Python code (__del__); during it HS_FLAG_GC_MARK marks the
 * objects of vm->gc.garbage, so that one freed meanwhile leaves the array (hs_gc_forget).
 */
#include "config.h"

#include "hs-gc.h"

#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-finalize.h"
#include "hs-tuple.h"
#include "hs-weakref.h"
#include "hs-object-private.h"

#define DEFAULT_THRESHOLD0 700
#define DEFAULT_THRESHOLD1 10
#define DEFAULT_THRESHOLD2 10

static HsGCState *
state (HsVM *vm)
{
  HsGCState *gc = &vm->gc;
  if (G_UNLIKELY (!gc->initialised))
    {
      gc->threshold[0] = DEFAULT_THRESHOLD0;
      gc->threshold[1] = DEFAULT_THRESHOLD1;
      gc->threshold[2] = DEFAULT_THRESHOLD2;
      gc->initialised = TRUE;
    }
  return gc;
}

/* Lowest allocation id belonging to generations 0..generation. */
static guint64
generation_start (HsGCState *gc, int generation)
{
  return generation >= 2 ? 0 : gc->young_start[generation];
}

/* The objects still to visit: a stack pushed inline (the collector's inner loops push every
 * young object once or twice; a call of g_ptr_array_add each was a tenth of a collection). */
typedef struct
{
  HsObject **v;
  guint len, cap;
} WorkStack;

static void
work_grow (WorkStack *w)
{
  w->cap = MAX (64, 2 * w->cap);
  w->v = g_renew (HsObject *, w->v, w->cap);
}

static inline void
work_push (WorkStack *w, HsObject *o)
{
  if (G_UNLIKELY (w->len == w->cap))
    work_grow (w);
  w->v[w->len++] = o;
}

typedef struct
{
  HsVM *vm;
  guint64 start; /* ids >= start are in the collected generations */
  GPtrArray *young;
  WorkStack work;
} Collection;

static inline gboolean
in_young (Collection *c, HsObject *o)
{
  return (o->flags & (HS_FLAG_GC_TRACKED | HS_FLAG_IMMORTAL)) == HS_FLAG_GC_TRACKED
         && o->id >= c->start;
}

/* Post-condition: c->young holds every tracked mortal object with id >= c->start, in
 * allocation order. Walks the live list backwards: it is in allocation order. */
static void
gather_young (Collection *c)
{
  HsObject *live = &c->vm->live;
  guint n = 0;

  /* counted first, then stored from the end: no growing, no reversing */
  for (HsObject *o = live->prev; o != live && o->id >= c->start; o = o->prev)
    n += in_young (c, o);
  g_ptr_array_set_size (c->young, n);
  for (HsObject *o = live->prev; n > 0; o = o->prev)
    if (in_young (c, o))
      c->young->pdata[--n] = o;
}

/* hs_object_refs for the collector, whose visitors ignore the label: a tuple's, a list's
 * and a plain instance's references (the objects their refs visit) read in place, without
 * the labelled visits the diagram needs; any other object's through its refs. */
static inline void
gc_refs (HsObject *o, HsVisitFn visit, Collection *c)
{
  HsObject **items;
  gsize n;
  guint32 nattrs;

  if (HS_IS (o, &hs_tuple_type))
    {
      items = hs_tuple_items (o);
      n = hs_tuple_len (o);
    }
  else if (HS_IS (o, &hs_list_type))
    {
      items = hs_list_items (o);
      n = hs_list_len (o);
    }
  else if ((o->type->type_flags & HS_TYPE_HEAP) && hs_instance_plain_refs (o, &items, &nattrs))
    {
      visit ((HsObject *)o->type, NULL, c);
      n = nattrs;
    }
  else
    {
      hs_object_refs (o, visit, c);
      return;
    }
  for (gsize i = 0; i < n; i++)
    if (items[i] != NULL)
      visit (items[i], NULL, c);
}

/* Post-condition: gc_refs == refcount for every young object. */
static void
update_refs (Collection *c)
{
  for (guint i = 0; i < c->young->len; i++)
    {
      HsObject *o = c->young->pdata[i];
      o->gc_refs = (gint32)MIN (o->refcount, G_MAXINT32);
    }
}

static void
visit_decref (HsObject *child, const HsRef *ref, gpointer data)
{
  Collection *c = data;
  if (in_young (c, child))
    child->gc_refs--;
}

/* Post-condition: gc_refs of each young object is the number of references to it from
 * outside the young set (frames, VM roots, older objects, C locals). */
static void
subtract_refs (Collection *c)
{
  for (guint i = 0; i < c->young->len; i++)
    gc_refs (c->young->pdata[i], visit_decref, c);
}

static void
visit_reachable (HsObject *child, const HsRef *ref, gpointer data)
{
  Collection *c = data;
  if (in_young (c, child) && !(child->flags & HS_FLAG_GC_MARK))
    {
      child->flags |= HS_FLAG_GC_MARK;
      work_push (&c->work, child);
    }
}

/* Post-condition: young objects reachable from outside carry HS_FLAG_GC_MARK; the
 * others are returned in `unreachable`, in allocation order. */
static void
move_unreachable (Collection *c, GPtrArray *unreachable)
{
  for (guint i = 0; i < c->young->len; i++)
    {
      HsObject *o = c->young->pdata[i];
      if (o->gc_refs > 0 && !(o->flags & HS_FLAG_GC_MARK))
        {
          o->flags |= HS_FLAG_GC_MARK;
          work_push (&c->work, o);
        }
    }
  while (c->work.len > 0)
    gc_refs (c->work.v[--c->work.len], visit_reachable, c);
  for (guint i = 0; i < c->young->len; i++)
    {
      HsObject *o = c->young->pdata[i];
      o->gc_refs = 0;
      if (o->flags & HS_FLAG_GC_MARK)
        o->flags &= ~(guint32)HS_FLAG_GC_MARK;
      else
        g_ptr_array_add (unreachable, o);
    }
}

static void
clear_object (HsVM *vm, HsObject *o)
{
  const HsType *t = o->type;
  while (t != NULL && t->clear == NULL)
    t = t->base;
  if (t != NULL)
    t->clear (vm, o);
}

/* Post-condition: every unreachable object has dropped its references (types with a
 * `clear` slot) and has been freed unless something outside still holds it. Each one is
 * pinned while the cycles are broken, so none is freed under our feet. */
static void
delete_garbage (HsVM *vm, GPtrArray *unreachable)
{
  for (guint i = 0; i < unreachable->len; i++)
    hs_incref (unreachable->pdata[i]);
  for (guint i = 0; i < unreachable->len; i++)
    {
      HsObject *o = unreachable->pdata[i];
      hs_gc_untrack (vm, o);
      clear_object (vm, o);
    }
  for (guint i = 0; i < unreachable->len; i++)
    hs_decref (vm, unreachable->pdata[i]);
}

/* CPython's _PyTuple_MaybeUntrack and _PyDict_MaybeUntrack: a tuple or dict that holds
 * nothing the collector may see leaves its lists. */
static gboolean
holds_only_atomic (HsObject *o)
{
  gboolean atomic = TRUE;
  gsize pos = 0;
  HsObject *k, *v;
  if (HS_IS (o, &hs_tuple_type))
    {
      for (gsize i = 0; atomic && i < hs_tuple_len (o); i++)
        {
          /* NULL: a tuple being filled stays tracked, as CPython's */
          HsObject *item = hs_tuple_get_borrow (o, i);
          atomic = item != NULL && !hs_gc_may_be_tracked (item);
        }
      return atomic;
    }
  while (atomic && hs_dict_next (o, &pos, &k, &v))
    atomic = !hs_gc_may_be_tracked (k) && !hs_gc_may_be_tracked (v);
  return atomic;
}

/* Post-condition: the survivors that CPython's collection untracks are untracked: its
 * untrack_tuples after every collection, its untrack_dicts after a full one (`young` and
 * `unreachable` both in allocation order). */
static void
untrack_survivors (Collection *c, GPtrArray *unreachable, gboolean full)
{
  guint u = 0;
  for (guint i = 0; i < c->young->len; i++)
    {
      HsObject *o = c->young->pdata[i];
      if (u < unreachable->len && unreachable->pdata[u] == o)
        {
          u++;
          continue;
        }
      if ((HS_IS (o, &hs_tuple_type) || (full && HS_IS (o, &hs_dict_type)))
          && holds_only_atomic (o))
        hs_gc_untrack (c->vm, o);
    }
}

/* Survivors of generations 0..generation join generation + 1 (the oldest stays). */
static void
promote (HsVM *vm, HsGCState *gc, int generation, gsize survivors)
{
  if (generation == 0)
    gc->young_start[0] = vm->next_id;
  else
    gc->young_start[0] = gc->young_start[1] = vm->next_id;
  if (generation == 1)
    gc->long_lived_pending += (gint64)survivors;
  else if (generation == 2)
    {
      gc->long_lived_pending = 0;
      gc->long_lived_total = (gint64)survivors;
    }
}

void
hs_gc_forget (HsVM *vm, HsObject *obj)
{
  GPtrArray *garbage = vm->gc.garbage;
  guint i;
  if (garbage != NULL && g_ptr_array_find (garbage, obj, &i))
    garbage->pdata[i] = NULL;
  obj->flags &= ~(guint32)HS_FLAG_GC_MARK;
}

static void
compact (GPtrArray *objs)
{
  guint j = 0;
  for (guint i = 0; i < objs->len; i++)
    if (objs->pdata[i] != NULL)
      objs->pdata[j++] = objs->pdata[i];
  g_ptr_array_set_size (objs, j);
}

/* Post-condition: every unreachable object whose finalizer had not run has run it (PEP
 * 442: all of them before anything is cleared), and the objects freed meanwhile are gone
 * from `unreachable`. When code may not run here (an automatic collection inside an
 * allocation) the finalizers are queued for the next event instead, nothing is collected
 * now, and the collection is redone once they ran. */
/* CPython's handle_weakrefs. Post-condition: no weak reference refers to an unreachable
 * object; the callbacks of those that are not garbage themselves have run (or, when code
 * may not run here, are queued for the next event). */
static void
handle_weakrefs (HsVM *vm, GPtrArray *unreachable, gboolean may_run_code)
{
  GHashTable *garbage = NULL;

  for (guint i = 0; i < unreachable->len; i++)
    {
      HsObject *o = unreachable->pdata[i];
      if (!(o->flags & HS_FLAG_WEAKREFED))
        continue;
      if (garbage == NULL)
        {
          garbage = g_hash_table_new (NULL, NULL);
          for (guint j = 0; j < unreachable->len; j++)
            g_hash_table_add (garbage, unreachable->pdata[j]);
        }
      hs_weakref_clear_referent (vm, o, garbage);
    }
  if (garbage != NULL)
    g_hash_table_unref (garbage);
  if (may_run_code)
    hs_weakref_run_callbacks (vm);
}

typedef enum
{
  FINALIZED_NONE,
  FINALIZED_RAN, /* the objects left in `unreachable` still carry HS_FLAG_GC_MARK */
  FINALIZED_DEFERRED,
} Finalized;

static Finalized
finalize_garbage (HsVM *vm, GPtrArray *unreachable, gboolean may_run_code)
{
  gboolean any = FALSE;

  for (guint i = 0; i < unreachable->len && !any; i++)
    any = hs_finalize_needed (unreachable->pdata[i]);
  if (!any)
    return FINALIZED_NONE;
  if (!may_run_code)
    {
      for (guint i = 0; i < unreachable->len; i++)
        if (hs_finalize_needed (unreachable->pdata[i]))
          hs_finalize_queue (vm, unreachable->pdata[i]);
      vm->gc.redo = TRUE;
      hs_vm_note_deferred (vm);
      return FINALIZED_DEFERRED;
    }
  vm->gc.garbage = unreachable;
  for (guint i = 0; i < unreachable->len; i++)
    ((HsObject *)unreachable->pdata[i])->flags |= HS_FLAG_GC_MARK;
  for (guint i = 0; i < unreachable->len; i++)
    {
      HsObject *o = unreachable->pdata[i];
      if (o == NULL || !hs_finalize_needed (o))
        continue;
      hs_incref (o); /* CPython's finalize_garbage holds the one it finalizes */
      hs_finalize_call (vm, o);
      hs_decref (vm, o);
    }
  vm->gc.garbage = NULL;
  compact (unreachable);
  return FINALIZED_RAN;
}

static void
visit_decref_marked (HsObject *child, const HsRef *ref, gpointer data)
{
  if (child->flags & HS_FLAG_GC_MARK)
    child->gc_refs--;
}

static void
visit_resurrect (HsObject *child, const HsRef *ref, gpointer data)
{
  WorkStack *work = data;
  if (child->flags & HS_FLAG_GC_MARK)
    {
      child->flags &= ~(guint32)HS_FLAG_GC_MARK;
      work_push (work, child);
    }
}

/* CPython's handle_resurrected_objects. Pre-condition: the objects of `unreachable` carry
 * HS_FLAG_GC_MARK. Post-condition: what a finalizer made reachable again (stored in a
 * global, say) and everything it reaches have left `unreachable`; no mark is left. */
static void
handle_resurrected (Collection *c, GPtrArray *unreachable)
{
  for (guint i = 0; i < unreachable->len; i++)
    {
      HsObject *o = unreachable->pdata[i];
      o->gc_refs = (gint32)MIN (o->refcount, G_MAXINT32);
    }
  for (guint i = 0; i < unreachable->len; i++)
    hs_object_refs (unreachable->pdata[i], visit_decref_marked, NULL);
  for (guint i = 0; i < unreachable->len; i++)
    {
      HsObject *o = unreachable->pdata[i];
      if (o->gc_refs > 0 && (o->flags & HS_FLAG_GC_MARK))
        {
          o->flags &= ~(guint32)HS_FLAG_GC_MARK;
          work_push (&c->work, o);
        }
    }
  while (c->work.len > 0)
    hs_object_refs (c->work.v[--c->work.len], visit_resurrect, &c->work);
  for (guint i = 0; i < unreachable->len; i++)
    {
      HsObject *o = unreachable->pdata[i];
      o->gc_refs = 0;
      if (o->flags & HS_FLAG_GC_MARK)
        o->flags &= ~(guint32)HS_FLAG_GC_MARK;
      else
        unreachable->pdata[i] = NULL;
    }
  compact (unreachable);
}

static gsize
collect (HsVM *vm, HsGCState *gc, int generation, gboolean may_run_code)
{
  Collection c = { vm, generation_start (gc, generation), g_ptr_array_new (), { NULL, 0, 0 } };
  GPtrArray *unreachable = g_ptr_array_new ();
  Finalized finalized;
  gsize n;

  gc->collections++;
  if (generation + 1 < HS_GC_GENERATIONS)
    gc->count[generation + 1]++;
  for (int i = 0; i <= generation; i++)
    gc->count[i] = 0;

  gather_young (&c);
  update_refs (&c);
  subtract_refs (&c);
  move_unreachable (&c, unreachable);
  untrack_survivors (&c, unreachable, generation == HS_GC_GENERATIONS - 1);
  promote (vm, gc, generation, c.young->len - unreachable->len);
  g_ptr_array_unref (c.young);
  c.young = NULL;
  handle_weakrefs (vm, unreachable, may_run_code);
  finalized = finalize_garbage (vm, unreachable, may_run_code);
  if (finalized == FINALIZED_DEFERRED)
    g_ptr_array_set_size (unreachable, 0);
  else if (finalized == FINALIZED_RAN)
    handle_resurrected (&c, unreachable);
  n = unreachable->len;
  if (n > 0 && G_UNLIKELY (vm->hooks != NULL) && vm->hooks->gc != NULL)
    vm->hooks->gc (vm, (HsObject *const *)unreachable->pdata, n, vm->hooks_data);
  delete_garbage (vm, unreachable);

  g_ptr_array_unref (unreachable);
  g_free (c.work.v);
  return n;
}

gsize
hs_gc_collect (HsVM *vm, int generation)
{
  HsGCState *gc = state (vm);
  gsize n;

  if (gc->collecting)
    return 0;
  gc->collecting = TRUE;
  n = collect (vm, gc, CLAMP (generation, 0, HS_GC_GENERATIONS - 1), TRUE);
  gc->collecting = FALSE;
  return n;
}

void
hs_gc_redo (HsVM *vm)
{
  vm->gc.redo = FALSE;
  hs_gc_collect (vm, HS_GC_GENERATIONS - 1);
}

/* CPython's collect_generations: the oldest generation over its threshold. */
static void
collect_generations (HsVM *vm, HsGCState *gc)
{
  for (int i = HS_GC_GENERATIONS - 1; i >= 0; i--)
    if (gc->count[i] > gc->threshold[i])
      {
        if (i == HS_GC_GENERATIONS - 1 && gc->long_lived_pending < gc->long_lived_total / 4)
          continue;
        collect (vm, gc, i, FALSE);
        break;
      }
}

void
hs_gc_note_alloc (HsVM *vm)
{
  HsGCState *gc = state (vm);

  gc->count[0]++;
  if (gc->count[0] > gc->threshold[0] && !gc->disabled && gc->threshold[0] != 0 && !gc->collecting
      && vm->exc == NULL)
    {
      gc->collecting = TRUE;
      collect_generations (vm, gc);
      gc->collecting = FALSE;
    }
}

void
hs_gc_note_free (HsVM *vm)
{
  if (vm->gc.count[0] > 0)
    vm->gc.count[0]--;
}

gboolean
hs_gc_is_enabled (HsVM *vm)
{
  return !vm->gc.disabled;
}

void
hs_gc_set_enabled (HsVM *vm, gboolean enabled)
{
  vm->gc.disabled = !enabled;
}

void
hs_gc_get_count (HsVM *vm, gint64 out[HS_GC_GENERATIONS])
{
  for (int i = 0; i < HS_GC_GENERATIONS; i++)
    out[i] = vm->gc.count[i];
}

void
hs_gc_get_threshold (HsVM *vm, int out[HS_GC_GENERATIONS])
{
  HsGCState *gc = state (vm);
  for (int i = 0; i < HS_GC_GENERATIONS; i++)
    out[i] = gc->threshold[i];
}

void
hs_gc_set_threshold (HsVM *vm, const int *t, gsize n)
{
  HsGCState *gc = state (vm);
  for (gsize i = 0; i < n && i < HS_GC_GENERATIONS; i++)
    gc->threshold[i] = t[i];
}

/* ---- heap checker ----------------------------------------------------------------- */

static void
visit_count (HsObject *child, const HsRef *ref, gpointer data)
{
  Collection *c = data;
  if (in_young (c, child))
    child->gc_refs++;
}

gboolean
hs_gc_check_heap (HsVM *vm)
{
  Collection c = { vm, 0, g_ptr_array_new (), { NULL, 0, 0 } };
  gboolean ok = TRUE;

  gather_young (&c);
  for (guint i = 0; i < c.young->len; i++)
    ((HsObject *)c.young->pdata[i])->gc_refs = 0;
  for (guint i = 0; i < c.young->len; i++)
    hs_object_refs (c.young->pdata[i], visit_count, &c);
  for (guint i = 0; i < c.young->len; i++)
    {
      HsObject *o = c.young->pdata[i];
      if (o->gc_refs > o->refcount)
        ok = FALSE;
      o->gc_refs = 0;
    }
  g_ptr_array_unref (c.young);
  return ok;
}
