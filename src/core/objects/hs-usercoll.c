/* hs-usercoll.c — collections.UserDict, and what the three User classes share (see
 * hs-usercoll.h). */
#include "config.h"

#include "hs-usercoll.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-mappingview.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- shared ---------------------------------------------------------------------------- */

void
hs_usercoll_descrs_init (const HsMethodDef *defs, HsObject **descrs, gsize n)
{
  for (gsize i = 0; i < n; i++)
    descrs[i] = hs_method_descr_new (&defs[i], &hs_object_type);
}

HsObject *
hs_usercoll_class_new (HsVM *vm, const char *name, const HsMethodDef *defs, HsObject **descrs,
                       gsize n)
{
  HsObject *ns = hs_dict_new (vm), *cls = NULL;
  if (ns == NULL
      || hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"),
                           hs_str_intern_cstr ("collections"))
             < 0)
    goto out;
  for (gsize i = 0; i < n; i++)
    if (hs_dict_set_item (vm, ns, hs_str_intern_cstr (defs[i].name), descrs[i]) < 0)
      goto out;
  cls = hs_class_new (vm, &hs_type_type, hs_str_intern_cstr (name), NULL, 0, ns, NULL, NULL);
  if (cls != NULL)
    ((HsType *)cls)->module = "collections";
out:
  hs_xdecref (vm, ns);
  return cls;
}

HsObject *
hs_usercoll_data (HsVM *vm, HsObject *self)
{
  return hs_object_getattr_cstr (vm, self, "data");
}

gboolean
hs_usercoll_is (HsObject *o, const char *name)
{
  const HsType *m;
  for (gsize i = 0; (m = hs_type_mro_at (o->type, i)) != NULL; i++)
    if (m->module != NULL && strcmp (m->module, "collections") == 0 && strcmp (m->name, name) == 0)
      return TRUE;
  return FALSE;
}

HsObject *
hs_usercoll_new_like (HsVM *vm, HsObject *self, HsObject *arg)
{
  if (arg == NULL)
    return NULL;
  HsObject *r = hs_object_call (vm, (HsObject *)self->type, &arg, 1, NULL);
  hs_decref (vm, arg);
  return r;
}

HsObject *
hs_usercoll_copy_with (HsVM *vm, HsObject *self, HsObject *data)
{
  HsObject *c = data != NULL ? hs_instance_new_empty (vm, (HsObject *)self->type) : NULL;
  HsObject *k, *v, *data_name = hs_str_intern_cstr ("data");
  gsize pos = 0;
  while (c != NULL && hs_instance_next_attr (self, &pos, &k, &v))
    if (hs_instance_set_attr (vm, c, k, hs_str_equal (k, data_name) ? data : v) < 0)
      HS_CLEAR (vm, c);
  if (c != NULL && hs_instance_attr_borrow (c, data_name) == NULL
      && hs_instance_set_attr (vm, c, data_name, data) < 0)
    HS_CLEAR (vm, c);
  hs_xdecref (vm, data);
  return c;
}

HsObject *
hs_usercoll_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__len__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  gssize n = data != NULL ? hs_object_len (vm, data) : -1;
  hs_xdecref (vm, data);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

HsObject *
hs_usercoll_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__repr__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  HsObject *r = data != NULL ? hs_object_repr (vm, data) : NULL;
  hs_xdecref (vm, data);
  return r;
}

/* ---- UserDict ---------------------------------------------------------------------------- */

/* self.update(other) as MutableMapping.update: a mapping's keys, else (key, value) pairs,
 * each stored through self[key] = value. */
