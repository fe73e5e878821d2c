/* hs-vm-match.c — what the pattern-matching instructions ask of objects (CPython 3.11's
 * MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS and MATCH_CLASS, with match_keys and match_class
 * of Python/ceval.c): which subjects are mappings and sequences, a mapping's values for a
 * tuple of keys, and a class pattern's attributes.
 *
 * Invariant: a mapping pattern reads values with the mapping's `get` (so a defaultdict grows
 * no key and a dict subclass's own `get` is honoured), and a class pattern reads attributes
 * with getattr, so both may run the program's code; a failed match is a borrowed None, an
 * error is NULL with the exception set, never both.
 */
#include "config.h"

#include "hs-class.h"
#include "hs-deque.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-internal.h"

/* CPython's Py_TPFLAGS_MAPPING: dict and its subclasses. */
gboolean
hs_match_is_mapping (HsObject *subject)
{
  return hs_dict_check (subject);
}

/* CPython's Py_TPFLAGS_SEQUENCE: list, tuple, range, deque and their subclasses (not str). */
gboolean
hs_match_is_sequence (HsObject *subject)
{
  const HsType *t = subject->type;
  return hs_type_is_subtype (t, &hs_list_type) || hs_type_is_subtype (t, &hs_tuple_type)
         || hs_type_is_subtype (t, &hs_range_type) || hs_type_is_subtype (t, &hs_deque_type);
}

/* Adds key to seen; FALSE with `fmt`'s error (naming the key's repr) when it was there. */
static gboolean
first_sighting (HsVM *vm, HsObject *seen, HsObject *key, HsType *exc, const char *fmt,
                const char *type_name)
{
  int r = hs_set_contains (vm, seen, key);
  if (r == 0)
    return hs_set_add (vm, seen, key) == 0;
  if (r > 0)
    {
      HsObject *repr = hs_object_repr (vm, key);
      if (repr == NULL)
        return FALSE;
      if (type_name != NULL)
        hs_err_format (vm, exc, fmt, type_name, hs_str_utf8 (repr));
      else
        hs_err_format (vm, exc, fmt, hs_str_utf8 (repr));
      hs_decref (vm, repr);
    }
  return FALSE;
}

/* map.get(key, missing), without the call when `get` (NULL) is dict's own: 1 with the value
 * (new reference) in *out, 0 when the key is missing, -1 on error. */
static int
mapping_get (HsVM *vm, HsObject *map, HsObject *get, HsObject *key, HsObject *missing,
             HsObject **out)
{
  if (get == NULL)
    {
      HsObject *v = hs_dict_get_item_borrow (vm, map, key);
      if (v == NULL)
        return hs_err_occurred (vm) ? -1 : 0;
      *out = hs_incref (v);
      return 1;
    }
  HsObject *args[2] = { key, missing };
  HsObject *v = hs_object_call (vm, get, args, 2, NULL);
  if (v == NULL)
    return -1;
  if (v == missing)
    {
      hs_decref (vm, v);
      return 0;
    }
  *out = v;
  return 1;
}

/* The values of `keys` (a tuple) in map, as a tuple (new reference); None (borrowed) when
 * a key is missing; NULL on error (ValueError for a key given twice). */
HsObject *
hs_match_keys (HsVM *vm, HsObject *map, HsObject *keys)
{
  gsize n = hs_tuple_len (keys);
  if (n == 0)
    return hs_tuple_new (vm, 0);
  HsObject *get_name = hs_str_intern_cstr ("get");
  HsObject *get = NULL, *missing = NULL, *values = NULL;
  if (hs_type_lookup_borrow (map->type, get_name)
      != hs_type_lookup_borrow (&hs_dict_type, get_name))
    {
      /* the subclass's own get(key, default), with a default nothing else can be */
      get = hs_object_getattr (vm, map, get_name);
      if (get == NULL)
        return NULL;
      missing = hs_object_call (vm, (HsObject *)&hs_object_type, NULL, 0, NULL);
      if (missing == NULL)
        {
          hs_decref (vm, get);
          return NULL;
        }
    }
  HsObject *seen = hs_set_new (vm);
  values = seen != NULL ? hs_tuple_new (vm, n) : NULL;
  for (gsize i = 0; values != NULL && i < n; i++)
    {
      HsObject *key = hs_tuple_get_borrow (keys, i), *v = NULL;
      int r = first_sighting (vm, seen, key, &hs_exc_ValueError,
                              "mapping pattern checks duplicate key (%s)", NULL)
                  ? mapping_get (vm, map, get, key, missing, &v)
                  : -1;
      if (r < 0)
        HS_CLEAR (vm, values);
      else if (r == 0)
        {
          HS_CLEAR (vm, values);
          values = hs_None;
        }
      else
        hs_tuple_set_take (values, i, v);
    }
  hs_xdecref (vm, get);
  hs_xdecref (vm, missing);
  hs_xdecref (vm, seen);
  return values;
}

