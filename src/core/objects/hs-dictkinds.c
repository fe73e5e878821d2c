/* hs-dictkinds.c — the dicts of collections: defaultdict, Counter and OrderedDict.
 *
 * Invariant: each is a dict (an HsDict at the start of the object, so every dict method
 * and the trace see its entries) with its type's behaviour on top: a defaultdict owns its
 * default factory (None or a callable, visited after the entries) and stores factory() for
 * a missing key; a Counter reads a missing key as 0 without storing it and orders its repr
 * by count; an OrderedDict keeps the dict's insertion order, which move_to_end and
 * popitem change, and compares its order with another OrderedDict. Their messages,
 * reprs and arithmetic are CPython 3.11's.
 */
#include "config.h"

#include "hs-dictkinds.h"

#include "hs-builtin-subclass.h"
#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-reduce.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-usercoll.h"
#include "hs-weakref.h"

typedef struct
{
  HsDict dict;
  HsObject *factory; /* defaultdict only: owned, None or callable */
} HsDefaultDict;

#define DD(o) ((HsDefaultDict *)(o))

/* ---- shared ---------------------------------------------------------------------- */

/* An object of a learner's class derived from one of these (not HS_IS its kind) goes
 * through its class as CPython's does: its __missing__ and __setitem__, its methods a
 * Counter's Python code calls, a copy that calls the class. */

/* "Name(inner)" where inner is repr(obj) (NULL: nothing). */
static HsObject *
wrap_repr (HsVM *vm, HsObject *self, const char *prefix, HsObject *obj)
{
  HsObject *r = obj != NULL ? hs_object_repr (vm, obj) : NULL;
  HsObject *s;
  if (obj != NULL && r == NULL)
    return NULL;
  s = hs_str_from_format (vm, "%s(%s%s)", self->type->name, prefix, r ? hs_str_utf8 (r) : "");
  hs_xdecref (vm, r);
  return s;
}

/* The (key, value) pairs of d, in order, as a new list of tuples. */
static HsObject *
item_list (HsVM *vm, HsObject *d)
{
  HsObject *list = hs_list_new (vm, hs_dict_len (d)), *k, *v;
  gsize pos = 0;
  while (list != NULL && hs_dict_next (d, &pos, &k, &v))
    if (hs_list_append_take (vm, list, hs_tuple_pack (vm, 2, k, v)) < 0)
      HS_CLEAR (vm, list);
  return list;
}

/* list(obj.items()), each checked to be a (key, value) pair: a derived class's items() */
static HsObject *
pairs_of (HsVM *vm, HsObject *obj)
{
  HsObject *items = hs_object_call_method (vm, obj, "items", NULL, 0, NULL);
  HsObject *list = items != NULL ? hs_list_from_iterable (vm, items) : NULL;
  hs_xdecref (vm, items);
  for (gsize i = 0; list != NULL && i < hs_list_len (list); i++)
    {
      HsObject *p = hs_list_get_borrow (list, i);
      if (!HS_IS (p, &hs_tuple_type) || hs_tuple_len (p) != 2)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "items() must give (key, value) pairs");
          HS_CLEAR (vm, list);
        }
    }
  return list;
}

/* (type, args, state, None, iter(items)), what copy and pickle rebuild a dict kind from. */
static HsObject *
reduce_with_items (HsVM *vm, HsObject *self, HsObject *args, HsObject *state)
{
  HsObject *items = item_list (vm, self), *it = NULL, *r = NULL;
  if (items != NULL && (it = hs_object_iter (vm, items)) != NULL)
    r = hs_tuple_pack (vm, 5, (HsObject *)self->type, args, state, hs_None, it);
  hs_xdecref (vm, items);
  hs_xdecref (vm, it);
  return r;
}

/* type(self)(*args) */
static HsObject *
call_class (HsVM *vm, HsObject *self, HsObject **args, gsize nargs)
{
  return hs_object_call (vm, (HsObject *)self->type, args, nargs, NULL);
}

/* copy() of a Counter or an OrderedDict: a dict of the same type with the same items; a
 * derived Counter's is type(self)(self), a derived OrderedDict's type(self)() given
 * self[key] for each key, as CPython's. */
static HsObject *
m_copy_same_type (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *c, *k, *v;
  gsize pos = 0;
  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (!HS_IS (self, &hs_counter_type) && !HS_IS (self, &hs_ordereddict_type))
    {
      if (hs_type_is_subtype (self->type, &hs_counter_type))
        return call_class (vm, self, &self, 1);
      c = call_class (vm, self, NULL, 0);
      while (c != NULL && hs_dict_next (self, &pos, &k, &v))
        {
          HsObject *value = hs_object_getitem (vm, self, k);
          if (value == NULL || hs_object_setitem (vm, c, k, value) < 0)
            HS_CLEAR (vm, c);
          hs_xdecref (vm, value);
        }
      return c;
    }
  c = hs_dict_new_type (vm, self->type);
  if (c != NULL && hs_dict_update (vm, c, self) < 0)
    HS_CLEAR (vm, c);
  return c;
}

/* ---- defaultdict ----------------------------------------------------------------- */

static void
dd_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, DD (self)->factory);
  hs_dict_type.dealloc (vm, self);
}

static void
dd_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_dict_type.refs (self, visit, data);
  if (DD (self)->factory != NULL)
    hs_visit_named (visit, DD (self)->factory, HS_REF_ATTR, "default_factory", data);
}

static void
dd_clear (HsVM *vm, HsObject *self)
{
  hs_dict_type.clear (vm, self);
  HS_CLEAR (vm, DD (self)->factory);
}

static HsObject *
dd_missing (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v;
  if (DD (self)->factory == NULL || DD (self)->factory == hs_None)
    {
      hs_err_set_key (vm, key);
      return NULL;
    }
  v = hs_object_call (vm, DD (self)->factory, NULL, 0, NULL);
  /* self[key] = v: through a derived class's __setitem__, as CPython's defdict_missing */
  if (v != NULL && hs_object_setitem (vm, self, key, v) < 0)
    HS_CLEAR (vm, v);
  return v;
}

/* d[key]; a derived class's own __missing__ answers for a missing key */
static HsObject *
dd_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *v;
  if (!HS_IS (self, &hs_defaultdict_type))
    return hs_dict_type.getitem (vm, self, key);
  v = hs_dict_get_item_borrow (vm, self, key);
  if (v != NULL)
    return hs_incref (v);
  return hs_err_occurred (vm) ? NULL : dd_missing (vm, self, key);
}