static int
update_from (HsVM *vm, HsObject *self, HsObject *other)
{
  HsObject *keys_fn = hs_object_getattr_cstr (vm, other, "keys");
  if (keys_fn == NULL && !hs_err_matches (vm, &hs_exc_AttributeError))
    return -1;
  hs_err_clear (vm);
  HsObject *it = NULL, *item;
  if (keys_fn != NULL)
    {
      HsObject *keys = hs_object_call (vm, keys_fn, NULL, 0, NULL);
      hs_decref (vm, keys_fn);
      it = keys != NULL ? hs_object_iter (vm, keys) : NULL;
      hs_xdecref (vm, keys);
    }
  else
    it = hs_object_iter (vm, other);
  if (it == NULL)
    return -1;
  int rc = 0;
  while (rc == 0 && (item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *k = item, *v = NULL;
      if (keys_fn != NULL)
        v = hs_object_getitem (vm, other, item);
      else
        {
          HsObject *kv[2] = { NULL, NULL };
          hs_unpack_sequence (vm, item, 2, kv);
          k = kv[0];
          v = kv[1];
          hs_decref (vm, item);
        }
      rc = k != NULL && v != NULL ? hs_object_setitem (vm, self, k, v) : -1;
      hs_xdecref (vm, k);
      hs_xdecref (vm, v);
    }
  hs_decref (vm, it);
  return rc < 0 || hs_err_occurred (vm) ? -1 : 0;
}

/* the **kwargs of a call: a new dict of the keyword arguments after args[nargs] */
static HsObject *
kwargs_dict (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *d = hs_dict_new (vm);
  for (gsize i = 0; d != NULL && kwnames != NULL && i < hs_tuple_len (kwnames); i++)
    if (hs_dict_set_item (vm, d, hs_tuple_get_borrow (kwnames, i), args[nargs + i]) < 0)
      HS_CLEAR (vm, d);
  return d;
}

/* f(self, other=(), /, **kwargs)'s positional arguments: at most `max` after self. */
static gboolean
check_positional (HsVM *vm, const char *fname, gsize nargs, gsize max)
{
  if (nargs <= max + 1)
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError,
                 "%s() takes from 1 to %" G_GSIZE_FORMAT
                 " positional arguments but %" G_GSIZE_FORMAT " were given",
                 fname, max + 1, nargs);
  return FALSE;
}

int
hs_usercoll_update_all (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 1 && args[1] != hs_None && update_from (vm, args[0], args[1]) < 0)
    return -1;
  if (kwnames == NULL || hs_tuple_len (kwnames) == 0)
    return 0;
  HsObject *kw = kwargs_dict (vm, args, nargs, kwnames);
  int rc = kw != NULL ? update_from (vm, args[0], kw) : -1;
  hs_xdecref (vm, kw);
  return rc;
}

static HsObject *
ud_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!check_positional (vm, "UserDict.__init__", nargs, 1))
    return NULL;
  HsObject *d = hs_dict_new (vm);
  int rc = d != NULL ? hs_object_setattr (vm, args[0], hs_str_intern_cstr ("data"), d) : -1;
  hs_xdecref (vm, d);
  return rc < 0 || hs_usercoll_update_all (vm, args, nargs, kwnames) < 0 ? NULL
                                                                         : hs_incref (hs_None);
}

static HsObject *
ud_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!check_positional (vm, "MutableMapping.update", nargs, 1))
    return NULL;
  if (nargs > 1 && args[1] == hs_None)
    {
      /* CPython's update(None) iterates None */
      hs_err_set_string (vm, &hs_exc_TypeError, "'NoneType' object is not iterable");
      return NULL;
    }
  return hs_usercoll_update_all (vm, args, nargs, kwnames) < 0 ? NULL : hs_incref (hs_None);
}

/* A method that works on self.data: fn(vm, data, args) with self's data borrowed. */
typedef HsObject *(*DataFn) (HsVM *vm, HsObject *self, HsObject *data, HsObject **args);

static HsObject *
with_data (HsVM *vm, const char *fname, const char *spec, HsObject **args, gsize nargs,
           HsObject *kwnames, DataFn fn)
{
  HsObject *a[2] = { NULL, NULL };
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, spec, &a[0], &a[1]))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  HsObject *r = data != NULL ? fn (vm, args[0], data, a) : NULL;
  hs_xdecref (vm, data);
  return r;
}