/* Types whose class patterns match the subject itself with one positional sub-pattern
 * (CPython's _Py_TPFLAGS_MATCH_SELF), and their subclasses. */
static gboolean
matches_self (const HsType *t)
{
  static const HsType *const types[]
      = { &hs_bool_type, &hs_dict_type, &hs_float_type, &hs_frozenset_type, &hs_int_type,
          &hs_list_type, &hs_set_type,  &hs_str_type,   &hs_tuple_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_type_is_subtype (t, types[i]))
      return TRUE;
  return FALSE;
}

/* getattr(subject, name) for a class pattern: NULL without an error when it has no such
 * attribute; TypeError for an attribute named twice. */
static HsObject *
class_attr (HsVM *vm, HsObject *subject, HsType *type, HsObject *name, HsObject *seen)
{
  if (!first_sighting (vm, seen, name, &hs_exc_TypeError,
                       "%s() got multiple sub-patterns for attribute %s", type->name))
    return NULL;
  HsObject *attr = hs_object_getattr (vm, subject, name);
  if (attr == NULL && hs_err_matches (vm, &hs_exc_AttributeError))
    hs_err_clear (vm);
  return attr;
}

/* The positional sub-patterns' attributes, named by type.__match_args__ (or the subject
 * itself), appended to attrs; FALSE on error or when an attribute is missing. */
static gboolean
positional_attrs (HsVM *vm, HsObject *subject, HsType *type, gsize nargs, HsObject *seen,
                  GPtrArray *attrs)
{
  gboolean match_self = FALSE;
  HsObject *match_args = hs_object_getattr_cstr (vm, (HsObject *)type, "__match_args__");
  if (match_args == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_AttributeError))
        return FALSE;
      hs_err_clear (vm);
      match_self = matches_self (type);
    }
  else if (!HS_IS (match_args, &hs_tuple_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                     type->name, hs_type_name (match_args));
      hs_decref (vm, match_args);
      return FALSE;
    }
  gsize allowed = match_self ? 1 : match_args != NULL ? hs_tuple_len (match_args) : 0;
  gboolean ok = allowed >= nargs;
  if (!ok)
    hs_err_format (vm, &hs_exc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                   type->name, (int)allowed, allowed == 1 ? "" : "s", (int)nargs);
  else if (match_self)
    g_ptr_array_add (attrs, hs_incref (subject));
  for (gsize i = 0; ok && !match_self && i < nargs; i++)
    {
      HsObject *name = hs_tuple_get_borrow (match_args, i);
      if (!HS_IS (name, &hs_str_type))
        {
          hs_err_format (vm, &hs_exc_TypeError, "__match_args__ elements must be strings (got %s)",
                         hs_type_name (name));
          ok = FALSE;
          break;
        }
      HsObject *attr = class_attr (vm, subject, type, name, seen);
      ok = attr != NULL;
      if (ok)
        g_ptr_array_add (attrs, attr);
    }
  hs_xdecref (vm, match_args);
  return ok;
}

/* The attributes a class pattern `type(<nargs positional>, names...=)` extracts from the
 * subject, as a tuple (new reference); None (borrowed) when it does not match; NULL on
 * error. */
HsObject *
hs_match_class (HsVM *vm, HsObject *subject, HsObject *type, gsize nargs, HsObject *names)
{
  if (!HS_ISINSTANCE (type, &hs_type_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "called match pattern must be a type");
      return NULL;
    }
  HsType *t = (HsType *)type;
  HsObject *is = hs_class_isinstance (vm, subject, t);
  if (is != hs_True)
    return is == NULL ? NULL : hs_None;
  HsObject *seen = hs_set_new (vm);
  if (seen == NULL)
    return NULL;
  GPtrArray *attrs = g_ptr_array_new ();
  gboolean ok = nargs == 0 || positional_attrs (vm, subject, t, nargs, seen, attrs);
  for (gsize i = 0; ok && i < hs_tuple_len (names); i++)
    {
      HsObject *attr = class_attr (vm, subject, t, hs_tuple_get_borrow (names, i), seen);
      ok = attr != NULL;
      if (ok)
        g_ptr_array_add (attrs, attr);
    }
  HsObject *r = NULL;
  if (ok)
    {
      r = hs_tuple_new (vm, attrs->len);
      for (guint i = 0; r != NULL && i < attrs->len; i++)
        hs_tuple_set_take (r, i, hs_incref (attrs->pdata[i]));
    }
  else if (!hs_err_occurred (vm))
    r = hs_None;
  for (guint i = 0; i < attrs->len; i++)
    hs_decref (vm, attrs->pdata[i]);
  g_ptr_array_free (attrs, TRUE);
  hs_decref (vm, seen);
  return r;
}
