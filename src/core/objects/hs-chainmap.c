/* hs-chainmap.c — collections.ChainMap: several mappings searched as one.
 *
 * Invariant: a ChainMap owns one list, `maps`, the mappings in search order; that list is
 * all it holds, shown as its one attribute as CPython's Python class keeps it in the
 * instance's __dict__. Lookups go through each mapping's own protocol (a defaultdict's
 * __missing__ answers), writes and deletions touch maps[0] only, and the errors are
 * CPython's. keys(), values() and items() are views over the ChainMap, as the Mapping
 * mixins' KeysView, ValuesView and ItemsView are.
 */
#include "config.h"

#include "hs-chainmap.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-mappingview.h"
#include "hs-object-private.h"
#include "hs-recursion.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject *maps; /* list */
} HsChainMap;

#define CM(o) ((HsChainMap *)(o))

static void
cm_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, CM (self)->maps);
}

static void
cm_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (CM (self)->maps != NULL)
    hs_visit_named (visit, CM (self)->maps, HS_REF_ATTR, "maps", data);
}

/* A ChainMap of `type` over `maps` (stolen list). */
static HsObject *
cm_new_take (HsVM *vm, const HsType *type, HsObject *maps)
{
  HsChainMap *c;
  if (maps == NULL)
    return NULL;
  if ((c = (HsChainMap *)hs_object_alloc (vm, type, sizeof (HsChainMap))) == NULL)
    {
      hs_decref (vm, maps);
      return NULL;
    }
  c->maps = maps;
  hs_gc_track (vm, &c->header);
  return &c->header;
}

static HsObject *
cm_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *maps;
  if (!hs_parse_no_kwargs (vm, "ChainMap", kwnames))
    return NULL;
  maps = hs_list_from_array (vm, args, nargs);
  if (maps != NULL && nargs == 0)
    {
      HsObject *d = hs_dict_new (vm);
      if (d == NULL || hs_list_append_take (vm, maps, d) < 0)
        HS_CLEAR (vm, maps);
    }
  return cm_new_take (vm, type, maps);
}

/* The mapping maps[0]: what writes go to (borrowed), or NULL with CPython's IndexError. */
static HsObject *
first_map (HsVM *vm, HsObject *self)
{
  if (hs_list_len (CM (self)->maps) == 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "list index out of range");
      return NULL;
    }
  return hs_list_get_borrow (CM (self)->maps, 0);
}

/* Each method is a Python frame in CPython (collections/__init__.py): one level against
 * the recursion limit, so ChainMaps nested a million deep end in RecursionError. */
static gboolean
enter (HsVM *vm)
{
  return hs_recursion_enter (vm, "");
}

/* maps[i], owned: a mapping's own code may drop it from the list meanwhile. */
static HsObject *
map_at (HsObject *maps, gsize i)
{
  return hs_incref (hs_list_get_borrow (maps, i));
}

static HsObject *
cm_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *maps, *v = NULL;
  if (!enter (vm))
    return NULL;
  maps = hs_incref (CM (self)->maps);
  for (gsize i = 0; i < hs_list_len (maps); i++)
    {
      HsObject *m = map_at (maps, i);
      v = hs_object_getitem (vm, m, key);
      hs_decref (vm, m);
      if (v != NULL || !hs_err_matches (vm, &hs_exc_KeyError))
        break;
      hs_err_clear (vm);
    }
  if (v == NULL && !hs_err_occurred (vm))
    hs_err_set_key (vm, key);
  hs_decref (vm, maps);
  hs_recursion_leave (vm);
  return v;
}

static int
cm_contains (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *maps;
  int r = 0;
  if (!enter (vm))
    return -1;
  maps = hs_incref (CM (self)->maps);
  for (gsize i = 0; r == 0 && i < hs_list_len (maps); i++)
    {
      HsObject *m = map_at (maps, i);
      r = hs_object_contains (vm, m, key);
      hs_decref (vm, m);
    }
  hs_decref (vm, maps);
  hs_recursion_leave (vm);
  return r;
}

/* The keys in CPython's order: those of the last mapping first, each where it first
 * appears (a dict whose values are None). */