static HsObject *
dd_repr (HsVM *vm, HsObject *self)
{
  HsObject *factory = DD (self)->factory ? DD (self)->factory : hs_None;
  HsObject *fr = hs_object_repr (vm, factory), *dr, *r;
  if (fr == NULL)
    return NULL;
  dr = hs_dict_type.repr (vm, self);
  r = dr ? hs_str_from_format (vm, "%s(%s, %s)", self->type->name, hs_str_utf8 (fr),
                               hs_str_utf8 (dr))
         : NULL;
  hs_decref (vm, fr);
  hs_xdecref (vm, dr);
  return r;
}

static HsObject *
dd_new (HsVM *vm, const HsType *type, HsObject *factory)
{
  HsObject *self = hs_dict_new_type (vm, type);
  if (self != NULL)
    DD (self)->factory = hs_incref (factory);
  return self;
}

/* defaultdict.__init__(default_factory=None, /, *args, **kwargs): the factory, then
 * dict's __init__ with the rest. */
static int
dd_init (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *factory = nargs > 0 ? args[0] : hs_None, *old = DD (self)->factory;
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;

  if (factory != hs_None && !hs_object_is_callable (factory))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "first argument must be callable or None");
      return -1;
    }
  DD (self)->factory = hs_incref (factory);
  hs_xdecref (vm, old);
  /* args may be NULL without arguments: no offset on it */
  return hs_dict_init_args (vm, self, self->type->name, nargs > 0 ? args + 1 : args,
                            nargs - (nargs > 0), nkw > 0 ? kwnames : NULL);
}

static HsObject *
dd_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = dd_new (vm, type, hs_None);
  if (self != NULL && dd_init (vm, self, args, nargs, kwnames) < 0)
    HS_CLEAR (vm, self);
  return self;
}

static HsObject *
dd_m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return dd_init (vm, args[0], args + 1, nargs - 1, kwnames) < 0 ? NULL : hs_None;
}

static HsObject *
dd_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "default_factory"))
    return hs_incref (DD (self)->factory ? DD (self)->factory : hs_None);
  return hs_object_generic_getattr (vm, self, name);
}

static int
dd_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *old = DD (self)->factory;
  if (!hs_str_equal_cstr (name, "default_factory"))
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                     hs_type_name (self), hs_str_utf8 (name));
      return -1;
    }
  DD (self)->factory = hs_incref (value != NULL ? value : hs_None);
  hs_object_mark_dirty (vm, self);
  hs_xdecref (vm, old);
  return 0;
}

/* type(self)(self.default_factory, items): a copy of self's factory with the items; a
 * derived class is called, as CPython's new_defdict calls it. */
static HsObject *
dd_copy_of (HsVM *vm, HsObject *self, HsObject *items)
{
  HsObject *factory = DD (self)->factory ? DD (self)->factory : hs_None, *c;
  if (!HS_IS (self, &hs_defaultdict_type))
    {
      HsObject *args[2] = { factory, items };
      return call_class (vm, self, args, 2);
    }
  c = dd_new (vm, self->type, factory);
  if (c != NULL && hs_dict_update (vm, c, items) < 0)
    HS_CLEAR (vm, c);
  return c;
}

static HsObject *
dd_m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "defaultdict.copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return dd_copy_of (vm, args[0], args[0]);
}

static HsObject *
dd_m_missing (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL;
  if (!hs_parse_args (vm, "__missing__", args + 1, nargs - 1, kwnames, "!key", &key))
    return NULL;
  return dd_missing (vm, args[0], key);
}

static HsObject *
dd_m_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *cargs, *r;
  HsObject *factory = DD (self)->factory ? DD (self)->factory : hs_None;
  if (!hs_parse_args (vm, "defaultdict.__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  cargs = factory == hs_None ? hs_incref (hs_tuple_empty ()) : hs_tuple_pack (vm, 1, factory);
  r = cargs ? reduce_with_items (vm, self, cargs, hs_None) : NULL;
  hs_xdecref (vm, cargs);
  return r;
}

/* a | b where either is a defaultdict: a copy of that one's type and factory holding a's
 * items, updated with b's (CPython's defdict_or) */
static HsObject *
dd_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r;
  gboolean left = hs_type_is_subtype (a->type, &hs_defaultdict_type);
  if (op != HS_BIN_OR || !hs_dict_check (left ? b : a))
    return hs_incref (hs_NotImplemented);
  r = dd_copy_of (vm, left ? a : b, a);
  if (r != NULL && hs_dict_update (vm, r, b) < 0)
    HS_CLEAR (vm, r);
  return r;
}

static const HsMethodDef dd_methods[] = {
  { "__init__", dd_m_init },       { "copy", dd_m_copy },         { "__copy__", dd_m_copy },
  { "__missing__", dd_m_missing }, { "__reduce__", dd_m_reduce }, { NULL, NULL },
};

HsType hs_defaultdict_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "defaultdict",
  .module = "collections",
  .tp_name = "collections.defaultdict",
  .base = &hs_dict_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsDefaultDict),
  .dealloc = dd_dealloc,
  .refs = dd_refs,
  .clear = dd_clear,
  .repr = dd_repr,
  .binop = dd_binop,
  .getitem = dd_getitem,
  .getattr = dd_getattr,
  .setattr = dd_setattr,
  .construct = dd_construct,
  .methods = dd_methods,
};

/* ---- Counter --------------------------------------------------------------------- */

static gboolean
is_counter (HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_counter_type);
}

/* c[key]: the count, 0 when missing (new reference). */
static HsObject *
count_of (HsVM *vm, HsObject *c, HsObject *key)
{
  HsObject *v = hs_dict_get_item_borrow (vm, c, key);
  if (v != NULL)
    return hs_incref (v);
  return hs_err_occurred (vm) ? NULL : hs_int_from_i64 (vm, 0);
}

/* c[key]; a derived class's own __missing__ answers for a missing key */
static HsObject *
counter_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  return !HS_IS (self, &hs_counter_type) ? hs_dict_type.getitem (vm, self, key)
                                         : count_of (vm, self, key);
}

/* del c[key] of a missing key does nothing */
static int
counter_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  int present;
  if (value != NULL)
    return hs_dict_set_item (vm, self, key, value);
  present = hs_dict_contains (vm, self, key);
  return present <= 0 ? present : hs_dict_del_item (vm, self, key);
}

