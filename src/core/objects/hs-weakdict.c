/* hs-weakdict.c — weakref.WeakKeyDictionary and weakref.WeakValueDictionary: mappings whose
 * keys, or values, are held weakly (CPython's classes in weakref.py). The two differ only in
 * which side of an entry is weak, so every operation here serves both.
 *
 * Invariant: a WeakKeyDictionary's `data` maps a weak reference to each key (hashed as the
 * key, equal to a weak reference to an equal key while both live) to the value; a
 * WeakValueDictionary's maps each key to a KeyedRef (a weak reference that keeps its key) to
 * the value. When the weak side dies its entry goes, releasing the other side.
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

static gboolean
weak_keys (HsObject *self)
{
  return hs_type_is_subtype (self->type, &hs_weakkeydict_type);
}

static const char *
class_name (HsObject *self)
{
  return weak_keys (self) ? "WeakKeyDictionary" : "WeakValueDictionary";
}

/* The key of `data` for key (new): a weak reference to it where keys are weak (NULL with
 * TypeError if it cannot have one), the key itself where values are. */
static HsObject *
data_key (HsVM *vm, HsObject *self, HsObject *key)
{
  return weak_keys (self) ? hs_weakcontainer_probe (vm, key) : hs_incref (key);
}

/* The entry of a referent that died: gone, unless (values weak) the key was given another
 * value since. */
static void
remove_entry (HsVM *vm, HsObject *self, HsObject *wr)
{
  HsObject *dkey = weak_keys (self) ? wr : HS_WEAKREF (wr)->key;
  HsObject *held = DATA (self) != NULL ? hs_dict_get_item_borrow (vm, DATA (self), dkey) : NULL;

  if (held != NULL && (weak_keys (self) || held == wr)
      && hs_dict_del_item (vm, DATA (self), dkey) < 0)
    hs_err_clear (vm);
  hs_err_clear (vm);
}

static int
store (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  gboolean wk = weak_keys (self);
  HsObject *wr
      = wk ? hs_weakref_new_entry (vm, &hs_weakref_type, key, NULL, self, remove_entry)
           : hs_weakref_new_entry (vm, &hs_weakkeyedref_type, value, key, self, remove_entry);
  int r;

  if (wr == NULL)
    return -1;
  r = hs_dict_set_item (vm, DATA (self), wk ? wr : key, wk ? value : wr);
  hs_decref (vm, wr);
  return r;
}

/* The value of key (borrowed), or NULL: KeyError (naming the key of `data`, as CPython's)
 * unless `quiet`; TypeError for a key that cannot be referred to weakly unless `quiet`. */
static HsObject *
lookup (HsVM *vm, HsObject *self, HsObject *key, gboolean quiet)
{
  HsObject *dkey, *v;

  hs_weakcontainer_purge (vm, self);
  if ((dkey = data_key (vm, self, key)) == NULL)
    {
      if (quiet)
        hs_err_clear (vm);
      return NULL;
    }
  v = hs_dict_get_item_borrow (vm, DATA (self), dkey);
  if (v != NULL && !weak_keys (self))
    v = hs_weakref_get_borrow (v);
  if (v == NULL && !quiet && !hs_err_occurred (vm))
    hs_err_set_key (vm, dkey);
  hs_decref (vm, dkey);
  return v;
}

static HsObject *
wd_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v = lookup (vm, self, key, FALSE);
  return v != NULL ? hs_incref (v) : NULL;
}

static int
wd_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsObject *dkey;
  int r;

  if (value != NULL)
    return store (vm, self, key, value);
  hs_weakcontainer_purge (vm, self);
  if ((dkey = data_key (vm, self, key)) == NULL)
    return -1;
  r = hs_dict_del_item (vm, DATA (self), dkey);
  hs_decref (vm, dkey);
  return r;
}

static int
wd_contains (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v = lookup (vm, self, key, TRUE);
  return v != NULL ? 1 : hs_err_occurred (vm) ? -1 : 0;
}

/* update(other=(), /, **kwargs): what dict() would make of them. */
static int
update (HsVM *vm, HsObject *self, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tmp, *k, *v;
  gsize pos = 0;
  int r;

  if (nargs > 1) /* a method written in Python in CPython */
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s.%s() takes from 1 to 2 positional arguments but %" G_GSIZE_FORMAT
                     " were given",
                     class_name (self), name, nargs + 1);
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

/* WeakKeyDictionary(dict=None) */
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

/* WeakValueDictionary(other=(), /, **kw) */
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

