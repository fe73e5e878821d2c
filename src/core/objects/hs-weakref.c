/* hs-weakref.c — weakref.ref (CPython's ReferenceType) and the table of weak references.
 *
 * Invariant: see hs-weakref.h. A weak reference's `refs` visits only its callback: the
 * referent is not counted, so neither the collector nor the diagram's counts see it (the
 * trace draws it as a weak arrow of its own).
 */
#include "config.h"

#include "hs-weakref.h"

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-deque.h"
#include "hs-error.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-weakcontainer.h"

/* The built-in types whose objects CPython lets one refer to weakly (tp_weaklistoffset);
 * instances of the program's classes can be too. */
static const HsType *const weakrefable[] = {
  &hs_type_type,
  &hs_function_type,
  &hs_cfunction_type,
  &hs_method_type,
  &hs_set_type,
  &hs_frozenset_type,
  &hs_generator_type,
  &hs_module_type,
  &hs_deque_type,
  /* instances of Python classes in CPython */
  &hs_weakvaluedict_type,
  &hs_weakkeydict_type,
  &hs_weakset_type,
};

gboolean
hs_weakref_supported (HsVM *vm, HsObject *obj)
{
  if (obj->type->type_flags & HS_TYPE_HEAP)
    {
      if (hs_class_instances_weakrefable (obj->type))
        return TRUE;
    }
  else
    for (gsize i = 0; i < G_N_ELEMENTS (weakrefable); i++)
      if (hs_type_is_subtype (obj->type, weakrefable[i]))
        return TRUE;
  if (vm != NULL)
    hs_err_format (vm, &hs_exc_TypeError, "cannot create weak reference to '%s' object",
                   hs_type_name (obj));
  return FALSE;
}

GPtrArray *
hs_weakref_list (HsVM *vm, HsObject *obj)
{
  if (!(obj->flags & HS_FLAG_WEAKREFED) || vm->weakrefs == NULL)
    return NULL;
  return g_hash_table_lookup (vm->weakrefs, obj);
}

/* weakref.proxy of something callable is a CallableProxyType, as in CPython. */
static gboolean
callable_proxy_wanted (HsType *type, HsObject *obj)
{
  return type == &hs_weakproxy_type && hs_object_is_callable (obj);
}

/* A plain reference (exact type, no callback): the one `ref(obj)` gives again. */
static gboolean
is_basic (HsObject *wr, HsType *type)
{
  return wr->type == type && HS_WEAKREF (wr)->callback == NULL
         && HS_WEAKREF (wr)->container == NULL;
}

/* Registers wr (made for obj) in obj's list: a shared plain one first. */
static void
register_weakref (HsVM *vm, HsObject *obj, HsObject *wr, GPtrArray *list, gboolean shared)
{
  if (vm->weakrefs == NULL)
    vm->weakrefs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (vm->weakrefs, obj, list);
      obj->flags |= HS_FLAG_WEAKREFED;
    }
  /* CPython keeps the plain ref and proxy first, so that they are found again */
  if (shared)
    g_ptr_array_insert (list, 0, wr);
  else
    g_ptr_array_add (list, wr);
}

HsObject *
hs_weakref_new_entry (HsVM *vm, HsType *type, HsObject *obj, HsObject *key, HsObject *container,
                      HsWeakEntryRemove remove)
{
  HsWeakref *wr;

  if (!hs_weakref_supported (vm, obj))
    return NULL;
  if ((wr = (HsWeakref *)hs_object_alloc (vm, type, type->basicsize)) == NULL)
    return NULL;
  wr->referent = obj;
  wr->container = container;
  wr->remove = remove;
  wr->key = key != NULL ? hs_incref (key) : NULL;
  if (!hs_is_immortal (obj))
    register_weakref (vm, obj, &wr->header, hs_weakref_list (vm, obj), FALSE);
  if (key != NULL)
    hs_gc_track (vm, &wr->header);
  return &wr->header;
}

void
hs_weakref_detach_entries (HsObject *container, HsObject *const *entries, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (HS_WEAKREF (entries[i])->container == container)
      HS_WEAKREF (entries[i])->container = NULL;
}

HsObject *
hs_weakref_new (HsVM *vm, HsType *type, HsObject *obj, HsObject *callback)
{
  GPtrArray *list;
  HsWeakref *wr;

  if (!hs_weakref_supported (vm, obj))
    return NULL;
  if (callback == hs_None)
    callback = NULL;
  if (callable_proxy_wanted (type, obj))
    type = &hs_weakcallableproxy_type;
  list = hs_weakref_list (vm, obj);
  if (callback == NULL && list != NULL)
    for (guint i = 0; i < list->len; i++)
      if (is_basic (list->pdata[i], type))
        return hs_incref (list->pdata[i]);
  if ((wr = (HsWeakref *)hs_object_alloc (vm, type, sizeof (HsWeakref))) == NULL)
    return NULL;
  wr->referent = obj;
  wr->callback = callback != NULL ? hs_incref (callback) : NULL;
  if (hs_is_immortal (obj))
    return &wr->header; /* never dies: nothing to clear */
  register_weakref (vm, obj, &wr->header, list, callback == NULL);
  if (wr->callback != NULL)
    hs_gc_track (vm, &wr->header);
  return &wr->header;
}

