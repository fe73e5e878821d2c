/* hs-mod-copy.c — the `copy` module: copy(), deepcopy() and copy.Error.
 *
 * Invariant: both follow CPython 3.11's copy.py step for step, so that what a learner sees
 * (which objects are new, which are shared, what a __deepcopy__ receives) is CPython's:
 * deepcopy's memo is a real dict from id() to the copy, plus memo[id(memo)], the list
 * keeping the originals alive; an object already in the memo is never copied twice, which
 * keeps shared sub-objects shared and ends cycles. Types it does not know go through their
 * __copy__/__deepcopy__, their __reduce__ (the built-in types of the other modules), or the
 * reconstruction of an instance (a new instance of the class, __init__ not run, then its
 * attributes); anything else cannot be copied, as it cannot be pickled.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-builtin-subclass.h"
#include "hs-bytes.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-function.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-namedtuple.h"
#include "hs-module.h"
#include "hs-recursion.h"
#include "hs-reduce.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsType copy_error_type = {
  .name = "Error",
  .module = "copy",
  .base = &hs_exc_Exception,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

/* What copy and deepcopy return as they are (CPython's _copy_dispatch/_deepcopy_dispatch
 * entries _copy_immutable and _deepcopy_atomic). */
static gboolean
is_atomic (HsObject *x)
{
  const HsType *t = x->type;
  return x == hs_None || x == hs_Ellipsis || x == hs_NotImplemented || t == &hs_int_type
         || t == &hs_bool_type || t == &hs_float_type || t == &hs_str_type || t == &hs_type_type
         || t == &hs_range_type || t == &hs_cfunction_type || t == &hs_function_type
         || t == &hs_property_type || t == &hs_bytes_type || t == &hs_complex_type;
}

static HsObject *deep (HsVM *vm, HsObject *x, HsObject *memo);

/* memo[id(x)] = y */
static int
memo_put (HsVM *vm, HsObject *memo, HsObject *x, HsObject *y)
{
  HsObject *key = hs_int_from_u64 (vm, hs_object_id (x));
  int r;
  if (key == NULL)
    return -1;
  r = hs_dict_set_item (vm, memo, key, y);
  hs_decref (vm, key);
  return r;
}

/* memo.get(id(x)), borrowed; NULL if absent (or on error, set). */
static HsObject *
memo_get (HsVM *vm, HsObject *memo, HsObject *x)
{
  HsObject *key = hs_int_from_u64 (vm, hs_object_id (x));
  HsObject *v;
  if (key == NULL)
    return NULL;
  v = hs_dict_get_item_borrow (vm, memo, key);
  hs_decref (vm, key);
  return v;
}

/* copy.py's _keep_alive: memo[id(memo)] lists the originals, so that no id in the memo
 * is reused by a new object while the copy runs. */
static int
keep_alive (HsVM *vm, HsObject *x, HsObject *memo)
{
  HsObject *list;
  int r = -1;

  if (!hs_recursion_enter (vm, ""))
    return -1;
  list = memo_get (vm, memo, memo);
  if (list != NULL && HS_IS (list, &hs_list_type))
    r = hs_list_append (vm, list, x);
  /* the first time, memo[id(memo)] raises KeyError: making it is a call through C */
  else if (!hs_err_occurred (vm) && hs_recursion_probe (vm, 1, " while calling a Python object"))
    {
      if ((list = hs_list_from_array (vm, &x, 1)) != NULL)
        {
          r = memo_put (vm, memo, memo, list);
          hs_decref (vm, list);
        }
    }
  hs_recursion_leave (vm);
  return r;
}

/* y.__dict__.update(state) (state None: nothing), or setattr(y, k, v) for each item of
 * the slot state. */
static int
update_from (HsVM *vm, HsObject *y, HsObject *state, gboolean slots)
{
  HsObject *k, *v;
  gsize pos = 0;
  int rc = 0;

  if (state == hs_None)
    return 0;
  if (!hs_dict_check (state))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not a mapping", hs_type_name (state));
      return -1;
    }
  if (hs_instance_check (y) && !slots)
    {
      HsObject *dict = hs_instance_dict (vm, y);
      rc = dict != NULL ? hs_dict_update (vm, dict, state) : -1;
      hs_xdecref (vm, dict);
      return rc;
    }
  while (rc == 0 && hs_dict_next (state, &pos, &k, &v))
    rc = hs_object_setattr (vm, y, k, v);
  return rc;
}

