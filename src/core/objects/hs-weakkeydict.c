/* hs-weakkeydict.c — weakref.WeakKeyDictionary: a mapping whose keys are held weakly.
 *
 * Invariant: `data` maps a weak reference to each key (hashed as the key, equal to a weak
 * reference to an equal key while both live) to the value; when a key dies its entry goes,
 * releasing the value (CPython's WeakKeyDictionary in weakref.py).
 */
#include "config.h"

#include "hs-weakcontainer.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-tuple.h"
#include "hs-weakref.h"

#define DATA(self) (HS_WEAK_CONTAINER (self)->data)

static void
remove_entry (HsVM *vm, HsObject *self, HsObject *wr)
{
  if (DATA (self) != NULL && hs_dict_get_item_borrow (vm, DATA (self), wr) != NULL
      && hs_dict_del_item (vm, DATA (self), wr) < 0)
    hs_err_clear (vm);
  hs_err_clear (vm);
}

static int
store (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsObject *wr = hs_weakref_new_entry (vm, &hs_weakref_type, key, NULL, self, remove_entry);
  int r;

  if (wr == NULL)
    return -1;
  r = hs_dict_set_item (vm, DATA (self), wr, value);
  hs_decref (vm, wr);
  return r;
}

/* The value of key (borrowed), or NULL: KeyError (of the weak reference, as CPython's)
 * unless `quiet`; TypeError for a key that cannot be referred to weakly unless `quiet`. */
static HsObject *
lookup (HsVM *vm, HsObject *self, HsObject *key, gboolean quiet)
{
  HsObject *probe, *v;

  hs_weakcontainer_purge (vm, self);
  if ((probe = hs_weakcontainer_probe (vm, key)) == NULL)
    {
      if (quiet)
        hs_err_clear (vm);
      return NULL;
    }
  v = hs_dict_get_item_borrow (vm, DATA (self), probe);
  if (v == NULL && !quiet && !hs_err_occurred (vm))
    hs_err_set_key (vm, probe);
  hs_decref (vm, probe);
  return v;
}

static HsObject *
wkd_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v = lookup (vm, self, key, FALSE);
  return v != NULL ? hs_incref (v) : NULL;
}

static int
wkd_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsObject *probe;
  int r;

  if (value != NULL)
    return store (vm, self, key, value);
  hs_weakcontainer_purge (vm, self);
  if ((probe = hs_weakcontainer_probe (vm, key)) == NULL)
    return -1;
  r = hs_dict_del_item (vm, DATA (self), probe);
  hs_decref (vm, probe);
  return r;
}

static int
wkd_contains (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v = lookup (vm, self, key, TRUE);
  return v != NULL ? 1 : hs_err_occurred (vm) ? -1 : 0;
}

static int
update (HsVM *vm, HsObject *self, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tmp = hs_dict_new (vm), *k, *v;
  gsize pos = 0;
  int r;

  if (tmp == NULL)
    return -1;
  r = hs_dict_init_args (vm, tmp, name, args, nargs, kwnames);
  while (r == 0 && hs_dict_next (tmp, &pos, &k, &v))
    r = store (vm, self, k, v);
  hs_decref (vm, tmp);
  return r;
}

static HsObject *
wkd_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL, *dict = NULL;

  if (!hs_parse_args (vm, "WeakKeyDictionary", args, nargs, kwnames, "|dict", &dict))
    return NULL;
  self = hs_weakcontainer_new (vm, type, hs_dict_new (vm));
  if (self != NULL && dict != NULL && update (vm, self, "update", &dict, 1, NULL) < 0)
    HS_CLEAR (vm, self);
  return self;
}

/* ---- methods ---------------------------------------------------------------------- */

static HsObject *
m_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return update (vm, args[0], "update", args + 1, nargs - 1, kwnames) < 0 ? NULL : hs_None;
}