/* Leaves the referent's list (the weak reference is being freed). */
static void
unlink_weakref (HsVM *vm, HsObject *self)
{
  HsObject *obj = HS_WEAKREF (self)->referent;
  GPtrArray *list;

  HS_WEAKREF (self)->referent = NULL;
  if (obj == NULL || (list = hs_weakref_list (vm, obj)) == NULL)
    return;
  g_ptr_array_remove (list, self);
  if (list->len == 0)
    {
      obj->flags &= ~(guint32)HS_FLAG_WEAKREFED;
      g_hash_table_remove (vm->weakrefs, obj);
    }
}

void
hs_weakref_clear_referent (HsVM *vm, HsObject *obj, GHashTable *garbage)
{
  GPtrArray *list = NULL;

  obj->flags &= ~(guint32)HS_FLAG_WEAKREFED;
  if (vm->weakrefs == NULL
      || !g_hash_table_steal_extended (vm->weakrefs, obj, NULL, (gpointer *)&list))
    return;
  /* The newest callback first: CPython inserts each after the plain ones, ahead of the
   * older (the plain ones, at the front, have none). */
  for (guint i = list->len; i > 0; i--)
    {
      HsObject *wr = list->pdata[i - 1];
      HS_WEAKREF (wr)->referent = NULL;
      hs_object_mark_dirty (vm, wr);
      if ((HS_WEAKREF (wr)->callback == NULL && HS_WEAKREF (wr)->container == NULL)
          || (garbage != NULL && g_hash_table_contains (garbage, wr)))
        continue;
      if (vm->wr_callbacks == NULL)
        vm->wr_callbacks = g_ptr_array_new ();
      g_ptr_array_add (vm->wr_callbacks, hs_incref (wr));
      hs_vm_note_deferred (vm);
    }
  g_ptr_array_unref (list);
}

/* vm->wr_callbacks is a stack of levels, as vm->del_pending (hs-finalize.c): the open
 * level, from vm->wr_floor on, is reversed as it starts to run and each is taken from the
 * end, O(1) where taking from the front was O(N). What a callback's run frees is a level
 * of its own, run at its next event or, freed as it returns, before the next callback, as
 * CPython ran those inside it; the callbacks waiting never run inside one another (each
 * callback's first event ran the rest: RecursionError past 1,000 of them). */
void
hs_weakref_run_callbacks (HsVM *vm)
{
  guint floor = vm->wr_floor, del_floor = vm->del_floor;

  if (vm->wr_callbacks == NULL || vm->wr_callbacks->len <= floor)
    return;
  hs_ptr_array_reverse_from (vm->wr_callbacks, floor);
  while (vm->wr_callbacks != NULL && vm->wr_callbacks->len > floor)
    {
      HsObject *wr = g_ptr_array_steal_index (vm->wr_callbacks, vm->wr_callbacks->len - 1);
      HsObject *cb = HS_WEAKREF (wr)->callback;

      vm->wr_floor = vm->wr_callbacks->len;
      /* The finalizers waiting wait for the callback (CPython called it in the dealloc
       * before them) */
      vm->del_floor = vm->del_pending != NULL ? vm->del_pending->len : 0;
      if (HS_WEAKREF (wr)->container != NULL)
        HS_WEAKREF (wr)->remove (vm, HS_WEAKREF (wr)->container, wr);
      if (cb != NULL)
        hs_weakref_call_callback (vm, cb, wr);
      hs_decref (vm, wr);
      vm->del_floor = del_floor;
      if (vm->wr_callbacks != NULL)
        hs_ptr_array_reverse_from (vm->wr_callbacks, vm->wr_floor);
      vm->wr_floor = floor;
    }
}

void
hs_weakref_call_callback (HsVM *vm, HsObject *cb, HsObject *arg)
{
  HsObject *saved, *res;
  if (vm->exc == vm->stop_exc)
    return;
  saved = hs_err_fetch (vm);
  hs_incref (cb);
  res = hs_object_call (vm, cb, &arg, 1, NULL);
  if (res != NULL)
    hs_decref (vm, res);
  else if (vm->exc != vm->stop_exc)
    hs_vm_write_unraisable (vm, cb);
  hs_decref (vm, cb);
  if (vm->exc == vm->stop_exc)
    hs_xdecref (vm, saved);
  else
    vm->exc = saved;
}

void
hs_weakref_drop_all (HsVM *vm)
{
  GPtrArray *queue = g_steal_pointer (&vm->wr_callbacks);
  GHashTable *table = g_steal_pointer (&vm->weakrefs);

  vm->wr_floor = 0;
  if (table != NULL)
    {
      GHashTableIter it;
      gpointer obj, list;
      g_hash_table_iter_init (&it, table);
      while (g_hash_table_iter_next (&it, &obj, &list))
        {
          ((HsObject *)obj)->flags &= ~(guint32)HS_FLAG_WEAKREFED;
          for (guint i = 0; i < ((GPtrArray *)list)->len; i++)
            HS_WEAKREF (((GPtrArray *)list)->pdata[i])->referent = NULL;
        }
      g_hash_table_unref (table);
    }
  for (guint i = 0; queue != NULL && i < queue->len; i++)
    hs_decref (vm, queue->pdata[i]);
  if (queue != NULL)
    g_ptr_array_unref (queue);
}

