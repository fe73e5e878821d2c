/* hs-finalize.c — running `__del__` (CPython 3.11's PEP 442 finalizers).
 *
 * Invariant (see hs-finalize.h): HS_FLAG_FINALIZED marks an object whose finalizer was
 * called; vm->del_pending owns one reference to each object waiting for its finalizer,
 * which is the only reference it has unless its finalizer (or the collector's caller)
 * stores another.
 */
#include "config.h"

#include "hs-finalize.h"

#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-internal.h"
#include "hs-weakfinalize.h"

static HsObject *
finalizer_borrow (HsObject *obj)
{
  static HsObject *del_name; /* interned once: asked at every free of an instance */

  if (!(obj->type->type_flags & HS_TYPE_HEAP))
    return NULL;
  if (g_once_init_enter (&del_name))
    g_once_init_leave (&del_name, hs_str_intern_cstr ("__del__"));
  return hs_type_lookup_borrow (obj->type, del_name);
}

gboolean
hs_finalize_needed (HsObject *obj)
{
  return !(obj->flags & (HS_FLAG_FINALIZED | HS_FLAG_IMMORTAL)) && finalizer_borrow (obj) != NULL;
}

gboolean
hs_finalize_defer (HsVM *vm, HsObject *obj)
{
  /* Once the run is over (no frame) or stopping, objects are freed without running code,
   * as the generators freed then are. */
  if (!hs_finalize_needed (obj) || (vm->frame == NULL && !vm->finalizing) || hs_vm_is_stopping (vm))
    return FALSE;
  obj->refcount = 0;
  hs_finalize_queue (vm, obj);
  return TRUE;
}

void
hs_finalize_queue (HsVM *vm, HsObject *obj)
{
  if (vm->del_pending == NULL)
    vm->del_pending = g_ptr_array_new ();
  g_ptr_array_add (vm->del_pending, hs_incref (obj));
  hs_vm_note_deferred (vm);
}

void
hs_finalize_call (HsVM *vm, HsObject *obj)
{
  HsObject *del = finalizer_borrow (obj);
  HsObject *saved, *res;

  if (del == NULL || (obj->flags & HS_FLAG_FINALIZED))
    return;
  obj->flags |= HS_FLAG_FINALIZED;
  saved = hs_err_fetch (vm); /* an event of an exception being raised */
  hs_incref (del);
  if (vm->del_running == NULL)
    vm->del_running = g_ptr_array_new ();
  g_ptr_array_add (vm->del_running, obj);
  res = hs_object_call (vm, del, &obj, 1, NULL);
  g_ptr_array_set_size (vm->del_running, vm->del_running->len - 1);
  if (res != NULL)
    hs_decref (vm, res);
  else if (!hs_vm_is_stopping (vm))
    hs_vm_write_unraisable (vm, del);
  hs_decref (vm, del);
  if (hs_vm_is_stopping (vm))
    {
      hs_xdecref (vm, saved);
      return;
    }
  vm->exc = saved;
}

/* vm->del_pending is a stack of levels, the next to run last. The top level, from
 * vm->del_floor on, is open: what the decrefs free goes there, in the order they free it.
 * Reversed once as it starts to run, so that the first freed runs first, each is then
 * taken from the end: O(1) each, where taking from the front was O(N). */
void
hs_finalize_run_pending (HsVM *vm)
{
  guint floor = vm->del_floor;
  if (vm->del_pending == NULL || vm->del_pending->len <= floor)
    return;
  hs_ptr_array_reverse_from (vm->del_pending, floor);
  while (vm->del_pending != NULL && vm->del_pending->len > floor)
    {
      HsObject *obj = g_ptr_array_steal_index (vm->del_pending, vm->del_pending->len - 1);
      /* What this __del__ and then its object's dealloc free (its children) is a level
       * of its own, run before the others waiting: CPython ran those finalizers inside
       * it, or inside the dealloc, as their counts reached zero. */
      vm->del_floor = vm->del_pending->len;
      if (!hs_vm_is_stopping (vm))
        hs_finalize_call (vm, obj);
      obj->flags |= HS_FLAG_FINALIZED;
      hs_decref (vm, obj); /* freed now unless __del__ resurrected it */
      /* its weak references' callbacks, before its children's __del__ (CPython's
       * subtype_dealloc clears them first) and not inside the next one */
      hs_weakref_run_callbacks (vm);
      if (vm->del_pending != NULL)
        hs_ptr_array_reverse_from (vm->del_pending, vm->del_floor);
      vm->del_floor = floor;
    }
}

void
hs_vm_run_deferred_now (HsVM *vm)
{
  while (hs_vm_has_deferred (vm))
    {
      if (vm->closing != NULL && vm->closing->len > 0)
        hs_vm_close_freed_generators_now (vm);
      hs_weakref_run_callbacks (vm);
      hs_finalize_run_pending (vm);
      if (vm->gc.redo && !vm->gc.collecting)
        hs_gc_redo (vm);
    }
}