/* c[key] = delta + c.get(key, 0) (or c.get(key, 0) - delta), through a derived class's
 * get and __setitem__ as CPython's Counter.update and subtract */
static int
add_count_derived (HsVM *vm, HsObject *c, HsObject *key, HsObject *delta, HsBinOp op)
{
  HsObject *args[2] = { key, hs_int_from_i64 (vm, 0) };
  HsObject *old = args[1] ? hs_object_call_method (vm, c, "get", args, 2, NULL) : NULL, *n;
  int r;
  hs_xdecref (vm, args[1]);
  if (old == NULL)
    return -1;
  n = op == HS_BIN_ADD ? hs_number_binop (vm, op, delta, old)
                       : hs_number_binop (vm, op, old, delta);
  hs_decref (vm, old);
  r = n != NULL ? hs_object_setitem (vm, c, key, n) : -1;
  hs_xdecref (vm, n);
  return r;
}

/* c[key] = c.get(key, 0) + delta (or - delta) */
static int
add_count (HsVM *vm, HsObject *c, HsObject *key, HsObject *delta, HsBinOp op)
{
  HsObject *old, *n;
  int r;
  if (!HS_IS (c, &hs_counter_type))
    return add_count_derived (vm, c, key, delta, op);
  old = hs_dict_get_item_borrow (vm, c, key);
  if (old == NULL && hs_err_occurred (vm))
    return -1;
  if (old == NULL)
    n = op == HS_BIN_ADD ? hs_incref (delta) : hs_number_unaryop (vm, HS_UNARY_NEG, delta);
  else if (hs_int_is_small (old) && hs_int_is_small (delta))
    n = hs_int_from_i64 (vm, op == HS_BIN_ADD
                                 ? hs_int_small_value (old) + hs_int_small_value (delta)
                                 : hs_int_small_value (old) - hs_int_small_value (delta));
  else
    n = hs_number_binop (vm, op, old, delta);
  if (n == NULL)
    return -1;
  r = hs_dict_set_item (vm, c, key, n);
  hs_decref (vm, n);
  return r;
}

/* Counter.update / subtract: from a mapping (its counts) or an iterable (one each). */
static int
count_from (HsVM *vm, HsObject *self, HsObject *iterable, HsBinOp op)
{
  HsObject *k, *v, *it, *item, *one;
  gsize pos = 0;
  int r = 0;

  if (hs_dict_check (iterable))
    {
      if (op == HS_BIN_ADD && hs_dict_len (self) == 0)
        return hs_dict_update (vm, self, iterable);
      while (r == 0 && hs_dict_next (iterable, &pos, &k, &v))
        r = add_count (vm, self, k, v, op);
      return r;
    }
  if ((it = hs_object_iter (vm, iterable)) == NULL)
    return -1;
  one = hs_int_from_i64 (vm, 1);
  while (r == 0 && (item = hs_iter_next (vm, it)) != NULL)
    {
      r = add_count (vm, self, item, one, op);
      hs_decref (vm, item);
    }
  hs_decref (vm, it);
  return r == 0 && !hs_err_occurred (vm) ? 0 : -1;
}

/* update(iterable=None, /, **kwds) and subtract(...) */
static int
count_args (HsVM *vm, HsObject *self, const char *name, HsObject **args, gsize nargs,
            HsObject *kwnames, HsBinOp op)
{
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  int r = 0;

  if (nargs > 1)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s expected at most 1 argument, got %" G_GSIZE_FORMAT,
                     name, nargs);
      return -1;
    }
  if (nargs == 1 && args[0] != hs_None)
    r = count_from (vm, self, args[0], op);
  if (r == 0 && nkw > 0)
    {
      /* CPython's self.update(kwds) (self.subtract(kwds)): a derived class's own */
      HsObject *kwds = hs_dict_new (vm), *res = NULL;
      for (gsize k = 0; kwds != NULL && k < nkw; k++)
        if (hs_dict_set_item (vm, kwds, hs_tuple_get_borrow (kwnames, k), args[nargs + k]) < 0)
          HS_CLEAR (vm, kwds);
      if (kwds != NULL && HS_IS (self, &hs_counter_type))
        r = count_from (vm, self, kwds, op);
      else if (kwds != NULL)
        {
          res = hs_object_call_method (vm, self, op == HS_BIN_ADD ? "update" : "subtract", &kwds, 1,
                                       NULL);
          r = res != NULL ? 0 : -1;
        }
      else
        r = -1;
      hs_xdecref (vm, res);
      hs_xdecref (vm, kwds);
    }
  return r;
}

/* Counter.__init__(iterable=None, /, **kwds): self.update(iterable, **kwds), a derived
 * class's own update if it has one. */
static HsObject *
c_m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (HS_IS (args[0], &hs_counter_type))
    return count_args (vm, args[0], "update", args + 1, nargs - 1, kwnames, HS_BIN_ADD) < 0
               ? NULL
               : hs_None;
  return hs_object_call_method (vm, args[0], "update", args + 1, nargs - 1, kwnames);
}

static HsObject *
counter_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = hs_dict_new_type (vm, type);
  if (self != NULL && count_args (vm, self, "Counter", args, nargs, kwnames, HS_BIN_ADD) < 0)
    HS_CLEAR (vm, self);
  return self;
}

typedef struct
{
  HsVM *vm;
  gboolean failed;
} SortState;

/* larger counts first; a failed comparison is remembered */
static gint
by_count_desc (gconstpointer a, gconstpointer b, gpointer data)
{
  SortState *st = data;
  HsObject *va = hs_tuple_get_borrow (*(HsObject *const *)a, 1);
  HsObject *vb = hs_tuple_get_borrow (*(HsObject *const *)b, 1);
  int lt;
  if (st->failed)
    return 0;
  if (hs_int_is_small (va) && hs_int_is_small (vb))
    return hs_int_small_value (va) < hs_int_small_value (vb)   ? 1
           : hs_int_small_value (va) > hs_int_small_value (vb) ? -1
                                                               : 0;
  if ((lt = hs_object_richcompare_bool (st->vm, va, vb, HS_CMP_LT)) < 0)
    {
      st->failed = TRUE;
      return 0;
    }
  if (lt)
    return 1;
  if ((lt = hs_object_richcompare_bool (st->vm, vb, va, HS_CMP_LT)) < 0)
    {
      st->failed = TRUE;
      return 0;
    }
  return lt ? -1 : 0;
}

