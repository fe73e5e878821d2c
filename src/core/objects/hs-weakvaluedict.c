/* hs-weakvaluedict.c — weakref.WeakValueDictionary: a mapping whose values are held weakly.
 *
 * Invariant: `data` maps each key to a KeyedRef (a weak reference that keeps its key) to the
 * value; when a value dies its entry goes, so the key is released too (CPython's
 * WeakValueDictionary in weakref.py).
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

/* The entry of a value that died: gone unless the key was given another value since. */
static void
remove_entry (HsVM *vm, HsObject *self, HsObject *wr)
{
  HsObject *key = HS_WEAKREF (wr)->key;

  if (DATA (self) != NULL && hs_dict_get_item_borrow (vm, DATA (self), key) == wr
      && hs_dict_del_item (vm, DATA (self), key) < 0)
    hs_err_clear (vm);
}

/* The value of key (borrowed), or NULL: with KeyError unless `quiet` (and no error). */
static HsObject *
lookup (HsVM *vm, HsObject *self, HsObject *key, gboolean quiet)
{
  HsObject *wr, *o;

  hs_weakcontainer_purge (vm, self);
  wr = hs_dict_get_item_borrow (vm, DATA (self), key);
  o = wr != NULL ? hs_weakref_get_borrow (wr) : NULL;
  if (o == NULL && !quiet && !hs_err_occurred (vm))
    hs_err_set_key (vm, key);
  return o;
}

static int
store (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsObject *wr = hs_weakref_new_entry (vm, &hs_weakkeyedref_type, value, key, self, remove_entry);
  int r;

  if (wr == NULL)
    return -1;
  r = hs_dict_set_item (vm, DATA (self), key, wr);
  hs_decref (vm, wr);
  return r;
}

static HsObject *
wvd_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *o = lookup (vm, self, key, FALSE);
  return o != NULL ? hs_incref (o) : NULL;
}

static int
wvd_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  if (value != NULL)
    return store (vm, self, key, value);
  hs_weakcontainer_purge (vm, self);
  return hs_dict_del_item (vm, DATA (self), key);
}

static int
wvd_contains (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *o = lookup (vm, self, key, TRUE);
  return o != NULL ? 1 : hs_err_occurred (vm) ? -1 : 0;
}

/* update(other=(), /, **kwargs): what dict() would make of them, each value held weakly. */
static int
update (HsVM *vm, HsObject *self, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tmp, *k, *v;
  gsize pos = 0;
  int r;

  if (nargs > 1) /* a method written in Python in CPython */
    {
      hs_err_format (
          vm, &hs_exc_TypeError,
          "WeakValueDictionary.%s() takes from 1 to 2 positional arguments but %" G_GSIZE_FORMAT
          " were given",
          name, nargs + 1);
      return -1;
    }
  if ((tmp = hs_dict_new (vm)) == NULL)
    return -1;
  r = hs_dict_init_args (vm, tmp, name, args, nargs, kwnames);
  while (r == 0 && hs_dict_next (tmp, &pos, &k, &v))
    r = store (vm, self, k, v);
  hs_decref (vm, tmp);
  return r;
}

static HsObject *
wvd_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = hs_weakcontainer_new (vm, type, hs_dict_new (vm));

  if (self != NULL && update (vm, self, "__init__", args, nargs, kwnames) < 0)
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
  HsObject *key = NULL, *dflt = hs_None, *o;

  if (!hs_parse_args (vm, "get", args + 1, nargs - 1, kwnames, "@key |default", &key, &dflt))
    return NULL;
  o = lookup (vm, args[0], key, TRUE);
  if (o == NULL && hs_err_occurred (vm))
    return NULL;
  return hs_incref (o != NULL ? o : dflt);
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = NULL, *o;

  if (!hs_parse_args (vm, "pop", args + 1, nargs - 1, kwnames, "@key |default", &key, &dflt))
    return NULL;
  o = lookup (vm, args[0], key, dflt != NULL);
  if (o == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (dflt);
  hs_incref (o);
  if (hs_dict_del_item (vm, DATA (args[0]), key) < 0)
    HS_CLEAR (vm, o);
  return o;
}

static HsObject *
m_setdefault (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = hs_None, *o;

  if (!hs_parse_args (vm, "setdefault", args + 1, nargs - 1, kwnames, "@key |default", &key, &dflt))
    return NULL;
  o = lookup (vm, args[0], key, TRUE);
  if (o != NULL)
    return hs_incref (o);
  if (hs_err_occurred (vm) || store (vm, args[0], key, dflt) < 0)
    return NULL;
  return hs_incref (dflt);
}

/* keys(), values(), items(): lists of what is alive now (CPython gives generators). */
static HsObject *
listing (HsVM *vm, HsObject *self, int what)
{
  HsObject *keys = hs_weakcontainer_live (vm, self), *out;

  if (keys == NULL || what == 0)
    return keys;
  out = hs_list_new (vm, 0);
  for (gsize i = 0; out != NULL && i < hs_list_len (keys); i++)
    {
      HsObject *k = hs_list_get_borrow (keys, i);
      HsObject *v = hs_weakref_get_borrow (hs_dict_get_item_borrow (vm, DATA (self), k));
      HsObject *item = what == 1 ? hs_incref (v) : hs_tuple_pack (vm, 2, k, v);

      if (item == NULL || hs_list_append (vm, out, item) < 0)
        HS_CLEAR (vm, out);
      hs_xdecref (vm, item);
    }
  hs_decref (vm, keys);
  return out;
}

static HsObject *
m_keys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "keys", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return listing (vm, args[0], 0);
}

static HsObject *
m_values (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "values", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return listing (vm, args[0], 1);
}

static HsObject *
m_items (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "items", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return listing (vm, args[0], 2);
}

static HsObject *
m_valuerefs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *out, *k, *v;
  gsize pos = 0;

  if (!hs_parse_args (vm, "valuerefs", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  hs_weakcontainer_purge (vm, args[0]);
  out = hs_list_new (vm, 0);
  while (out != NULL && hs_dict_next (DATA (args[0]), &pos, &k, &v))
    if (hs_list_append (vm, out, v) < 0)
      HS_CLEAR (vm, out);
  return out;
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *items, *copy;

  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((items = listing (vm, args[0], 2)) == NULL)
    return NULL;
  copy = wvd_construct (vm, (HsType *)args[0]->type, &items, 1, NULL);
  hs_decref (vm, items);
  return copy;
}

static HsObject *
m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fresh;

  if (!hs_parse_args (vm, "clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((fresh = hs_dict_new (vm)) == NULL)
    return NULL;
  hs_weakcontainer_clear (vm, args[0]);
  DATA (args[0]) = fresh;
  return hs_None;
}

static const HsMethodDef wvd_methods[] = {
  { "get", m_get },     { "pop", m_pop },       { "setdefault", m_setdefault },
  { "keys", m_keys },   { "values", m_values }, { "items", m_items },
  { "copy", m_copy },   { "update", m_update }, { "valuerefs", m_valuerefs },
  { "clear", m_clear }, { "__copy__", m_copy }, { NULL, NULL },
};

HsType hs_weakvaluedict_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "WeakValueDictionary",
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
  .getitem = wvd_getitem,
  .setitem = wvd_setitem,
  .contains = wvd_contains,
  .iter = hs_weakcontainer_iter,
  .construct = wvd_construct,
  .methods = wvd_methods,
};