/* y.__setstate__(state) if y has one, else copy.py's: a (dict state, slot state) pair sets
 * both, a dict updates y.__dict__; state deep-copied first when memo is set. */
static int
set_state (HsVM *vm, HsObject *y, HsObject *state, HsObject *memo)
{
  HsObject *copied = memo != NULL ? deep (vm, state, memo) : hs_incref (state);
  HsObject *r;
  int rc;

  if (copied == NULL)
    return -1;
  if (hs_type_lookup_borrow (y->type, hs_str_intern_cstr ("__setstate__")) != NULL)
    {
      r = hs_object_call_method (vm, y, "__setstate__", &copied, 1, NULL);
      hs_xdecref (vm, r);
      rc = r == NULL ? -1 : 0;
    }
  else if (hs_tuple_check (copied) && hs_tuple_len (copied) == 2)
    rc = update_from (vm, y, hs_tuple_get_borrow (copied, 0), FALSE) < 0
                 || update_from (vm, y, hs_tuple_get_borrow (copied, 1), TRUE) < 0
             ? -1
             : 0;
  else
    rc = update_from (vm, y, copied, FALSE);
  hs_decref (vm, copied);
  return rc;
}

/* Items of an iterator into y: listitems appended (y.append), dictitems (pairs) stored. */
static int
add_items (HsVM *vm, HsObject *y, HsObject *it, gboolean pairs, HsObject *memo)
{
  HsObject *item, *r;
  int rc = 0;

  while (rc == 0 && (item = hs_iter_next (vm, it)) != NULL)
    {
      if (pairs)
        {
          HsObject *k = NULL, *v = NULL;
          if (!hs_tuple_check (item) || hs_tuple_len (item) != 2)
            rc = -1, hs_err_set_string (vm, &hs_exc_ValueError, "not a (key, value) pair");
          else if ((k = memo ? deep (vm, hs_tuple_get_borrow (item, 0), memo)
                             : hs_incref (hs_tuple_get_borrow (item, 0)))
                       == NULL
                   || (v = memo ? deep (vm, hs_tuple_get_borrow (item, 1), memo)
                                : hs_incref (hs_tuple_get_borrow (item, 1)))
                          == NULL)
            rc = -1;
          else
            rc = hs_object_setitem (vm, y, k, v);
          hs_xdecref (vm, k);
          hs_xdecref (vm, v);
        }
      else
        {
          HsObject *v = memo ? deep (vm, item, memo) : hs_incref (item);
          r = v ? hs_object_call_method (vm, y, "append", &v, 1, NULL) : NULL;
          hs_xdecref (vm, v);
          hs_xdecref (vm, r);
          rc = r == NULL ? -1 : 0;
        }
      hs_decref (vm, item);
    }
  return rc == 0 && !hs_err_occurred (vm) ? 0 : -1;
}

/* _reconstruct's `(deepcopy(arg, memo) for arg in args)`: each argument copied one
 * generator frame deeper; a new tuple. */
static HsObject *
deep_args (HsVM *vm, HsObject *const *items, gsize n, HsObject *memo)
{
  HsObject *args;

  if (!hs_recursion_enter (vm, ""))
    return NULL;
  args = hs_tuple_new (vm, n);
  for (gsize i = 0; args != NULL && i < n; i++)
    {
      HsObject *item = deep (vm, items[i], memo);
      if (item == NULL)
        HS_CLEAR (vm, args);
      else
        hs_tuple_set_take (args, i, item);
    }
  hs_recursion_leave (vm);
  return args;
}

/* copy.py's _reconstruct from what __reduce__ returned: (callable, args[, state[,
 * listitems[, dictitems]]]). */