/* The (elem, count) pairs, most common first, ties in insertion order (a stable sort). */
static HsObject *
most_common (HsVM *vm, HsObject *self, gssize n)
{
  /* a derived class's items(), as CPython's sorted(self.items(), ...) */
  HsObject *list = HS_IS (self, &hs_counter_type) ? item_list (vm, self) : pairs_of (vm, self);
  SortState st = { vm, FALSE };

  if (list == NULL)
    return NULL;
  /* a stable sort (GLib >= 2.32), as CPython's sorted(..., reverse=True) */
  g_qsort_with_data (hs_list_items (list), (gint)hs_list_len (list), sizeof (HsObject *),
                     by_count_desc, &st);
  if (st.failed)
    {
      hs_decref (vm, list);
      return NULL;
    }
  if (n >= 0 && (gsize)n < hs_list_len (list))
    {
      HsObject *head = hs_list_from_array (vm, hs_list_items (list), (gsize)n);
      hs_decref (vm, list);
      return head;
    }
  return list;
}

/* "Counter({...})" in most_common() order (a derived class's own most_common) */
static HsObject *
counter_repr (HsVM *vm, HsObject *self)
{
  HsObject *pairs, *d, *r;
  if (hs_dict_len (self) == 0)
    return wrap_repr (vm, self, "", NULL);
  pairs = !HS_IS (self, &hs_counter_type)
              ? hs_object_call_method (vm, self, "most_common", NULL, 0, NULL)
              : most_common (vm, self, -1);
  if (pairs == NULL && !hs_err_matches (vm, &hs_exc_TypeError))
    return NULL;
  if (pairs == NULL)
    {
      hs_err_clear (vm);
      d = hs_dict_copy (vm, self);
    }
  else
    {
      d = hs_dict_new (vm);
      if (d != NULL && hs_dict_update (vm, d, pairs) < 0)
        HS_CLEAR (vm, d);
      hs_decref (vm, pairs);
    }
  if (d == NULL)
    return NULL;
  r = wrap_repr (vm, self, "", d);
  hs_decref (vm, d);
  return r;
}

/* The elements with a positive count, each as often as its count (a list). */
static HsObject *
elements (HsVM *vm, HsObject *self)
{
  HsObject *list = hs_list_new (vm, 0), *k, *v;
  gsize pos = 0;
  while (list != NULL && hs_dict_next (self, &pos, &k, &v))
    {
      gssize n = hs_int_check (v) ? hs_int_as_ssize (vm, v) : 0;
      if (n == -1 && hs_err_occurred (vm))
        HS_CLEAR (vm, list);
      for (gssize i = 0; list != NULL && i < n; i++)
        if (hs_list_append (vm, list, k) < 0)
          HS_CLEAR (vm, list);
    }
  return list;
}

/* The four binary operators of CPython's Counter, and the unary + and -: a new Counter of
 * the positive results (b[key] as CPython's reads it, through b's class). */
static int
combine (HsVM *vm, HsObject *result, HsObject *a, HsObject *b, HsBinOp op)
{
  HsObject *k, *v, *zero = hs_int_from_i64 (vm, 0);
  gsize pos = 0;
  int r = 0;

  while (r == 0 && hs_dict_next (a, &pos, &k, &v))
    {
      HsObject *other = b ? hs_object_getitem (vm, b, k) : hs_incref (zero), *n = NULL;
      int pick;
      if (other == NULL)
        return -1;
      if (op == HS_BIN_ADD || op == HS_BIN_SUB)
        n = hs_number_binop (vm, op, v, other);
      else if ((pick = hs_object_richcompare_bool (vm, v, other, HS_CMP_LT)) >= 0)
        n = hs_incref ((pick != 0) == (op == HS_BIN_OR) ? other : v);
      if (b == NULL && op == HS_BIN_SUB && n != NULL)
        {
          /* -c: 0 - count */
          hs_decref (vm, n);
          n = hs_number_binop (vm, HS_BIN_SUB, zero, v);
        }
      hs_decref (vm, other);
      if (n == NULL)
        return -1;
      if ((pick = hs_object_richcompare_bool (vm, n, zero, HS_CMP_GT)) < 0)
        r = -1;
      else if (pick)
        r = hs_dict_set_item (vm, result, k, n);
      hs_decref (vm, n);
    }
  if (b == NULL || op == HS_BIN_AND)
    return r;
  /* what only b has: its positive counts (a - b: the negated negative ones) */
  for (pos = 0; r == 0 && hs_dict_next (b, &pos, &k, &v);)
    {
      int in_a = hs_dict_contains (vm, a, k), pick;
      if (in_a != 0)
        {
          r = in_a < 0 ? -1 : 0;
          continue;
        }
      pick = hs_object_richcompare_bool (vm, v, zero, op == HS_BIN_SUB ? HS_CMP_LT : HS_CMP_GT);
      if (pick > 0)
        {
          HsObject *n
              = op == HS_BIN_SUB ? hs_number_binop (vm, HS_BIN_SUB, zero, v) : hs_incref (v);
          r = n ? hs_dict_set_item (vm, result, k, n) : -1;
          hs_xdecref (vm, n);
        }
      else if (pick < 0)
        r = -1;
    }
  return r;
}

static HsObject *
counter_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *result;
  if ((op != HS_BIN_ADD && op != HS_BIN_SUB && op != HS_BIN_OR && op != HS_BIN_AND)
      || !is_counter (a) || !is_counter (b))
    return op == HS_BIN_OR ? hs_dict_type.binop (vm, op, a, b) : hs_incref (hs_NotImplemented);
  result = hs_dict_new_type (vm, &hs_counter_type);
  if (result != NULL && combine (vm, result, a, b, op) < 0)
    HS_CLEAR (vm, result);
  return result;
}

/* Counter._keep_positive: del self[elem] for every elem of self.items() whose count is
 * not > 0 */
static int
keep_positive (HsVM *vm, HsObject *self)
{
  HsObject *pairs = pairs_of (vm, self), *zero = hs_int_from_i64 (vm, 0);
  g_autoptr (GPtrArray) drop = g_ptr_array_new ();
  int r = pairs != NULL ? 0 : -1;

  for (gsize i = 0; r == 0 && i < hs_list_len (pairs); i++)
    {
      HsObject *p = hs_list_get_borrow (pairs, i);
      r = hs_object_richcompare_bool (vm, hs_tuple_get_borrow (p, 1), zero, HS_CMP_GT);
      if (r == 0)
        g_ptr_array_add (drop, hs_tuple_get_borrow (p, 0));
      r = r < 0 ? -1 : 0;
    }
  for (guint i = 0; r == 0 && i < drop->len; i++)
    r = hs_object_delitem (vm, self, drop->pdata[i]);
  hs_xdecref (vm, pairs);
  return r;
}