void
hs_finalize_drop_pending (HsVM *vm)
{
  GPtrArray *pending = g_steal_pointer (&vm->del_pending);
  vm->del_floor = 0;
  g_clear_pointer (&vm->del_running, g_ptr_array_unref);
  if (pending == NULL)
    return;
  for (guint i = 0; i < pending->len; i++)
    {
      HsObject *obj = pending->pdata[i];
      obj->flags |= HS_FLAG_FINALIZED;
      hs_decref (vm, obj);
    }
  g_ptr_array_unref (pending);
}

/* ---- shutdown ------------------------------------------------------------------------ */

typedef struct
{
  GHashTable *seen;
  GPtrArray *order; /* objects to finalize, in order */
  GQueue containers;
  GPtrArray *stack; /* instances still to visit, depth first */
} ExitOrder;

static void
visit_child (HsObject *child, const HsRef *ref, gpointer data)
{
  ExitOrder *o = data;
  if (g_hash_table_contains (o->seen, child) || hs_is_immortal (child))
    return;
  g_hash_table_add (o->seen, child);
  if (hs_instance_check (child))
    g_ptr_array_add (o->stack, child);
  else
    g_queue_push_tail (&o->containers, child);
}

/* Instances, each then what its attributes hold, depth first (with a stack of its own: a
 * linked list can be 100,000 nodes long). */
static void
visit_instances (ExitOrder *o)
{
  while (o->stack->len > 0)
    {
      HsObject *v = g_ptr_array_steal_index (o->stack, o->stack->len - 1);
      guint top = o->stack->len;
      gsize pos = 0;
      HsObject *name, *value;

      if (hs_finalize_needed (v))
        g_ptr_array_add (o->order, hs_incref (v));
      while (hs_instance_next_attr (v, &pos, &name, &value))
        if (value != NULL)
          visit_child (value, NULL, o);
      hs_ptr_array_reverse_from (o->stack,
                                 top); /* the first attribute's instance is visited first */
    }
}

static void
visit_item (HsObject *item, const HsRef *ref, gpointer data)
{
  visit_child (item, ref, data);
  visit_instances (data);
}

/* Items in the order CPython's traverse visits them (a list's from the end). */
static void
visit_container (ExitOrder *o, HsObject *c)
{
  if (HS_IS (c, &hs_list_type))
    {
      for (gsize i = hs_list_len (c); i-- > 0;)
        visit_item (hs_list_get_borrow (c, i), NULL, o);
    }
  else
    hs_object_refs (c, visit_item, o);
}

/* CPython drops __main__ and collects everything it held as one heap of garbage: every
 * finalizer runs before anything is cleared, in the order of the collector's list, which
 * for a program's objects comes out as: the instances the globals refer to, in the
 * globals' order, each followed by the instances its attributes hold (depth first); then
 * what the globals' containers hold, breadth first (a list from its end); then whatever
 * else is alive (a leaked cycle), in the order it was made. */
static GPtrArray *
exit_order (HsVM *vm)
{
  ExitOrder o
      = { g_hash_table_new (NULL, NULL), g_ptr_array_new (), G_QUEUE_INIT, g_ptr_array_new () };
  gsize pos = 0;
  HsObject *k, *v;

  while (hs_dict_next (vm->globals, &pos, &k, &v))
    if (hs_instance_check (v))
      visit_item (v, NULL, &o);
  pos = 0;
  while (hs_dict_next (vm->globals, &pos, &k, &v))
    if (!hs_instance_check (v))
      visit_child (v, NULL, &o);
  while (!g_queue_is_empty (&o.containers))
    visit_container (&o, g_queue_pop_head (&o.containers));
  for (HsObject *p = vm->live.next; p != &vm->live; p = p->next)
    if (!g_hash_table_contains (o.seen, p) && hs_finalize_needed (p))
      g_ptr_array_add (o.order, hs_incref (p));
  g_hash_table_unref (o.seen);
  g_ptr_array_unref (o.stack);
  return o.order;
}

void
hs_finalize_at_exit (HsVM *vm)
{
  g_autoptr (GPtrArray) order = NULL;
  HsObject *p;

  hs_weakfinalize_at_exit (vm);
  hs_vm_run_deferred (vm);
  if (vm->live_instances == 0) /* nothing else has a __del__ */
    return;
  for (p = vm->live.next; p != &vm->live && !hs_finalize_needed (p); p = p->next)
    ;
  if (p == &vm->live)
    return;
  order = exit_order (vm);
  for (guint i = 0; i < order->len; i++)
    {
      hs_finalize_call (vm, order->pdata[i]);
      hs_vm_run_deferred (vm);
      hs_decref (vm, order->pdata[i]);
    }
}