/* data[key], else type(self).__missing__(self, key), else KeyError(key) */
static HsObject *
getitem_fn (HsVM *vm, HsObject *self, HsObject *data, HsObject **a)
{
  int in = hs_object_contains (vm, data, a[0]);
  if (in < 0)
    return NULL;
  if (in)
    return hs_object_getitem (vm, data, a[0]);
  HsObject *missing = hs_type_lookup_borrow (self->type, hs_str_intern_cstr ("__missing__"));
  if (missing != NULL)
    {
      HsObject *call[2] = { self, a[0] };
      return hs_object_call (vm, missing, call, 2, NULL);
    }
  hs_err_set_key (vm, a[0]);
  return NULL;
}

static HsObject *
ud_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return with_data (vm, "UserDict.__getitem__", "@key", args, nargs, kwnames, getitem_fn);
}

static HsObject *
setitem_fn (HsVM *vm, HsObject *self, HsObject *data, HsObject **a)
{
  (void)self;
  return hs_object_setitem (vm, data, a[0], a[1]) < 0 ? NULL : hs_incref (hs_None);
}

static HsObject *
ud_setitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return with_data (vm, "UserDict.__setitem__", "@key item", args, nargs, kwnames, setitem_fn);
}

static HsObject *
delitem_fn (HsVM *vm, HsObject *self, HsObject *data, HsObject **a)
{
  (void)self;
  return hs_object_delitem (vm, data, a[0]) < 0 ? NULL : hs_incref (hs_None);
}

static HsObject *
ud_delitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return with_data (vm, "UserDict.__delitem__", "@key", args, nargs, kwnames, delitem_fn);
}

static HsObject *
iter_fn (HsVM *vm, HsObject *self, HsObject *data, HsObject **a)
{
  (void)self;
  (void)a;
  return hs_object_iter (vm, data);
}

static HsObject *
ud_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return with_data (vm, "UserDict.__iter__", "@", args, nargs, kwnames, iter_fn);
}

static HsObject *
contains_fn (HsVM *vm, HsObject *self, HsObject *data, HsObject **a)
{
  (void)self;
  int in = hs_object_contains (vm, data, a[0]);
  return in < 0 ? NULL : hs_bool_from (in);
}

static HsObject *
ud_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return with_data (vm, "UserDict.__contains__", "@key", args, nargs, kwnames, contains_fn);
}

/* self[key], or NULL with the KeyError cleared (*missing set) or another error */
static HsObject *
try_getitem (HsVM *vm, HsObject *self, HsObject *key, gboolean *missing)
{
  HsObject *v = hs_object_getitem (vm, self, key);
  *missing = v == NULL && hs_err_matches (vm, &hs_exc_KeyError);
  if (*missing)
    hs_err_clear (vm);
  return v;
}

/* get(key, default=None): Mapping.get, self[key] through the instance's own __getitem__
 * (a __missing__ answers) */
static HsObject *
ud_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = hs_None;
  gboolean missing;
  if (!hs_parse_args (vm, "Mapping.get", args + 1, nargs - 1, kwnames, "@key | default", &key,
                      &dflt))
    return NULL;
  HsObject *v = try_getitem (vm, args[0], key, &missing);
  return missing ? hs_incref (dflt) : v;
}

static HsObject *
ud_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = NULL;
  gboolean missing;
  if (!hs_parse_args (vm, "MutableMapping.pop", args + 1, nargs - 1, kwnames, "@key | default",
                      &key, &dflt))
    return NULL;
  HsObject *v = try_getitem (vm, args[0], key, &missing);
  if (missing && dflt != NULL)
    return hs_incref (dflt);
  if (missing)
    hs_err_set_key (vm, key);
  if (v != NULL && hs_object_delitem (vm, args[0], key) < 0)
    HS_CLEAR (vm, v);
  return v;
}