/* One item of c += d (and -=, |=, &=), CPython's Counter.__iadd__ and the others, for the
 * pair (elem, count) of d.items() (of c.items() for &=). */
static int
combine_in_place (HsVM *vm, HsObject *self, HsObject *other, HsBinOp op, HsObject *elem,
                  HsObject *count)
{
  HsObject *cur = hs_object_getitem (vm, op == HS_BIN_AND ? other : self, elem), *n = NULL;
  int r = cur != NULL ? 0 : -1;

  if (r == 0 && (op == HS_BIN_ADD || op == HS_BIN_SUB))
    {
      /* self[elem] += count */
      n = hs_number_inplace (vm, op, cur, count);
      r = n != NULL ? hs_object_setitem (vm, self, elem, n) : -1;
    }
  else if (r == 0)
    {
      /* |=: if count > self[elem]; &=: if other[elem] < count */
      r = op == HS_BIN_OR ? hs_object_richcompare_bool (vm, count, cur, HS_CMP_GT)
                          : hs_object_richcompare_bool (vm, cur, count, HS_CMP_LT);
      if (r > 0)
        r = hs_object_setitem (vm, self, elem, op == HS_BIN_OR ? count : cur);
    }
  hs_xdecref (vm, cur);
  hs_xdecref (vm, n);
  return r < 0 ? -1 : 0;
}

/* c += d and the others: CPython's Counter methods (Python code), each item through the
 * class's [] and __setitem__, then only the positive counts stay (_keep_positive); any
 * mapping with items() will do as d. */
static HsObject *
counter_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *pairs;
  int r = 0;

  if (op != HS_BIN_ADD && op != HS_BIN_SUB && op != HS_BIN_OR && op != HS_BIN_AND)
    return hs_incref (hs_NotImplemented);
  if ((pairs = pairs_of (vm, op == HS_BIN_AND ? a : b)) == NULL)
    return NULL;
  for (gsize i = 0; r == 0 && i < hs_list_len (pairs); i++)
    {
      HsObject *p = hs_list_get_borrow (pairs, i);
      r = combine_in_place (vm, a, b, op, hs_tuple_get_borrow (p, 0), hs_tuple_get_borrow (p, 1));
    }
  hs_decref (vm, pairs);
  if (r < 0 || keep_positive (vm, a) < 0)
    return NULL;
  return hs_incref (a);
}

static HsObject *
counter_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  HsObject *result;
  if (op == HS_UNARY_INVERT)
    return hs_incref (hs_NotImplemented);
  result = hs_dict_new_type (vm, &hs_counter_type);
  if (result != NULL
      && combine (vm, result, self, NULL, op == HS_UNARY_NEG ? HS_BIN_SUB : HS_BIN_ADD) < 0)
    HS_CLEAR (vm, result);
  return result;
}

/* every a[key] `op` b[key] (0 or a derived class's __missing__ for a missing key), over
 * the keys of both, as CPython's Counter.__eq__ and __le__ */
static int
all_counts (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *sides[2] = { a, b }, *k, *v;
  for (int s = 0; s < 2; s++)
    {
      gsize pos = 0;
      while (hs_dict_next (sides[s], &pos, &k, &v))
        {
          HsObject *x = hs_object_getitem (vm, a, k), *y = x ? hs_object_getitem (vm, b, k) : NULL;
          int r = y ? hs_object_richcompare_bool (vm, x, y, op) : -1;
          hs_xdecref (vm, x);
          hs_xdecref (vm, y);
          if (r <= 0)
            return r;
        }
    }
  return 1;
}

static HsObject *
counter_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  int r;
  if (!is_counter (a) || !is_counter (b))
    return hs_dict_type.richcompare (vm, a, b, op);
  switch (op)
    {
      case HS_CMP_EQ:
      case HS_CMP_NE:
        r = all_counts (vm, a, b, HS_CMP_EQ);
        if (r >= 0 && op == HS_CMP_NE)
          r = !r;
        break;
      case HS_CMP_LE:
      case HS_CMP_GE:
        r = op == HS_CMP_LE ? all_counts (vm, a, b, HS_CMP_LE) : all_counts (vm, b, a, HS_CMP_LE);
        break;
      default:
        r = op == HS_CMP_LT ? all_counts (vm, a, b, HS_CMP_LE) : all_counts (vm, b, a, HS_CMP_LE);
        if (r > 0)
          r = !all_counts (vm, a, b, HS_CMP_EQ);
        break;
    }
  return r < 0 ? NULL : hs_incref (hs_bool_from (r));
}

static HsObject *
c_m_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return count_args (vm, args[0], "update", args + 1, nargs - 1, kwnames, HS_BIN_ADD) < 0 ? NULL
                                                                                          : hs_None;
}

static HsObject *
c_m_subtract (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return count_args (vm, args[0], "subtract", args + 1, nargs - 1, kwnames, HS_BIN_SUB) < 0
             ? NULL
             : hs_None;
}

static HsObject *
c_m_most_common (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *n_obj = NULL;
  gssize n = -1;
  if (!hs_parse_args (vm, "most_common", args + 1, nargs - 1, kwnames, "@|n", &n_obj))
    return NULL;
  if (n_obj != NULL && n_obj != hs_None)
    {
      if ((n = hs_int_as_ssize_index (vm, n_obj)) == -1 && hs_err_occurred (vm))
        return NULL;
      n = MAX (n, 0);
    }
  return most_common (vm, args[0], n);
}

