/* hs-weakset.c — weakref.WeakSet: a set whose items are held weakly.
 *
 * Invariant: `data` is a set of weak references to the items (equal while both live when
 * their items are equal); an item that dies leaves the set (CPython's _weakrefset.WeakSet).
 */
#include "config.h"

#include "hs-weakcontainer.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-weakref.h"

#define DATA(self) (HS_WEAK_CONTAINER (self)->data)

static void
remove_entry (HsVM *vm, HsObject *self, HsObject *wr)
{
  if (DATA (self) != NULL && hs_set_discard (vm, DATA (self), wr) < 0)
    hs_err_clear (vm);
}

static int
add (HsVM *vm, HsObject *self, HsObject *item)
{
  HsObject *wr = hs_weakref_new_entry (vm, &hs_weakref_type, item, NULL, self, remove_entry);
  int r;

  if (wr == NULL)
    return -1;
  hs_weakcontainer_purge (vm, self);
  r = hs_set_add (vm, DATA (self), wr);
  hs_decref (vm, wr);
  return r;
}

static int
add_each (HsVM *vm, HsObject *item, gpointer self)
{
  return add (vm, self, item);
}

static int
ws_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  HsObject *probe;
  int r;

  hs_weakcontainer_purge (vm, self);
  if ((probe = hs_weakcontainer_probe (vm, item)) == NULL)
    {
      hs_err_clear (vm); /* what cannot be referred to weakly is in no WeakSet */
      return 0;
    }
  r = hs_set_contains (vm, DATA (self), probe);
  hs_decref (vm, probe);
  return r;
}

static HsObject *
ws_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *data = NULL;

  if (!hs_parse_args (vm, "WeakSet", args, nargs, kwnames, "|data", &data))
    return NULL;
  self = hs_weakcontainer_new (vm, type, hs_set_new (vm));
  if (self != NULL && data != NULL && hs_object_foreach (vm, data, add_each, self) < 0)
    HS_CLEAR (vm, self);
  return self;
}

/* A WeakSet shows its set of weak references, as CPython's __repr__. */
static HsObject *
ws_repr (HsVM *vm, HsObject *self)
{
  hs_weakcontainer_purge (vm, self);
  return hs_object_repr (vm, DATA (self));
}

/* ---- methods ---------------------------------------------------------------------- */

static HsObject *
m_add (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *item = NULL;
  if (!hs_parse_args (vm, "add", args + 1, nargs - 1, kwnames, "@item", &item))
    return NULL;
  return add (vm, args[0], item) < 0 ? NULL : hs_None;
}

static HsObject *
m_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, "update", args + 1, nargs - 1, kwnames, "@other", &other))
    return NULL;
  return hs_object_foreach (vm, other, add_each, args[0]) < 0 ? NULL : hs_None;
}

/* discard(item) and remove(item), whose KeyError names the weak reference, as CPython's. */
static HsObject *
take_out (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean must)
{
  HsObject *item = NULL, *probe;
  int r;

  if (!hs_parse_args (vm, must ? "remove" : "discard", args + 1, nargs - 1, kwnames, "@item",
                      &item))
    return NULL;
  hs_weakcontainer_purge (vm, args[0]);
  if ((probe = hs_weakcontainer_probe (vm, item)) == NULL)
    return NULL;
  r = hs_set_discard (vm, DATA (args[0]), probe);
  if (r == 0 && must)
    hs_err_set_key (vm, probe);
  hs_decref (vm, probe);
  return r < 0 || (r == 0 && must) ? NULL : hs_None;
}

static HsObject *
m_discard (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return take_out (vm, args, nargs, kwnames, FALSE);
}

static HsObject *
m_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return take_out (vm, args, nargs, kwnames, TRUE);
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *live, *item;

  if (!hs_parse_args (vm, "pop", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((live = hs_weakcontainer_live (vm, args[0])) == NULL)
    return NULL;
  if (hs_list_len (live) == 0)
    {
      hs_decref (vm, live);
      hs_err_set_string (vm, &hs_exc_KeyError, "pop from empty WeakSet");
      return NULL;
    }
  item = hs_incref (hs_list_get_borrow (live, 0));
  hs_decref (vm, live);
  if (m_remove (vm, (HsObject *[]){ args[0], item }, 2, NULL) == NULL)
    HS_CLEAR (vm, item);
  return item;
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_weakcontainer_copy (vm, args[0], hs_weakcontainer_live (vm, args[0]), ws_construct);
}

static const HsMethodDef ws_methods[] = {
  { "add", m_add },
  { "update", m_update },
  { "discard", m_discard },
  { "remove", m_remove },
  { "clear", hs_weakcontainer_m_clear },
  { "pop", m_pop },
  { "copy", m_copy },
  { "__copy__", m_copy },
  { NULL, NULL },
};

HsType hs_weakset_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "WeakSet",
  .module = "_weakrefset",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsWeakContainer),
  .dealloc = hs_weakcontainer_dealloc,
  .refs = hs_weakcontainer_refs,
  .clear = hs_weakcontainer_clear,
  .hash = hs_object_hash_not_implemented, /* a MutableMapping or MutableSet in CPython */
  .repr = ws_repr,
  .str = ws_repr,
  .richcompare = hs_weakcontainer_richcompare,
  .len = hs_weakcontainer_len,
  .contains = ws_contains,
  .iter = hs_weakcontainer_iter,
  .construct = ws_construct,
  .methods = ws_methods,
};