static HsObject *
ud_setdefault (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *dflt = hs_None;
  gboolean missing;
  if (!hs_parse_args (vm, "MutableMapping.setdefault", args + 1, nargs - 1, kwnames,
                      "@key | default", &key, &dflt))
    return NULL;
  HsObject *v = try_getitem (vm, args[0], key, &missing);
  if (!missing)
    return v;
  return hs_object_setitem (vm, args[0], key, dflt) < 0 ? NULL : hs_incref (dflt);
}

/* popitem(): the first key of iter(self), its value, deleted through del self[key];
 * KeyError() when empty */
static HsObject *
popitem_of (HsVM *vm, HsObject *self)
{
  HsObject *it = hs_object_iter (vm, self);
  HsObject *key = it != NULL ? hs_iter_next (vm, it) : NULL;
  hs_xdecref (vm, it);
  if (key == NULL)
    {
      if (!hs_err_occurred (vm))
        hs_err_set_value (vm, &hs_exc_KeyError, NULL);
      return NULL;
    }
  HsObject *v = hs_object_getitem (vm, self, key);
  HsObject *r
      = v != NULL && hs_object_delitem (vm, self, key) == 0 ? hs_tuple_pack (vm, 2, key, v) : NULL;
  hs_decref (vm, key);
  hs_xdecref (vm, v);
  return r;
}

static HsObject *
ud_popitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "MutableMapping.popitem", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return popitem_of (vm, args[0]);
}

static HsObject *
ud_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "MutableMapping.clear", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  HsObject *r;
  while ((r = popitem_of (vm, args[0])) != NULL)
    hs_decref (vm, r);
  if (!hs_err_matches (vm, &hs_exc_KeyError))
    return NULL;
  hs_err_clear (vm);
  return hs_incref (hs_None);
}

static HsObject *
view (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
      HsMappingViewKind kind)
{
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return hs_mapping_view_new (vm, args[0], kind);
}

static HsObject *
ud_keys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return view (vm, "Mapping.keys", args, nargs, kwnames, HS_MAPPING_VIEW_KEYS);
}

static HsObject *
ud_values (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return view (vm, "Mapping.values", args, nargs, kwnames, HS_MAPPING_VIEW_VALUES);
}

static HsObject *
ud_items (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return view (vm, "Mapping.items", args, nargs, kwnames, HS_MAPPING_VIEW_ITEMS);
}

/* The dict that Mapping.__eq__ and the | operators see of a mapping operand: a UserDict's
 * data, a dict itself (new references); NULL without an error for anything else. */
static HsObject *
mapping_operand (HsVM *vm, HsObject *o)
{
  if (hs_usercoll_is (o, "UserDict"))
    return hs_usercoll_data (vm, o);
  return hs_dict_check (o) ? hs_incref (o) : NULL;
}

static HsObject *
ud_eq (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, "Mapping.__eq__", args + 1, nargs - 1, kwnames, "@other", &other))
    return NULL;
  HsObject *b = mapping_operand (vm, other);
  if (b == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  HsObject *a = hs_usercoll_data (vm, args[0]);
  HsObject *r = a != NULL ? hs_object_richcompare (vm, a, b, HS_CMP_EQ) : NULL;
  hs_xdecref (vm, a);
  hs_decref (vm, b);
  return r;
}

/* self | other, other | self (reflected) and self |= other */
static HsObject *
or_common (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
           gboolean reflected, gboolean inplace)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "@other", &other))
    return NULL;
  HsObject *b = mapping_operand (vm, other);
  if (b == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  HsObject *a = hs_usercoll_data (vm, args[0]), *r = NULL;
  if (a != NULL && inplace)
    {
      HsObject *u = hs_number_inplace (vm, HS_BIN_OR, a, b);
      r = u != NULL ? hs_incref (args[0]) : NULL;
      hs_xdecref (vm, u);
    }
  else if (a != NULL)
    r = hs_usercoll_new_like (
        vm, args[0], hs_number_binop (vm, HS_BIN_OR, reflected ? b : a, reflected ? a : b));
  hs_xdecref (vm, a);
  hs_decref (vm, b);
  return r;
}