static HsObject *
c_m_elements (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *list, *it;
  if (!hs_parse_args (vm, "elements", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if ((list = elements (vm, args[0])) == NULL)
    return NULL;
  it = hs_object_iter (vm, list);
  hs_decref (vm, list);
  return it;
}

static HsObject *
c_m_total (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sum, *k, *v;
  gsize pos = 0;
  if (!hs_parse_args (vm, "total", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  sum = hs_int_from_i64 (vm, 0);
  while (sum != NULL && hs_dict_next (args[0], &pos, &k, &v))
    {
      HsObject *n = hs_number_binop (vm, HS_BIN_ADD, sum, v);
      hs_decref (vm, sum);
      sum = n;
    }
  return sum;
}

static HsObject *
c_m_missing (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL;
  if (!hs_parse_args (vm, "__missing__", args + 1, nargs - 1, kwnames, "@key", &key))
    return NULL;
  return hs_int_from_i64 (vm, 0);
}

/* (Counter, (dict(self),)) */
static HsObject *
c_m_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *d, *cargs = NULL, *r = NULL;
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if ((d = hs_dict_copy (vm, args[0])) != NULL && (cargs = hs_tuple_pack (vm, 1, d)) != NULL)
    r = hs_tuple_pack (vm, 2, (HsObject *)args[0]->type, cargs);
  hs_xdecref (vm, d);
  hs_xdecref (vm, cargs);
  return r;
}

static HsObject *
c_m_fromkeys (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  hs_err_set_string (vm, &hs_exc_NotImplementedError,
                     "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
  return NULL;
}

/* An OrderedDict has a __dict__, as CPython's (its od_inst_dict), and so has a Counter (a
 * Python class there): `od.x = 1` works. The attributes of a plain OrderedDict or Counter
 * are in `attrs` (made the first time one is set or __dict__ is read); an instance of a
 * derived class keeps them as any instance does. */
typedef struct
{
  HsDict dict;
  HsObject *attrs; /* owned, NULL until needed */
} HsDictWithAttrs;

#define OD_ATTRS(o) (((HsDictWithAttrs *)(o))->attrs)

/* The plain OrderedDict's or Counter's attribute dict (borrowed), made when `make`; NULL
 * when it has none yet (or with MemoryError when `make`). */
static HsObject *
od_attrs (HsVM *vm, HsObject *self, gboolean make)
{
  if (OD_ATTRS (self) == NULL && make && (OD_ATTRS (self) = hs_dict_new (vm)) != NULL)
    hs_object_mark_dirty (vm, self);
  return OD_ATTRS (self);
}

HsObject *
hs_dictkinds_attrs_borrow (HsObject *o)
{
  return HS_IS (o, &hs_ordereddict_type) || HS_IS (o, &hs_counter_type) ? OD_ATTRS (o) : NULL;
}

static gboolean
is_dunder_dict (HsObject *name)
{
  return strcmp (hs_str_utf8 (name), "__dict__") == 0;
}

static HsObject *
od_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *attrs, *v;
  if (self->type->type_flags & HS_TYPE_HEAP)
    return hs_object_generic_getattr (vm, self, name);
  if (is_dunder_dict (name))
    return (attrs = od_attrs (vm, self, TRUE)) != NULL ? hs_incref (attrs) : NULL;
  if ((attrs = od_attrs (vm, self, FALSE)) != NULL
      && (v = hs_dict_get_item_borrow (vm, attrs, name)) != NULL)
    return hs_incref (v);
  return hs_object_generic_getattr (vm, self, name);
}

static int
od_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *attrs;
  if (is_dunder_dict (name))
    {
      if (value == NULL || !hs_dict_check (value))
        {
          if (value == NULL)
            hs_err_set_string (vm, &hs_exc_TypeError, "cannot delete __dict__");
          else
            hs_err_format (vm, &hs_exc_TypeError,
                           "__dict__ must be set to a dictionary, not a '%s'",
                           hs_type_name (value));
          return -1;
        }
      attrs = OD_ATTRS (self);
      OD_ATTRS (self) = hs_incref (value);
      hs_object_mark_dirty (vm, self);
      hs_xdecref (vm, attrs);
      return 0;
    }
  if ((attrs = od_attrs (vm, self, value != NULL)) == NULL && value != NULL)
    return -1;
  hs_object_mark_dirty (vm, self);
  if (value != NULL)
    return hs_dict_set_item (vm, attrs, name, value);
  if (attrs != NULL && hs_dict_get_item_borrow (vm, attrs, name) != NULL)
    return hs_dict_del_item (vm, attrs, name);
  hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                 hs_type_name (self), hs_str_utf8 (name));
  return -1;
}

/* the entries, then the attributes as rows of the OrderedDict */
static void
od_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_dict_type.refs (self, visit, data);
  if (OD_ATTRS (self) != NULL)
    hs_visit_unfold (visit, OD_ATTRS (self), hs_ref_row_by_key, data);
}

static void
od_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, OD_ATTRS (self));
  hs_dict_type.clear (vm, self);
}

static void
od_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, OD_ATTRS (self));
  hs_dict_type.dealloc (vm, self);
}

static const HsMethodDef counter_methods[] = {
  { "__init__", c_m_init, HS_METH_SLOT },
  { "update", c_m_update },
  { "subtract", c_m_subtract },
  { "most_common", c_m_most_common },
  { "elements", c_m_elements },
  { "total", c_m_total },
  { "copy", m_copy_same_type },
  { "__missing__", c_m_missing },
  { "__reduce__", c_m_reduce },
  { "fromkeys", c_m_fromkeys, HS_METH_CLASS },
  { NULL, NULL },
};

HsType hs_counter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Counter",
  .module = "collections",
  .base = &hs_dict_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsDictWithAttrs),
  .dealloc = od_dealloc,
  .refs = od_refs,
  .clear = od_clear,
  .getattr = od_getattr,
  .setattr = od_setattr,
  .repr = counter_repr,
  .richcompare = counter_richcompare,
  .binop = counter_binop,
  .inplace = counter_inplace,
  .unaryop = counter_unaryop,
  .getitem = counter_getitem,
  .setitem = counter_setitem,
  .construct = counter_construct,
  .methods = counter_methods,
};

/* ---- OrderedDict ----------------------------------------------------------------- */

/* OrderedDict.update(other=(), /, **kw) and __init__: each item stored through
 * self[key] = value (a derived class's __setitem__), as CPython's mutablemapping_update. */
static HsObject *
od_m_update (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 2)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "update() takes at most 1 positional argument (%" G_GSIZE_FORMAT " given)",
                     nargs - 1);
      return NULL;
    }
  return hs_usercoll_update_all (vm, args, nargs, kwnames) < 0 ? NULL : hs_None;
}

static HsObject *
od_m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 2)
    {
      hs_err_format (vm, &hs_exc_TypeError, "expected at most 1 arguments, got %" G_GSIZE_FORMAT,
                     nargs - 1);
      return NULL;
    }
  return od_m_update (vm, args, nargs, kwnames);
}