static HsObject *
merged_keys (HsVM *vm, HsObject *self)
{
  HsObject *maps, *d;
  if (!enter (vm))
    return NULL;
  maps = hs_incref (CM (self)->maps);
  d = hs_dict_new (vm);
  for (gsize i = hs_list_len (maps); d != NULL && i-- > 0;)
    {
      HsObject *m = i < hs_list_len (maps) ? map_at (maps, i) : NULL;
      HsObject *it = m != NULL ? hs_object_iter (vm, m) : NULL, *k;
      hs_xdecref (vm, m);
      if (m == NULL)
        continue;
      if (it == NULL)
        {
          HS_CLEAR (vm, d);
          break;
        }
      while ((k = hs_iter_next (vm, it)) != NULL)
        {
          int r = hs_dict_contains (vm, d, k);
          if (r < 0 || (r == 0 && hs_dict_set_item (vm, d, k, hs_None) < 0))
            {
              hs_decref (vm, k);
              break;
            }
          hs_decref (vm, k);
        }
      hs_decref (vm, it);
      if (hs_err_occurred (vm))
        HS_CLEAR (vm, d);
    }
  hs_decref (vm, maps);
  hs_recursion_leave (vm);
  return d;
}

static gssize
cm_len (HsVM *vm, HsObject *self)
{
  HsObject *d = merged_keys (vm, self);
  gssize n;
  if (d == NULL)
    return -1;
  n = (gssize)hs_dict_len (d);
  hs_decref (vm, d);
  return n;
}

static HsObject *
cm_iter (HsVM *vm, HsObject *self)
{
  HsObject *d = merged_keys (vm, self), *it;
  if (d == NULL)
    return NULL;
  it = hs_object_iter (vm, d);
  hs_decref (vm, d);
  return it;
}

static int
cm_truth (HsVM *vm, HsObject *self)
{
  HsObject *maps;
  int t = 0;
  if (!enter (vm))
    return -1;
  maps = hs_incref (CM (self)->maps);
  for (gsize i = 0; t == 0 && i < hs_list_len (maps); i++)
    {
      HsObject *m = map_at (maps, i);
      t = hs_object_truth (vm, m);
      hs_decref (vm, m);
    }
  hs_decref (vm, maps);
  hs_recursion_leave (vm);
  return t;
}

static int
setitem_in_first (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsObject *m = first_map (vm, self), *r;
  if (m == NULL)
    return -1;
  if (value != NULL)
    return hs_object_setitem (vm, m, key, value);
  if (hs_object_delitem (vm, m, key) == 0)
    return 0;
  if (!hs_err_matches (vm, &hs_exc_KeyError))
    return -1;
  hs_err_clear (vm);
  if ((r = hs_object_repr (vm, key)) != NULL)
    {
      HsObject *msg
          = hs_str_from_format (vm, "Key not found in the first mapping: %s", hs_str_utf8 (r));
      if (msg != NULL)
        hs_err_set_key (vm, msg);
      hs_xdecref (vm, msg);
      hs_decref (vm, r);
    }
  return -1;
}

static HsObject *
cm_repr (HsVM *vm, HsObject *self)
{
  GString *out = g_string_new (hs_type_name (self));
  HsObject *maps = CM (self)->maps;

  if (hs_repr_enter (self))
    {
      g_string_free (out, TRUE);
      return hs_str_from_cstr (vm, "...");
    }
  g_string_append_c (out, '(');
  for (gsize i = 0; i < hs_list_len (maps); i++)
    {
      HsObject *r = hs_object_repr (vm, hs_list_get_borrow (maps, i));
      if (r == NULL)
        {
          hs_repr_leave (self);
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  hs_repr_leave (self);
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static int
cm_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  int r;
  if (!enter (vm))
    return -1;
  hs_incref (self);
  r = setitem_in_first (vm, self, key, value);
  hs_decref (vm, self);
  hs_recursion_leave (vm);
  return r;
}

/* first.NAME(*args), one level deeper (maps[0] may be a ChainMap itself). */
static HsObject *
call_on_first (HsVM *vm, HsObject *self, const char *name, HsObject **args, gsize nargs)
{
  HsObject *first = first_map (vm, self), *r = NULL;
  if (first == NULL)
    return NULL;
  if (enter (vm))
    {
      hs_incref (first);
      r = hs_object_call_method (vm, first, name, args, nargs, NULL);
      hs_decref (vm, first);
      hs_recursion_leave (vm);
    }
  return r;
}

/* Mapping.__eq__: dict(self.items()) == dict(other.items()) for another mapping. */
static HsObject *
as_dict (HsVM *vm, HsObject *o)
{
  HsObject *d, *keys, *k;
  gsize pos = 0;
  if (hs_dict_check (o))
    return hs_dict_copy (vm, o);
  if ((keys = merged_keys (vm, o)) == NULL || (d = hs_dict_new (vm)) == NULL)
    {
      hs_xdecref (vm, keys);
      return NULL;
    }
  while (hs_dict_next (keys, &pos, &k, NULL))
    {
      HsObject *v = cm_getitem (vm, o, k);
      if (v == NULL || hs_dict_set_item (vm, d, k, v) < 0)
        {
          hs_xdecref (vm, v);
          HS_CLEAR (vm, d);
          break;
        }
      hs_decref (vm, v);
    }
  hs_decref (vm, keys);
  return d;
}

static HsObject *
cm_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *x, *y, *r = NULL;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE)
      || !(HS_ISINSTANCE (b, &hs_chainmap_type) || hs_dict_check (b)))
    return hs_incref (hs_NotImplemented);
  x = as_dict (vm, a);
  y = x != NULL ? as_dict (vm, b) : NULL;
  if (y != NULL)
    r = hs_object_richcompare (vm, x, y, op);
  hs_xdecref (vm, x);
  hs_xdecref (vm, y);
  return r;
}