static HsObject *
reconstruct (HsVM *vm, HsObject *x, HsObject *rv, HsObject *memo)
{
  gsize n = hs_tuple_check (rv) ? hs_tuple_len (rv) : 0;
  HsObject *args, *y;

  if (n < 2 || n > 5 || !hs_tuple_check (hs_tuple_get_borrow (rv, 1)))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__reduce__ must return a string or tuple");
      return NULL;
    }
  args = hs_tuple_get_borrow (rv, 1);
  args = memo != NULL && hs_tuple_len (args) > 0
             ? deep_args (vm, hs_tuple_items (args), hs_tuple_len (args), memo)
             : hs_incref (args);
  if (args == NULL)
    return NULL;
  y = hs_object_call (vm, hs_tuple_get_borrow (rv, 0), hs_tuple_items (args), hs_tuple_len (args),
                      NULL);
  hs_decref (vm, args);
  if (y == NULL || (memo != NULL && memo_put (vm, memo, x, y) < 0))
    goto fail;
  if (n > 2 && hs_tuple_get_borrow (rv, 2) != hs_None
      && set_state (vm, y, hs_tuple_get_borrow (rv, 2), memo) < 0)
    goto fail;
  for (gsize i = 3; i < n; i++)
    if (hs_tuple_get_borrow (rv, i) != hs_None
        && add_items (vm, y, hs_tuple_get_borrow (rv, i), i == 4, memo) < 0)
      goto fail;
  return y;
fail:
  hs_xdecref (vm, y);
  return NULL;
}

/* (cls, *items): copyreg.__newobj__'s arguments from a namedtuple's __getnewargs__, its items */
static HsObject *
newobj_args (HsVM *vm, HsObject *cls, HsObject *items)
{
  gsize n = hs_tuple_len (items);
  HsObject *args = hs_tuple_new (vm, n + 1);
  if (args == NULL)
    return NULL;
  hs_tuple_set_take (args, 0, hs_incref (cls));
  for (gsize i = 0; i < n; i++)
    hs_tuple_set_take (args, i + 1, hs_incref (hs_tuple_get_borrow (items, i)));
  return args;
}

/* What __reduce_ex__(4) gives for an instance of a class derived from a built-in: list and
 * dict (copyreg.__newobj__, (cls,), state, iter(x) or None, iter(x.items()) or None), set and
 * frozenset their own __reduce__ (cls, (list(x),), state), the immutable ones
 * (copyreg.__newobj__, (cls, base(x)), state) from their __getnewargs__, a namedtuple's
 * (copyreg.__newobj__, (cls, *x), state). */
static HsObject *
builtin_subclass_reduce (HsVM *vm, HsObject *x, HsType *base, HsObject *state)
{
  HsObject *cls = (HsObject *)x->type, *callable, *args = NULL, *value = NULL, *rv = NULL;
  HsObject *items = hs_None, *pairs = hs_None, *view = NULL;

  if (base == &hs_set_type || base == &hs_frozenset_type)
    {
      callable = hs_incref (cls);
      value = hs_list_from_iterable (vm, x);
    }
  else
    {
      callable = hs_object_getattr_cstr (vm, cls, "__new__");
      if (base == &hs_list_type || base == &hs_dict_type)
        value = hs_incref (hs_None);
      else if (base == &hs_str_type)
        value = hs_str_new (vm, hs_str_utf8 (x), HS_STR (x)->byte_len);
      else if (hs_namedtuple_is_base (base))
        value = hs_tuple_from_array (vm, hs_tuple_items (x), hs_tuple_len (x));
      else
        value = base->construct (vm, base, &x, 1, NULL);
    }
  if (callable == NULL || value == NULL)
    goto out;
  if (base == &hs_set_type || base == &hs_frozenset_type)
    args = hs_tuple_pack (vm, 1, value);
  else if (hs_namedtuple_is_base (base))
    args = newobj_args (vm, cls, value);
  else
    args = value == hs_None ? hs_tuple_pack (vm, 1, cls) : hs_tuple_pack (vm, 2, cls, value);
  if (args == NULL)
    goto out;
  if (base == &hs_list_type && (items = hs_object_iter (vm, x)) == NULL)
    goto out;
  if (base == &hs_dict_type
      && ((view = hs_dict_items (vm, x)) == NULL || (pairs = hs_object_iter (vm, view)) == NULL))
    goto out;
  rv = hs_tuple_pack (vm, 5, callable, args, state != NULL ? state : hs_None, items, pairs);
out:
  if (items != hs_None)
    hs_xdecref (vm, items);
  if (pairs != hs_None)
    hs_xdecref (vm, pairs);
  hs_xdecref (vm, view);
  hs_xdecref (vm, args);
  hs_xdecref (vm, value);
  hs_xdecref (vm, callable);
  return rv;
}