/* get(key, default=None), pop(key[, default]) and setdefault(key, default=None). */
static HsObject *
key_method (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = NULL, *v;
  gboolean pop = name[0] == 'p';

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "@key |default", &key, &dflt))
    return NULL;
  if (dflt == NULL && !pop)
    dflt = hs_None;
  v = lookup (vm, args[0], key, dflt != NULL);
  if (v == NULL)
    {
      if (hs_err_occurred (vm))
        return NULL;
      if (name[0] == 's' && store (vm, args[0], key, dflt) < 0)
        return NULL;
      return hs_incref (dflt);
    }
  hs_incref (v);
  if (pop && wd_setitem (vm, args[0], key, NULL) < 0)
    HS_CLEAR (vm, v);
  return v;
}

static HsObject *
m_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return key_method (vm, "get", args, nargs, kwnames);
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return key_method (vm, "pop", args, nargs, kwnames);
}

static HsObject *
m_setdefault (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return key_method (vm, "setdefault", args, nargs, kwnames);
}

enum
{
  LIST_KEYS,
  LIST_VALUES,
  LIST_ITEMS,
  LIST_REFS, /* keyrefs() or valuerefs(): the entries' weak references */
};

/* keys(), values(), items(), keyrefs(), valuerefs(): lists of what is alive now (CPython
 * gives generators, and lists for the references). */
static HsObject *
listing (HsVM *vm, HsObject *self, int what)
{
  gboolean wk = weak_keys (self);
  HsObject *out, *k, *v;
  gsize pos = 0;

  hs_weakcontainer_purge (vm, self);
  out = hs_list_new (vm, 0);
  while (out != NULL && hs_dict_next (DATA (self), &pos, &k, &v))
    {
      HsObject *key = wk ? hs_weakref_get_borrow (k) : k;
      HsObject *value = wk ? v : hs_weakref_get_borrow (v);
      HsObject *item;

      if (key == NULL || value == NULL)
        continue;
      item = what == LIST_KEYS     ? hs_incref (key)
             : what == LIST_VALUES ? hs_incref (value)
             : what == LIST_ITEMS  ? hs_tuple_pack (vm, 2, key, value)
                                   : hs_incref (wk ? k : v);
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

LISTING (m_keys, LIST_KEYS, "keys")
LISTING (m_values, LIST_VALUES, "values")
LISTING (m_items, LIST_ITEMS, "items")
LISTING (m_keyrefs, LIST_REFS, "keyrefs")
LISTING (m_valuerefs, LIST_REFS, "valuerefs")

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_weakcontainer_copy (vm, args[0], listing (vm, args[0], LIST_ITEMS),
                                weak_keys (args[0]) ? wkd_construct : wvd_construct);
}

/* The methods of both, and keyrefs() or valuerefs(). */
#define WEAK_DICT_METHODS(refs_name, refs_fn)                                                      \
  {                                                                                                \
    { "get", m_get }, { "pop", m_pop }, { "setdefault", m_setdefault }, { "keys", m_keys },        \
        { "values", m_values }, { "items", m_items }, { "copy", m_copy }, { "update", m_update },  \
        { "clear", hs_weakcontainer_m_clear }, { "__copy__", m_copy }, { refs_name, refs_fn },     \
        { NULL, NULL },                                                                            \
  }

static const HsMethodDef wkd_methods[] = WEAK_DICT_METHODS ("keyrefs", m_keyrefs);
static const HsMethodDef wvd_methods[] = WEAK_DICT_METHODS ("valuerefs", m_valuerefs);

#define WEAK_DICT_TYPE(type_name, construct_fn, method_table)                                      \
  {                                                                                                \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = type_name, .module = "weakref", .base = &hs_object_type,                               \
    .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE, .basicsize = sizeof (HsWeakContainer),            \
    .dealloc = hs_weakcontainer_dealloc, .refs = hs_weakcontainer_refs,                            \
    .clear = hs_weakcontainer_clear,                                                               \
    .hash = hs_object_hash_not_implemented, /* a MutableMapping in CPython */                      \
        .repr = hs_weakcontainer_repr, .richcompare = hs_weakcontainer_richcompare,                \
    .len = hs_weakcontainer_len, .getitem = wd_getitem, .setitem = wd_setitem,                     \
    .contains = wd_contains, .iter = hs_weakcontainer_iter, .construct = construct_fn,             \
    .methods = method_table,                                                                       \
  }

HsType hs_weakkeydict_type = WEAK_DICT_TYPE ("WeakKeyDictionary", wkd_construct, wkd_methods);
HsType hs_weakvaluedict_type = WEAK_DICT_TYPE ("WeakValueDictionary", wvd_construct, wvd_methods);