static HsObject *
od_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = hs_dict_new_type (vm, type);
  if (self != NULL && hs_dict_init_args (vm, self, type->name, args, nargs, kwnames) < 0)
    HS_CLEAR (vm, self);
  return self;
}

/* "OrderedDict([(key, value), ...])"; a derived class's from its own items() */
static HsObject *
od_repr (HsVM *vm, HsObject *self)
{
  HsObject *items, *r;
  if (hs_dict_len (self) == 0)
    return wrap_repr (vm, self, "", NULL);
  if (!HS_IS (self, &hs_ordereddict_type))
    {
      HsObject *view = hs_object_call_method (vm, self, "items", NULL, 0, NULL);
      items = view != NULL ? hs_list_from_iterable (vm, view) : NULL;
      hs_xdecref (vm, view);
    }
  else
    items = item_list (vm, self);
  if (items == NULL)
    return NULL;
  r = wrap_repr (vm, self, "", items);
  hs_decref (vm, items);
  return r;
}

/* Two OrderedDicts are equal with their items in the same order. */
static HsObject *
od_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *la, *lb, *r;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !hs_type_is_subtype (a->type, &hs_ordereddict_type)
      || !hs_type_is_subtype (b->type, &hs_ordereddict_type))
    return hs_dict_type.richcompare (vm, a, b, op);
  la = item_list (vm, a);
  lb = la ? item_list (vm, b) : NULL;
  r = lb ? hs_object_richcompare (vm, la, lb, op) : NULL;
  hs_xdecref (vm, la);
  hs_xdecref (vm, lb);
  return r;
}

/* Moves key to the end, or (last FALSE) to the front: every other entry is taken out
 * and put back after it. */
static int
move_to_end (HsVM *vm, HsObject *self, HsObject *key, gboolean last)
{
  HsObject *v = hs_dict_get_item_borrow (vm, self, key), *rest;
  gsize pos = 0;
  HsObject *k, *val;
  int r;

  if (v == NULL)
    {
      if (!hs_err_occurred (vm))
        hs_err_set_key (vm, key);
      return -1;
    }
  hs_incref (v);
  hs_incref (key);
  r = hs_dict_del_item (vm, self, key);
  if (r == 0 && !last)
    {
      if ((rest = hs_dict_copy (vm, self)) == NULL)
        r = -1;
      else
        {
          hs_dict_clear (vm, self);
          r = hs_dict_set_item (vm, self, key, v);
          while (r == 0 && hs_dict_next (rest, &pos, &k, &val))
            r = hs_dict_set_item (vm, self, k, val);
          hs_decref (vm, rest);
        }
    }
  else if (r == 0)
    r = hs_dict_set_item (vm, self, key, v);
  hs_decref (vm, key);
  hs_decref (vm, v);
  return r;
}

static HsObject *
od_m_move_to_end (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *last = NULL;
  int t = 1;
  if (!hs_parse_args (vm, "move_to_end", args + 1, nargs - 1, kwnames, "key|last", &key, &last))
    return NULL;
  if (last != NULL && (t = hs_object_truth (vm, last)) < 0)
    return NULL;
  return move_to_end (vm, args[0], key, t) < 0 ? NULL : hs_None;
}

static HsObject *
od_m_popitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *last = NULL, *k = NULL, *v = NULL, *key, *value, *r;
  gsize pos = 0;
  int t = 1;

  if (!hs_parse_args (vm, "popitem", args + 1, nargs - 1, kwnames, "|last", &last))
    return NULL;
  if (last != NULL && (t = hs_object_truth (vm, last)) < 0)
    return NULL;
  if (hs_dict_len (self) == 0)
    {
      HsObject *msg = hs_str_from_cstr (vm, "dictionary is empty");
      if (msg != NULL)
        {
          hs_err_set_key (vm, msg);
          hs_decref (vm, msg);
        }
      return NULL;
    }
  while (hs_dict_next (self, &pos, &key, &value) && (t || k == NULL))
    {
      k = key;
      v = value;
    }
  r = hs_tuple_pack (vm, 2, k, v);
  if (r != NULL && hs_dict_del_item (vm, self, k) < 0)
    HS_CLEAR (vm, r);
  return r;
}

static HsObject *od_state (HsVM *vm, HsObject *self);

static HsObject *
od_m_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *state, *r;
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((state = od_state (vm, args[0])) == NULL)
    return NULL;
  r = reduce_with_items (vm, args[0], hs_tuple_empty (), state);
  hs_decref (vm, state);
  return r;
}

/* a | b where either is an OrderedDict: type(that)(a) updated with b (CPython's odict_or) */
static HsObject *
od_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean left = hs_type_is_subtype (a->type, &hs_ordereddict_type);
  HsObject *r, *uargs[2];
  if (op != HS_BIN_OR || !hs_dict_check (left ? b : a))
    return hs_incref (hs_NotImplemented);
  r = hs_object_call (vm, (HsObject *)(left ? a : b)->type, &a, 1, NULL);
  uargs[0] = r;
  uargs[1] = b;
  if (r != NULL && hs_usercoll_update_all (vm, uargs, 2, NULL) < 0)
    HS_CLEAR (vm, r);
  return r;
}

/* OrderedDict.setdefault(key, default=None): a derived class's __contains__, __getitem__
 * and __setitem__, as CPython's odict (not pop or popitem, which read the dict itself). */
static HsObject *
od_m_setdefault (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *key, *dflt = hs_None;
  int exists;

  if (!hs_parse_args (vm, "setdefault", args + 1, nargs - 1, kwnames, "key | default", &key, &dflt))
    return NULL;
  if (HS_IS (self, &hs_ordereddict_type))
    return hs_dict_setdefault (vm, self, key, dflt);
  if ((exists = hs_object_contains (vm, self, key)) < 0)
    return NULL;
  if (exists)
    return hs_object_getitem (vm, self, key);
  return hs_object_setitem (vm, self, key, dflt) < 0 ? NULL : hs_incref (dflt);
}

/* What OrderedDict.__reduce__ gives as the state: the attributes, or None. */
static HsObject *
od_state (HsVM *vm, HsObject *self)
{
  /* CPython's _PyObject_GetState: a class's own __getstate__, else its __dict__ and slots
   * (caching the class's __slotnames__) */
  if (!HS_IS (self, &hs_ordereddict_type))
    return hs_reduce_getstate (vm, self, FALSE);
  return hs_incref (OD_ATTRS (self) != NULL && hs_dict_len (OD_ATTRS (self)) > 0 ? OD_ATTRS (self)
                                                                                 : hs_None);
}