static HsObject *
m_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = hs_None, *v;

  if (!hs_parse_args (vm, "get", args + 1, nargs - 1, kwnames, "@key |default", &key, &dflt))
    return NULL;
  v = lookup (vm, args[0], key, TRUE);
  if (v == NULL && hs_err_occurred (vm))
    return NULL;
  return hs_incref (v != NULL ? v : dflt);
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = NULL, *v;

  if (!hs_parse_args (vm, "pop", args + 1, nargs - 1, kwnames, "@key |default", &key, &dflt))
    return NULL;
  v = lookup (vm, args[0], key, dflt != NULL);
  if (v == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (dflt);
  hs_incref (v);
  if (wkd_setitem (vm, args[0], key, NULL) < 0)
    HS_CLEAR (vm, v);
  return v;
}

static HsObject *
m_setdefault (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = hs_None, *v;

  if (!hs_parse_args (vm, "setdefault", args + 1, nargs - 1, kwnames, "@key |default", &key, &dflt))
    return NULL;
  v = lookup (vm, args[0], key, TRUE);
  if (v != NULL)
    return hs_incref (v);
  if (hs_err_occurred (vm) || store (vm, args[0], key, dflt) < 0)
    return NULL;
  return hs_incref (dflt);
}

/* keys(), values(), items(), keyrefs(): lists of what is alive now (CPython gives
 * generators, and a list for keyrefs). */
static HsObject *
listing (HsVM *vm, HsObject *self, int what)
{
  HsObject *out, *k, *v;
  gsize pos = 0;

  hs_weakcontainer_purge (vm, self);
  out = hs_list_new (vm, 0);
  while (out != NULL && hs_dict_next (DATA (self), &pos, &k, &v))
    {
      HsObject *key = hs_weakref_get_borrow (k);
      HsObject *item = what == 0   ? hs_incref (key)
                       : what == 1 ? hs_incref (v)
                       : what == 2 ? hs_tuple_pack (vm, 2, key, v)
                                   : hs_incref (k);

      if (key == NULL)
        {
          hs_xdecref (vm, item);
          continue;
        }
      if (item == NULL || hs_list_append (vm, out, item) < 0)
        HS_CLEAR (vm, out);
      hs_xdecref (vm, item);
    }
  return out;
}

#define LISTING(fn, what, name)                                                                    \
  static HsObject *fn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)                  \
  {                                                                                                \
    if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, ""))                               \
      return NULL;                                                                                 \
    return listing (vm, args[0], what);                                                            \
  }

LISTING (m_keys, 0, "keys")
LISTING (m_values, 1, "values")
LISTING (m_items, 2, "items")
LISTING (m_keyrefs, 3, "keyrefs")

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *items, *copy;

  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((items = listing (vm, args[0], 2)) == NULL)
    return NULL;
  copy = wkd_construct (vm, (HsType *)args[0]->type, &items, 1, NULL);
  hs_decref (vm, items);
  return copy;
}

static const HsMethodDef wkd_methods[] = {
  { "get", m_get },       { "pop", m_pop },       { "setdefault", m_setdefault },
  { "keys", m_keys },     { "values", m_values }, { "items", m_items },
  { "copy", m_copy },     { "update", m_update }, { "keyrefs", m_keyrefs },
  { "__copy__", m_copy }, { NULL, NULL },
};

HsType hs_weakkeydict_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "WeakKeyDictionary",
  .module = "weakref",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsWeakContainer),
  .dealloc = hs_weakcontainer_dealloc,
  .refs = hs_weakcontainer_refs,
  .clear = hs_weakcontainer_clear,
  .hash = hs_object_hash_not_implemented, /* a MutableMapping or MutableSet in CPython */
  .repr = hs_weakcontainer_repr,
  .richcompare = hs_weakcontainer_richcompare,
  .len = hs_weakcontainer_len,
  .getitem = wkd_getitem,
  .setitem = wkd_setitem,
  .contains = wkd_contains,
  .iter = hs_weakcontainer_iter,
  .construct = wkd_construct,
  .methods = wkd_methods,
};