static HsObject *
ud_or (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return or_common (vm, "UserDict.__or__", args, nargs, kwnames, FALSE, FALSE);
}

static HsObject *
ud_ror (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return or_common (vm, "UserDict.__ror__", args, nargs, kwnames, TRUE, FALSE);
}

static HsObject *
ud_ior (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return or_common (vm, "UserDict.__ior__", args, nargs, kwnames, FALSE, TRUE);
}

static HsObject *
copy_fn (HsVM *vm, HsObject *self, HsObject *data, HsObject **a)
{
  (void)a;
  return hs_usercoll_copy_with (vm, self, hs_dict_copy (vm, data));
}

static HsObject *
ud_dunder_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return with_data (vm, "UserDict.__copy__", "@", args, nargs, kwnames, copy_fn);
}

/* copy(): a UserDict of a copy of data; for a subclass, a copy of the instance with empty
 * data then update(self), as CPython's */
static HsObject *
ud_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "UserDict.copy", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  HsObject *self = args[0];
  if (strcmp (self->type->name, "UserDict") == 0 && hs_usercoll_is (self, "UserDict"))
    {
      HsObject *data = hs_usercoll_data (vm, self);
      HsObject *r = data != NULL ? hs_usercoll_new_like (vm, self, hs_dict_copy (vm, data)) : NULL;
      hs_xdecref (vm, data);
      return r;
    }
  HsObject *c = hs_usercoll_copy_with (vm, self, hs_dict_new (vm));
  if (c != NULL && update_from (vm, c, self) < 0)
    HS_CLEAR (vm, c);
  return c;
}

static HsObject *
ud_fromkeys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *value = hs_None;
  if (!hs_parse_args (vm, "UserDict.fromkeys", args + 1, nargs - 1, kwnames, "@iterable | value",
                      &iterable, &value))
    return NULL;
  HsObject *d = hs_object_call (vm, args[0], NULL, 0, NULL);
  HsObject *it = d != NULL ? hs_object_iter (vm, iterable) : NULL, *k;
  if (it == NULL)
    HS_CLEAR (vm, d);
  while (d != NULL && (k = hs_iter_next (vm, it)) != NULL)
    {
      if (hs_object_setitem (vm, d, k, value) < 0)
        HS_CLEAR (vm, d);
      hs_decref (vm, k);
    }
  if (d != NULL && hs_err_occurred (vm))
    HS_CLEAR (vm, d);
  hs_xdecref (vm, it);
  return d;
}

static const HsMethodDef userdict_methods[] = {
  { "__init__", ud_init },
  { "__len__", hs_usercoll_len },
  { "__getitem__", ud_getitem },
  { "__setitem__", ud_setitem },
  { "__delitem__", ud_delitem },
  { "__iter__", ud_iter },
  { "__contains__", ud_contains },
  { "__repr__", hs_usercoll_repr },
  { "__eq__", ud_eq },
  { "__or__", ud_or },
  { "__ror__", ud_ror },
  { "__ior__", ud_ior },
  { "__copy__", ud_dunder_copy },
  { "get", ud_get },
  { "pop", ud_pop },
  { "popitem", ud_popitem },
  { "clear", ud_clear },
  { "update", ud_update },
  { "setdefault", ud_setdefault },
  { "keys", ud_keys },
  { "items", ud_items },
  { "values", ud_values },
  { "copy", ud_copy },
  { "fromkeys", ud_fromkeys, HS_METH_CLASS },
};

static HsObject *userdict_descrs[G_N_ELEMENTS (userdict_methods)];

HsObject *
hs_userdict_class_new (HsVM *vm)
{
  return hs_usercoll_class_new (vm, "UserDict", userdict_methods, userdict_descrs,
                                G_N_ELEMENTS (userdict_methods));
}

void
hs_usercoll_runtime_init (void)
{
  hs_mapping_view_runtime_init ();
  hs_usercoll_descrs_init (userdict_methods, userdict_descrs, G_N_ELEMENTS (userdict_methods));
  hs_userseq_runtime_init ();
}
