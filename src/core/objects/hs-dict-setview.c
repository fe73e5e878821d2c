/* hs-dict-setview.c — the set operations of dict_keys and dict_items (CPython's
 * dictviews_and/or/sub/xor and isdisjoint): each result is a new set, built in the order
 * CPython builds it, so that it iterates (and prints) as CPython's does. */
#include "config.h"

#include "hs-dict-setview.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-iter.h"
#include "hs-set.h"
#include "hs-tuple.h"

static gboolean
is_setview (HsObject *o)
{
  return HS_IS (o, &hs_dict_keys_type) || HS_IS (o, &hs_dict_items_type);
}

/* CPython's dictviews_to_set: a keys view's set comes from its dict, anything else is
 * iterated. */
static HsObject *
to_set (HsVM *vm, HsObject *o)
{
  return hs_set_from_iterable (vm, HS_IS (o, &hs_dict_keys_type) ? hs_dict_view_dict (o) : o);
}

/* _PyDictView_Intersect: the members of the smaller side found in the other. */
static HsObject *
intersect (HsVM *vm, HsObject *self, HsObject *other)
{
  HsObject *result, *it, *key;
  gssize len_self, len_other;

  if (!is_setview (self))
    {
      HsObject *t = self;
      self = other;
      other = t;
    }
  if ((len_self = hs_object_len (vm, self)) < 0)
    return NULL;
  if (HS_IS (other, &hs_set_type))
    {
      if ((len_other = hs_object_len (vm, other)) < 0)
        return NULL;
      if (len_self <= len_other)
        return hs_object_call_method (vm, other, "intersection", &self, 1, NULL);
    }
  if (is_setview (other))
    {
      if ((len_other = hs_object_len (vm, other)) < 0)
        return NULL;
      if (len_other > len_self)
        {
          HsObject *t = self;
          self = other;
          other = t;
        }
    }
  if ((result = hs_set_new (vm)) == NULL || (it = hs_object_iter (vm, other)) == NULL)
    {
      hs_xdecref (vm, result);
      return NULL;
    }
  while ((key = hs_iter_next (vm, it)) != NULL)
    {
      int in = hs_object_contains (vm, self, key);
      if (in < 0 || (in > 0 && hs_set_add (vm, result, key) < 0))
        {
          hs_decref (vm, key);
          hs_decref (vm, it);
          hs_decref (vm, result);
          return NULL;
        }
      hs_decref (vm, key);
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    {
      hs_decref (vm, result);
      return NULL;
    }
  return result;
}

/* dictitems_xor: the pairs of either dict that the other has not equal, b's first. */
static HsObject *
items_xor (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *rest = hs_dict_copy (vm, hs_dict_view_dict (a)), *result = hs_set_new (vm);
  HsObject *key, *val2, *items;
  gsize pos = 0;
  int failed = rest == NULL || result == NULL;

  while (!failed && hs_dict_next (hs_dict_view_dict (b), &pos, &key, &val2))
    {
      HsObject *val1 = hs_dict_get_item_borrow (vm, rest, key);
      int same = 0;
      if (val1 != NULL)
        {
          hs_incref (val1);
          same = hs_object_equal (vm, val1, val2);
          hs_decref (vm, val1);
        }
      else if (hs_err_occurred (vm))
        same = -1;
      if (same > 0)
        failed = hs_dict_del_item (vm, rest, key) < 0;
      else if (same == 0)
        {
          HsObject *pair = hs_tuple_pack (vm, 2, key, val2);
          failed = pair == NULL || hs_set_add (vm, result, pair) < 0;
          hs_xdecref (vm, pair);
        }
      else
        failed = TRUE;
    }
  if (!failed)
    {
      items = hs_dict_items (vm, rest);
      failed = items == NULL || hs_set_update (vm, result, items) < 0;
      hs_xdecref (vm, items);
    }
  hs_xdecref (vm, rest);
  if (failed)
    {
      hs_xdecref (vm, result);
      return NULL;
    }
  return result;
}

HsObject *
hs_dict_setview_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  const char *method;
  HsObject *result, *r;

  switch (op)
    {
      case HS_BIN_AND:
        return intersect (vm, a, b);
      case HS_BIN_OR:
        method = NULL;
        break;
      case HS_BIN_SUB:
        method = "difference_update";
        break;
      case HS_BIN_XOR:
        if (HS_IS (a, &hs_dict_items_type) && HS_IS (b, &hs_dict_items_type))
          return items_xor (vm, a, b);
        method = "symmetric_difference_update";
        break;
      default:
        return hs_incref (hs_NotImplemented);
    }
  if ((result = to_set (vm, a)) == NULL)
    return NULL;
  if (method == NULL)
    r = hs_set_update (vm, result, b) < 0 ? NULL : hs_incref (hs_None);
  else
    r = hs_object_call_method (vm, result, method, &b, 1, NULL);
  if (r == NULL)
    {
      hs_decref (vm, result);
      return NULL;
    }
  hs_decref (vm, r);
  return result;
}

/* dictviews_isdisjoint: whether no member of `other` is in the view (the smaller side is
 * iterated when both sizes are known). */
static HsObject *
setview_isdisjoint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *other = NULL, *it, *key;
  int in = 0;

  if (!hs_parse_args (vm, "isdisjoint", args + 1, nargs - 1, kwnames, "other /", &other))
    return NULL;
  if (self == other)
    return hs_incref (hs_bool_from (hs_object_len (vm, self) == 0));
  if (hs_anyset_check (other) || is_setview (other))
    {
      gssize len_self = hs_object_len (vm, self), len_other = hs_object_len (vm, other);
      if (len_self < 0 || len_other < 0)
        return NULL;
      if (len_other > len_self)
        {
          HsObject *t = self;
          self = other;
          other = t;
        }
    }
  if ((it = hs_object_iter (vm, other)) == NULL)
    return NULL;
  while (in == 0 && (key = hs_iter_next (vm, it)) != NULL)
    {
      in = hs_object_contains (vm, self, key);
      hs_decref (vm, key);
    }
  hs_decref (vm, it);
  if (in < 0 || hs_err_occurred (vm))
    return NULL;
  return hs_incref (hs_bool_from (in == 0));
}

const HsMethodDef hs_dict_setview_methods[] = {
  { "isdisjoint", setview_isdisjoint },
  { NULL, NULL },
};