static HsObject *
cm_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "maps"))
    return hs_incref (CM (self)->maps);
  if (hs_str_equal_cstr (name, "parents"))
    {
      HsObject *maps = CM (self)->maps;
      gsize n = hs_list_len (maps);
      return cm_new_take (vm, HS_TYPE (self),
                          hs_list_from_array (vm, hs_list_items (maps) + (n > 0), n - (n > 0)));
    }
  return hs_object_generic_getattr (vm, self, name);
}

static int
cm_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  if (hs_str_equal_cstr (name, "maps") && value != NULL)
    {
      HsObject *old = CM (self)->maps;
      CM (self)->maps = hs_incref (value);
      hs_object_mark_dirty (vm, self);
      hs_decref (vm, old);
      return 0;
    }
  hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                 hs_type_name (self), hs_str_utf8 (name));
  return -1;
}

/* ---- methods ----------------------------------------------------------------------- */

static HsObject *
cm_m_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = hs_None;
  int in;
  if (!hs_parse_args (vm, "get", args + 1, nargs - 1, kwnames, "@key|default", &key, &dflt))
    return NULL;
  if ((in = cm_contains (vm, args[0], key)) < 0)
    return NULL;
  return in ? cm_getitem (vm, args[0], key) : hs_incref (dflt);
}

static HsObject *
cm_m_new_child (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsObject *m = hs_None, *maps;
  if (!hs_parse_args (vm, "new_child", args + 1, nargs - 1, NULL, "@|m", &m))
    return NULL;
  for (gsize k = 0; k < nkw; k++)
    if (nargs == 1 && hs_str_equal_cstr (hs_tuple_get_borrow (kwnames, k), "m"))
      m = args[nargs + k];
  m = m == hs_None ? hs_dict_new (vm) : hs_incref (m);
  for (gsize k = 0; m != NULL && k < nkw; k++)
    if (m != args[nargs + k]
        && hs_object_setitem (vm, m, hs_tuple_get_borrow (kwnames, k), args[nargs + k]) < 0)
      HS_CLEAR (vm, m);
  if (m == NULL || (maps = hs_list_new (vm, 0)) == NULL)
    {
      hs_xdecref (vm, m);
      return NULL;
    }
  if (hs_list_append_take (vm, maps, m) < 0 || hs_list_extend (vm, maps, CM (args[0])->maps) < 0)
    HS_CLEAR (vm, maps);
  return cm_new_take (vm, HS_TYPE (args[0]), maps);
}

static HsObject *
cm_m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *maps, *copy, *list;
  gsize n;
  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if ((copy = call_on_first (vm, args[0], "copy", NULL, 0)) == NULL)
    return NULL;
  /* self.__class__(self.maps[0].copy(), *self.maps[1:]): the rest read after the copy */
  maps = CM (args[0])->maps;
  n = hs_list_len (maps);
  list = hs_list_from_array (vm, &copy, 1);
  hs_decref (vm, copy);
  for (gsize i = 1; list != NULL && i < n; i++)
    if (hs_list_append (vm, list, hs_list_get_borrow (maps, i)) < 0)
      HS_CLEAR (vm, list);
  return cm_new_take (vm, HS_TYPE (args[0]), list);
}