/* ---- the type ------------------------------------------------------------------------ */

void
hs_weakref_dealloc (HsVM *vm, HsObject *self)
{
  unlink_weakref (vm, self);
  HS_CLEAR (vm, HS_WEAKREF (self)->callback);
  HS_CLEAR (vm, HS_WEAKREF (self)->key);
}

void
hs_weakref_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, HS_WEAKREF (self)->callback);
  HS_CLEAR (vm, HS_WEAKREF (self)->key);
}

void
hs_weakref_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (HS_WEAKREF (self)->callback != NULL)
    hs_visit_named (visit, HS_WEAKREF (self)->callback, HS_REF_ATTR, "__callback__", data);
  if (HS_WEAKREF (self)->key != NULL)
    hs_visit_named (visit, HS_WEAKREF (self)->key, HS_REF_ATTR, "key", data);
}

static HsObject *
weakref_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *callback = NULL;

  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() takes no keyword arguments", "ref");
      return NULL;
    }
  if (nargs < 1 || nargs > 2)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "__new__ expected at %s %d argument%s, got %" G_GSIZE_FORMAT,
                     nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
      return NULL;
    }
  obj = args[0];
  callback = nargs > 1 ? args[1] : NULL;
  return hs_weakref_new (vm, type, obj, callback);
}

static HsObject *
weakref_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = HS_WEAKREF (self)->referent;
  if (!hs_parse_args (vm, "weakref", args, nargs, kwnames, ""))
    return NULL;
  return hs_incref (obj != NULL ? obj : hs_None);
}

/* "<weakref at 0x...; to 'A' at 0x...>", "<weakref at 0x...; dead>"; the proxies say
 * "weakproxy". */
HsObject *
hs_weakref_repr_as (HsVM *vm, HsObject *self, const char *what)
{
  HsObject *obj = HS_WEAKREF (self)->referent;
  if (obj == NULL)
    return hs_str_from_format (vm, "<%s at %p; dead>", what, hs_object_address (self));
  return hs_str_from_format (vm, "<%s at %p; to '%s' at %p>", what, hs_object_address (self),
                             hs_type_name (obj), hs_object_address (obj));
}

static HsObject *
weakref_repr (HsVM *vm, HsObject *self)
{
  return hs_weakref_repr_as (vm, self, "weakref");
}

static int
weakref_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsWeakref *wr = HS_WEAKREF (self);
  if (!wr->hashed)
    {
      if (wr->referent == NULL)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "weak object has gone away");
          return -1;
        }
      if (hs_object_hash (vm, wr->referent, &wr->hash) < 0)
        return -1;
      wr->hashed = TRUE;
    }
  *out = wr->hash;
  return 0;
}

/* Two live references compare as their referents; otherwise by identity. */
static HsObject *
weakref_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *x, *y;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !hs_weakref_check (a) || !hs_weakref_check (b))
    return hs_incref (hs_NotImplemented);
  x = HS_WEAKREF (a)->referent;
  y = HS_WEAKREF (b)->referent;
  if (x == NULL || y == NULL)
    return hs_incref (hs_bool_from ((a == b) == (op == HS_CMP_EQ)));
  return hs_object_richcompare (vm, x, y, op);
}

static HsObject *
weakref_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "__callback__"))
    {
      HsObject *cb = HS_WEAKREF (self)->callback;
      return hs_incref (cb != NULL ? cb : hs_None);
    }
  if (HS_WEAKREF (self)->key != NULL && hs_str_equal_cstr (name, "key"))
    return hs_incref (HS_WEAKREF (self)->key);
  return hs_object_generic_getattr (vm, self, name);
}

HsType hs_weakref_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "ReferenceType",
  .module = "weakref",
  .tp_name = "weakref.ReferenceType",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsWeakref),
  .dealloc = hs_weakref_dealloc,
  .refs = hs_weakref_refs,
  .clear = hs_weakref_clear,
  .repr = weakref_repr,
  .hash = weakref_hash,
  .richcompare = weakref_richcompare,
  .call = weakref_call,
  .getattr = weakref_getattr,
  .construct = weakref_construct,
};

/* A WeakValueDictionary's entry: a ref that keeps its key (CPython's KeyedRef). */
HsType hs_weakkeyedref_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "KeyedRef",
  .module = "weakref",
  .base = &hs_weakref_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsWeakref),
  .dealloc = hs_weakref_dealloc,
  .refs = hs_weakref_refs,
  .clear = hs_weakref_clear,
  .repr = weakref_repr,
  .hash = weakref_hash,
  .richcompare = weakref_richcompare,
  .call = weakref_call,
  .getattr = weakref_getattr,
};