static HsObject *
copy_builtin_subclass (HsVM *vm, HsObject *x, HsType *base, HsObject *state, HsObject *memo)
{
  HsObject *rv, *y = NULL;

  if ((rv = builtin_subclass_reduce (vm, x, base, state)) != NULL)
    {
      y = reconstruct (vm, x, rv, memo);
      hs_decref (vm, rv);
    }
  return y;
}

/* An instance of a class from a `class` statement: object.__reduce_ex__(4) gives
 * (copyreg.__newobj__, (cls,), its state or None); an exception's BaseException.__reduce__
 * gives (cls, self.args, its __dict__). */
static HsObject *
copy_instance (HsVM *vm, HsObject *x, HsObject *memo)
{
  HsObject *cls = (HsObject *)x->type;
  HsObject *y = NULL, *names = NULL, *state;
  HsType *base = hs_builtin_subclass_base (x->type);

  /* object.__reduce_ex__(4)'s state: the class's own __getstate__() if it has one */
  if (!hs_exception_check (x) && hs_reduce_overrides (x->type, "__getstate__"))
    state = hs_reduce_getstate (vm, x, FALSE);
  else if (!hs_exception_check (x) && (names = hs_reduce_slotnames (vm, cls)) == NULL)
    return NULL;
  else
    state = hs_reduce_instance_state (vm, x, names);
  hs_xdecref (vm, names);
  if (state == NULL)
    return NULL;
  if (hs_exception_check (x))
    {
      HsObject *args = HS_EXCEPTION (x)->args;
      args = memo != NULL && hs_tuple_len (args) > 0
                 ? deep_args (vm, hs_tuple_items (args), hs_tuple_len (args), memo)
                 : hs_incref (args);
      if (args == NULL)
        goto fail;
      y = hs_object_call (vm, cls, hs_tuple_items (args), hs_tuple_len (args), NULL);
      hs_decref (vm, args);
    }
  else if (base != NULL)
    {
      y = copy_builtin_subclass (vm, x, base, state != hs_None ? state : NULL, memo);
      hs_decref (vm, state);
      return y;
    }
  else
    {
      /* its args (cls,) go through _reconstruct's generator too */
      HsObject *args = memo != NULL ? deep_args (vm, &cls, 1, memo) : NULL;
      if (memo != NULL && args == NULL)
        goto fail;
      hs_xdecref (vm, args);
      y = hs_instance_new_empty (vm, cls);
    }
  if (y == NULL || (memo != NULL && memo_put (vm, memo, x, y) < 0))
    goto fail;
  /* the state is deep-copied as a whole before any of it is set */
  if (state != hs_None && set_state (vm, y, state, memo) < 0)
    goto fail;
  hs_decref (vm, state);
  return y;
fail:
  hs_decref (vm, state);
  hs_xdecref (vm, y);
  return NULL;
}

/* What copy.py does once the type is not one it dispatches on: __reduce_ex__(4). */
static HsObject *
copy_by_reduce (HsVM *vm, HsObject *x, HsObject *memo)
{
  HsObject *rv, *y;

  /* x.__reduce_ex__(4): the class's own, or object's, which calls the class's own
   * __reduce__ (a built-in type's of another module: datetime, deque) */
  if (hs_reduce_overrides (x->type, "__reduce_ex__") || hs_reduce_overrides (x->type, "__reduce__"))
    {
      HsObject *four = hs_int_from_i64 (vm, 4);
      rv = four == NULL ? NULL
           : hs_reduce_overrides (x->type, "__reduce_ex__")
               ? hs_object_call_method (vm, x, "__reduce_ex__", &four, 1, NULL)
               : hs_object_call_method (vm, x, "__reduce__", NULL, 0, NULL);
      hs_xdecref (vm, four);
      if (rv == NULL)
        return NULL;
      y = hs_str_check (rv) ? hs_incref (x) : reconstruct (vm, x, rv, memo);
      hs_decref (vm, rv);
      return y;
    }
  if (hs_instance_check (x) || hs_exception_check (x))
    return copy_instance (vm, x, memo);
  if (HS_IS (x, &hs_method_type))
    {
      /* copy.py's _deepcopy_method: a new method of the same function on a copy of the self */
      HsObject *self = memo != NULL ? deep (vm, hs_method_self_borrow (x), memo)
                                    : hs_incref (hs_method_self_borrow (x));
      if (self == NULL)
        return NULL;
      y = hs_method_new (vm, hs_method_func_borrow (x), self);
      hs_decref (vm, self);
      return y;
    }
  if (hs_anyset_check (x))
    {
      /* set.__reduce__ is (type, (list(x),), None): a new set, even a frozenset */
      HsObject *items = hs_list_from_iterable (vm, x);
      HsObject *args = items && memo ? deep_args (vm, &items, 1, memo)
                       : items       ? hs_tuple_pack (vm, 1, items)
                                     : NULL;
      hs_xdecref (vm, items);
      if (args == NULL)
        return NULL;
      y = HS_IS (x, &hs_set_type) ? hs_set_from_iterable (vm, hs_tuple_get_borrow (args, 0))
                                  : hs_frozenset_from_iterable (vm, hs_tuple_get_borrow (args, 0));
      hs_decref (vm, args);
      return y;
    }
  hs_err_format (vm, &hs_exc_TypeError, "cannot pickle '%s' object", hs_type_name (x));
  return NULL;
}