/* KeyError(f'Key not found in the first mapping: {key!r}') or the no-keys message */
static void
first_map_key_error (HsVM *vm, HsObject *key)
{
  HsObject *r, *msg;
  hs_err_clear (vm);
  if (key == NULL)
    {
      msg = hs_str_from_cstr (vm, "No keys found in the first mapping.");
      hs_err_set_key (vm, msg);
      hs_decref (vm, msg);
      return;
    }
  if ((r = hs_object_repr (vm, key)) == NULL)
    return;
  msg = hs_str_from_format (vm, "Key not found in the first mapping: %s", hs_str_utf8 (r));
  hs_decref (vm, r);
  if (msg != NULL)
    hs_err_set_key (vm, msg);
  hs_xdecref (vm, msg);
}

static HsObject *
cm_m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = NULL, *r;
  if (!hs_parse_args (vm, "pop", args + 1, nargs - 1, kwnames, "@key|default", &key, &dflt))
    return NULL;
  {
    HsObject *pargs[2] = { key, dflt };
    r = call_on_first (vm, args[0], "pop", pargs, dflt != NULL ? 2 : 1);
  }
  if (r == NULL && hs_err_matches (vm, &hs_exc_KeyError))
    first_map_key_error (vm, key);
  return r;
}

static HsObject *
cm_m_popitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *r;
  if (!hs_parse_args (vm, "popitem", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  r = call_on_first (vm, args[0], "popitem", NULL, 0);
  if (r == NULL && hs_err_matches (vm, &hs_exc_KeyError))
    first_map_key_error (vm, NULL);
  return r;
}

static HsObject *
cm_m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "clear", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return call_on_first (vm, args[0], "clear", NULL, 0);
}

static HsObject *
cm_m_fromkeys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *value = hs_None, *d, *fromkeys, *maps;
  if (!hs_parse_args (vm, "fromkeys", args + 1, nargs - 1, kwnames, "@iterable|value", &iterable,
                      &value))
    return NULL;
  fromkeys = hs_object_getattr_cstr (vm, (HsObject *)&hs_dict_type, "fromkeys");
  {
    HsObject *fargs[2] = { iterable, value };
    d = fromkeys != NULL ? hs_object_call (vm, fromkeys, fargs, 2, NULL) : NULL;
  }
  hs_xdecref (vm, fromkeys);
  if (d == NULL)
    return NULL;
  maps = hs_list_from_array (vm, &d, 1);
  hs_decref (vm, d);
  return cm_new_take (vm, (HsType *)args[0], maps);
}

/* keys(), values() and items(): views over the ChainMap (hs-mappingview.c). */
static HsObject *
view_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, HsMappingViewKind kind)
{
  static const char *const names[] = { "keys", "values", "items" };
  if (!hs_parse_args (vm, names[kind], args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return hs_mapping_view_new (vm, args[0], kind);
}

static HsObject *
cm_m_keys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return view_new (vm, args, nargs, kwnames, HS_MAPPING_VIEW_KEYS);
}

static HsObject *
cm_m_values (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return view_new (vm, args, nargs, kwnames, HS_MAPPING_VIEW_VALUES);
}

static HsObject *
cm_m_items (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return view_new (vm, args, nargs, kwnames, HS_MAPPING_VIEW_ITEMS);
}

static const HsMethodDef cm_methods[] = {
  { "get", cm_m_get },
  { "new_child", cm_m_new_child },
  { "copy", cm_m_copy },
  { "__copy__", cm_m_copy },
  { "pop", cm_m_pop },
  { "popitem", cm_m_popitem },
  { "clear", cm_m_clear },
  { "keys", cm_m_keys },
  { "values", cm_m_values },
  { "items", cm_m_items },
  { "fromkeys", cm_m_fromkeys, HS_METH_CLASS },
  { NULL, NULL },
};

HsType hs_chainmap_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "ChainMap",
  .module = "collections",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsChainMap),
  .dealloc = cm_dealloc,
  .refs = cm_refs,
  .clear = cm_dealloc,
  .repr = cm_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = cm_richcompare,
  .truth = cm_truth,
  .len = cm_len,
  .getitem = cm_getitem,
  .setitem = cm_setitem,
  .contains = cm_contains,
  .iter = cm_iter,
  .getattr = cm_getattr,
  .setattr = cm_setattr,
  .construct = cm_construct,
  .methods = cm_methods,
};

void
hs_chainmap_runtime_init (void)
{
  hs_type_ready (&hs_chainmap_type);
  hs_mapping_view_runtime_init ();
}