static const HsMethodDef od_methods[] = {
  { "__init__", od_m_init, HS_METH_SLOT },
  { "setdefault", od_m_setdefault },
  { "update", od_m_update },
  { "move_to_end", od_m_move_to_end },
  { "popitem", od_m_popitem },
  { "copy", m_copy_same_type },
  { "__reduce__", od_m_reduce },
  { NULL, NULL },
};

HsType hs_ordereddict_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "OrderedDict",
  .module = "collections",
  .tp_name = "collections.OrderedDict",
  .base = &hs_dict_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsDictWithAttrs),
  .dealloc = od_dealloc,
  .refs = od_refs,
  .clear = od_clear,
  .getattr = od_getattr,
  .setattr = od_setattr,
  .repr = od_repr,
  .richcompare = od_richcompare,
  .binop = od_binop,
  .construct = od_construct,
  .methods = od_methods,
};

/* ---- what CPython's dicts of Counter and OrderedDict have besides ------------------- */

/* Counter._keep_positive(): drops the elements whose count is not > 0; returns the Counter */
static HsObject *
c_m_keep_positive (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *drop, *k, *v, *zero = hs_int_from_i64 (vm, 0);
  gsize pos = 0;
  int rc = 0;
  if (zero == NULL || !hs_parse_args (vm, "_keep_positive", args + 1, nargs - 1, kwnames, "@"))
    {
      hs_xdecref (vm, zero);
      return NULL;
    }
  drop = hs_list_new (vm, 0);
  while (drop != NULL && rc == 0 && hs_dict_next (args[0], &pos, &k, &v))
    {
      int positive = hs_object_richcompare_bool (vm, v, zero, HS_CMP_GT);
      rc = positive < 0 ? -1 : positive ? 0 : hs_list_append (vm, drop, k);
    }
  hs_decref (vm, zero);
  for (gsize i = 0; drop != NULL && rc == 0 && i < hs_list_len (drop); i++)
    rc = hs_object_delitem (vm, args[0], hs_list_get_borrow (drop, i));
  hs_xdecref (vm, drop);
  return drop == NULL || rc < 0 ? NULL : hs_incref (args[0]);
}

static const HsMethodDef counter_more_methods[] = {
  { "_keep_positive", c_m_keep_positive },
  { NULL, NULL },
};

/* The __dict__ of a Counter or an OrderedDict (an instance of a class deriving from one has
 * an instance's) */
static HsObject *
attrs_get (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *attrs;
  if (self->type->type_flags & HS_TYPE_HEAP)
    return hs_instance_dict (vm, self);
  attrs = od_attrs (vm, self, TRUE);
  return attrs != NULL ? hs_incref (attrs) : NULL;
}

static int
attrs_set (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  if (self->type->type_flags & HS_TYPE_HEAP)
    return hs_instance_set_dict (vm, self, value);
  return od_setattr (vm, self, name, value);
}

/* and its __weakref__: the first weak reference to it, or None */
static HsObject *
weakref_get (HsVM *vm, HsObject *self, HsObject *name)
{
  GPtrArray *list = hs_weakref_list (vm, self);
  return hs_incref (list != NULL && list->len > 0 ? list->pdata[0] : hs_None);
}

/* OrderedDict's own methods that do here what dict's do (CPython's odict defines them) */
static HsObject *
od_as_dict (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *d = hs_dict_get_item_cstr_borrow (NULL, hs_dict_type.dict, name);
  return hs_cfunction_call_with_self (vm, ((HsCFunctionObject *)d)->def, args[0], args + 1,
                                      nargs - 1, kwnames);
}

#define OD_AS_DICT(fn, name)                                                                       \
  static HsObject *fn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)                  \
  {                                                                                                \
    return od_as_dict (vm, name, args, nargs, kwnames);                                            \
  }
OD_AS_DICT (od_d_iter, "__iter__")
OD_AS_DICT (od_d_setitem, "__setitem__")
OD_AS_DICT (od_d_delitem, "__delitem__")
OD_AS_DICT (od_d_ior, "__ior__")
OD_AS_DICT (od_d_reversed, "__reversed__")
OD_AS_DICT (od_d_sizeof, "__sizeof__")
OD_AS_DICT (od_d_clear, "clear")
OD_AS_DICT (od_d_fromkeys, "fromkeys")
OD_AS_DICT (od_d_items, "items")
OD_AS_DICT (od_d_keys, "keys")
OD_AS_DICT (od_d_pop, "pop")
OD_AS_DICT (od_d_values, "values")
#undef OD_AS_DICT

static const HsMethodDef od_more_methods[] = {
  { "__iter__", od_d_iter, HS_METH_SLOT },
  { "__setitem__", od_d_setitem, HS_METH_SLOT },
  { "__delitem__", od_d_delitem, HS_METH_SLOT },
  { "__ior__", od_d_ior, HS_METH_SLOT },
  { "__reversed__", od_d_reversed },
  { "__sizeof__", od_d_sizeof },
  { "clear", od_d_clear },
  { "fromkeys", od_d_fromkeys, HS_METH_CLASS },
  { "items", od_d_items },
  { "keys", od_d_keys },
  { "pop", od_d_pop },
  { "values", od_d_values },
  { NULL, NULL },
};

void
hs_dictkinds_runtime_init (void)
{
  hs_type_ready (&hs_defaultdict_type);
  hs_member_install (&hs_defaultdict_type, "default_factory",
                     G_STRUCT_OFFSET (HsDefaultDict, factory));
  hs_type_ready (&hs_counter_type);
  hs_type_ready (&hs_ordereddict_type);
  hs_type_add_methods (&hs_counter_type, counter_more_methods);
  hs_dict_set_item (NULL, hs_counter_type.dict, hs_str_intern_cstr ("__module__"),
                    hs_str_intern_cstr ("collections"));
  hs_getset_install (&hs_counter_type, "__dict__", attrs_get, attrs_set);
  hs_getset_install (&hs_counter_type, "__weakref__", weakref_get, NULL);
  hs_getset_install (&hs_ordereddict_type, "__dict__", attrs_get, attrs_set);
  hs_type_add_methods (&hs_ordereddict_type, od_more_methods);
}