HsObject *
hs_copy_shallow (HsVM *vm, HsObject *x)
{
  HsObject *copier, *y;

  if (is_atomic (x) || HS_IS (x, &hs_tuple_type) || HS_IS (x, &hs_frozenset_type)
      || HS_IS (x, &hs_slice_type))
    return hs_incref (x);
  if (HS_IS (x, &hs_list_type))
    return hs_list_from_array (vm, hs_list_items (x), hs_list_len (x));
  if (HS_IS (x, &hs_dict_type))
    return hs_dict_copy (vm, x);
  if (HS_IS (x, &hs_set_type))
    return hs_set_from_iterable (vm, x);
  if (hs_exception_type_check (x) || hs_class_check (x))
    return hs_incref (x);
  if (hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__copy__")) != NULL)
    {
      /* getattr(cls, "__copy__")(x) */
      if ((copier = hs_object_getattr_cstr (vm, (HsObject *)x->type, "__copy__")) == NULL)
        return NULL;
      y = hs_object_call (vm, copier, &x, 1, NULL);
      hs_decref (vm, copier);
      return y;
    }
  return copy_by_reduce (vm, x, NULL);
}

static HsObject *
deep_list (HsVM *vm, HsObject *x, HsObject *memo)
{
  HsObject *y = hs_list_new (vm, 0);
  if (y == NULL || memo_put (vm, memo, x, y) < 0)
    goto fail;
  /* by index: a __deepcopy__ may change x while it is copied, as `for a in x` sees */
  for (gsize i = 0; i < hs_list_len (x); i++)
    {
      HsObject *item = hs_incref (hs_list_get_borrow (x, i));
      HsObject *c = deep (vm, item, memo);
      hs_decref (vm, item);
      if (c == NULL || hs_list_append_take (vm, y, c) < 0)
        goto fail;
    }
  return y;
fail:
  hs_xdecref (vm, y);
  return NULL;
}

static HsObject *
deep_tuple (HsVM *vm, HsObject *x, HsObject *memo)
{
  gsize n = hs_tuple_len (x);
  HsObject *y = hs_tuple_new (vm, n), *known;
  gboolean same = TRUE;

  if (y == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *c = deep (vm, hs_tuple_get_borrow (x, i), memo);
      if (c == NULL)
        {
          hs_decref (vm, y);
          return NULL;
        }
      same = same && c == hs_tuple_get_borrow (x, i);
      hs_tuple_set_take (y, i, c);
    }
  /* a tuple inside a cycle was copied while its items were */
  known = memo_get (vm, memo, x);
  if (known != NULL || hs_err_occurred (vm) || same)
    {
      hs_decref (vm, y);
      return hs_err_occurred (vm) ? NULL : hs_incref (known != NULL ? known : x);
    }
  return y;
}

static HsObject *
deep_dict (HsVM *vm, HsObject *x, HsObject *memo)
{
  HsObject *y = hs_dict_new (vm), *k, *v;
  gsize pos = 0;

  if (y == NULL || memo_put (vm, memo, x, y) < 0)
    goto fail;
  while (hs_dict_next (x, &pos, &k, &v))
    {
      HsObject *ck, *cv = NULL;
      int r;
      hs_incref (k);
      hs_incref (v);
      ck = deep (vm, k, memo);
      if (ck != NULL)
        cv = deep (vm, v, memo);
      r = cv != NULL ? hs_dict_set_item (vm, y, ck, cv) : -1;
      hs_decref (vm, k);
      hs_decref (vm, v);
      hs_xdecref (vm, ck);
      hs_xdecref (vm, cv);
      if (r < 0)
        goto fail;
    }
  return y;
fail:
  hs_xdecref (vm, y);
  return NULL;
}

/* The frames deepcopy() runs below its own for x: _deepcopy_atomic, _deepcopy_list or
 * _deepcopy_dict, _deepcopy_tuple and its list comprehension, _reconstruct; none for a
 * __deepcopy__ method, whose frame is a real one. */
static int
copier_frames (HsObject *x, gboolean has_deepcopy)
{
  if (HS_IS (x, &hs_tuple_type))
    return 2;
  return has_deepcopy ? 0 : 1;
}

/* copy.py is Python code in CPython, so every object deepcopy reaches costs the recursion
 * depth of the frames it runs for it: deepcopy's own, a call through C (type(x)) one level
 * deeper, then its copier's. Counting them here makes deep structures raise CPython's
 * RecursionError at CPython's depth, and bounds the C recursion. */
static HsObject *
deep (HsVM *vm, HsObject *x, HsObject *memo)
{
  HsObject *y;
  gboolean atomic, has_deepcopy;
  int frames;

  if (!hs_recursion_enter (vm, ""))
    return NULL;
  y = memo_get (vm, memo, x);
  if (y != NULL || hs_err_occurred (vm))
    {
      hs_recursion_leave (vm);
      return y != NULL ? hs_incref (y) : NULL;
    }
  if (!hs_recursion_probe (vm, 1, " while calling a Python object"))
    {
      hs_recursion_leave (vm);
      return NULL;
    }
  atomic = is_atomic (x) || hs_exception_type_check (x) || hs_class_check (x);
  has_deepcopy = !atomic && !HS_IS (x, &hs_method_type)
                 && hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__deepcopy__")) != NULL;
  frames = copier_frames (x, has_deepcopy);
  if (!hs_recursion_enter_n (vm, frames, ""))
    {
      hs_recursion_leave (vm);
      return NULL;
    }
  if (atomic)
    y = hs_incref (x);
  else if (HS_IS (x, &hs_list_type))
    y = deep_list (vm, x, memo);
  else if (HS_IS (x, &hs_tuple_type))
    y = deep_tuple (vm, x, memo);
  else if (HS_IS (x, &hs_dict_type))
    y = deep_dict (vm, x, memo);
  else if (has_deepcopy)
    y = hs_object_call_method (vm, x, "__deepcopy__", &memo, 1, NULL);
  else
    y = copy_by_reduce (vm, x, memo);
  hs_recursion_leave_n (vm, frames);
  if (y != NULL && y != x && (memo_put (vm, memo, x, y) < 0 || keep_alive (vm, x, memo) < 0))
    HS_CLEAR (vm, y);
  hs_recursion_leave (vm);
  return y;
}

HsObject *
hs_copy_deep (HsVM *vm, HsObject *x, HsObject *memo)
{
  HsObject *y;

  if (memo != NULL && memo != hs_None && !hs_dict_check (memo))
    {
      hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute 'get'",
                     hs_type_name (memo));
      return NULL;
    }
  if (memo != NULL && memo != hs_None)
    return deep (vm, x, memo);
  if ((memo = hs_dict_new (vm)) == NULL)
    return NULL;
  y = deep (vm, x, memo);
  hs_decref (vm, memo);
  return y;
}

static HsObject *
copy_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL;
  if (!hs_parse_args (vm, "copy", args, nargs, kwnames, "@x", &x))
    return NULL;
  return hs_copy_shallow (vm, x);
}

static HsObject *
copy_deepcopy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL, *memo = NULL, *nil = NULL;
  if (!hs_parse_args (vm, "deepcopy", args, nargs, kwnames, "@x|memo _nil", &x, &memo, &nil))
    return NULL;
  return hs_copy_deep (vm, x, memo);
}

static const HsMethodDef copy_functions[] = {
  { "copy", copy_copy },
  { "deepcopy", copy_deepcopy },
  { NULL, NULL },
};

void
hs_mod_copy_runtime_init (void)
{
  hs_type_ready (&copy_error_type);
}

int
hs_mod_copy_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, copy_functions) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "Error", hs_incref ((HsObject *)&copy_error_type));
}
