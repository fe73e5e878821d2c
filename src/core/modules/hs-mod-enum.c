/* hs-mod-enum.c — the `enum` module: EnumType (EnumMeta), Enum, Flag, auto and unique.
 *
 * Invariant: as in CPython 3.11, an enum class is a class whose metaclass is EnumType, and
 * each member is an instance of it, made once when the class is made and held by it: the
 * class's namespace maps each member name (aliases included) to its member, and keeps
 * CPython's bookkeeping beside them (`_member_names_`, the canonical names in definition
 * order; `_member_map_`, every name to its member; `_value2member_map_`, each value to its
 * member; for a Flag also `_flag_mask_`, `_singles_mask_` and `_all_bits_`). A member's own
 * attributes are CPython's: `_value_`, `_name_`, `__objclass__`, what its `__init__` set, then
 * `_sort_order_`. A Flag value that no member has is made into a pseudo-member on first use
 * and cached in `_value2member_map_`, as CPython's Flag._missing_ does. The methods are
 * built-in here where CPython's are Python functions (no frame of enum.py in a traceback).
 */
#include "config.h"

#include <string.h>

#include "hs-builtin-subclass.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-format.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-mappingproxy.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- auto ------------------------------------------------------------------------------ */

static HsObject *auto_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs,
                                 HsObject *kwnames);

static HsType auto_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "auto",
  .module = "enum",
  .base = &hs_object_type,
  .basicsize = sizeof (HsObject),
  .construct = auto_construct,
};

/* ---- names ------------------------------------------------------------------------------- */

static HsObject *s_value, *s_name, *s_objclass, *s_sort_order, *s_member_names, *s_member_map,
    *s_value2member, *s_flag_mask, *s_singles_mask, *s_all_bits, *s_inverted, *s_init, *s_generate,
    *s_missing, *s_new;

static gboolean
is_dunder (const char *n)
{
  gsize l = strlen (n);
  return l > 4 && strncmp (n, "__", 2) == 0 && strcmp (n + l - 2, "__") == 0 && n[2] != '_'
         && n[l - 3] != '_';
}

static gboolean
is_sunder (const char *n)
{
  gsize l = strlen (n);
  return l > 2 && n[0] == '_' && n[l - 1] == '_' && n[1] != '_' && n[l - 2] != '_';
}

/* `_ClassName__x`: a private name, an ordinary attribute since 3.11. */
static gboolean
is_private (const char *cls, const char *n)
{
  gsize cl = strlen (cls), l = strlen (n);
  return n[0] == '_' && strncmp (n + 1, cls, cl) == 0 && strncmp (n + 1 + cl, "__", 2) == 0
         && (l < 2 || n[l - 1] != '_' || n[l - 2] != '_');
}

/* CPython's _is_descriptor: what has __get__, __set__ or __delete__ is not a member. */
static gboolean
is_descriptor (HsObject *v)
{
  static const HsType *const builtin[]
      = { &hs_function_type,      &hs_staticmethod_type, &hs_classmethod_type,
          &hs_property_type,      &hs_method_descr_type, &hs_classmethod_descr_type,
          &hs_wrapper_descr_type, &hs_getset_descr_type };
  static const char *const hooks[] = { "__get__", "__set__", "__delete__" };
  for (gsize i = 0; i < G_N_ELEMENTS (builtin); i++)
    if (HS_IS (v, builtin[i]))
      return TRUE;
  for (gsize i = 0; (v->type->type_flags & HS_TYPE_HEAP) && i < G_N_ELEMENTS (hooks); i++)
    if (hs_type_lookup_borrow (v->type, hs_str_intern_cstr (hooks[i])) != NULL)
      return TRUE;
  return FALSE;
}

/* ---- what an enum class keeps ------------------------------------------------------------ */

/* The class's own bookkeeping entry (borrowed), or NULL: looked up along the MRO, as
 * CPython's cls._member_map_. */
static HsObject *
cls_entry (HsObject *cls, HsObject *name)
{
  return hs_type_lookup_borrow ((HsType *)cls, name);
}

/* The class named `name` of this module (Enum, Flag, ...) in the MRO of `cls`, or NULL. */
static const HsType *
enum_base (HsObject *cls, const char *name)
{
  const HsType *m;
  for (gsize i = 0; (m = hs_type_mro_at ((const HsType *)cls, i)) != NULL; i++)
    if (m->module != NULL && strcmp (m->module, "enum") == 0 && strcmp (m->name, name) == 0)
      return m;
  return NULL;
}

static gboolean
derives_from (HsObject *cls, const char *name)
{
  return enum_base (cls, name) != NULL;
}

static HsObject *
member_value (HsObject *m)
{
  HsObject *v = hs_instance_check (m) ? hs_instance_attr_borrow (m, s_value) : NULL;
  return v != NULL ? v : hs_None;
}

static HsObject *
member_name (HsObject *m)
{
  HsObject *v = hs_instance_check (m) ? hs_instance_attr_borrow (m, s_name) : NULL;
  return v != NULL ? v : hs_None;
}

/* The members in definition order (canonical ones, not aliases): a new list. */
static HsObject *
members_list (HsVM *vm, HsObject *cls)
{
  HsObject *names = cls_entry (cls, s_member_names), *map = cls_entry (cls, s_member_map);
  HsObject *out = hs_list_new (vm, 0);
  if (out == NULL || names == NULL || map == NULL || !hs_list_check (names) || !hs_dict_check (map))
    return out;
  for (gsize i = 0; i < hs_list_len (names); i++)
    {
      HsObject *m = hs_dict_get_item_borrow (vm, map, hs_list_get_borrow (names, i));
      if (m != NULL && hs_list_append (vm, out, m) < 0)
        {
          hs_decref (vm, out);
          return NULL;
        }
    }
  return out;
}

/* ---- Flag arithmetic on values ----------------------------------------------------------- */

static HsObject *
int_op (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  return hs_number_binop (vm, op, a, b);
}

static HsObject *
int_op_take (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r = a != NULL && b != NULL ? int_op (vm, op, a, b) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return r;
}

/* 2 ** v.bit_length() - 1 */
static HsObject *
all_bits_of (HsVM *vm, HsObject *mask)
{
  HsObject *one = hs_int_from_i64 (vm, 1);
  HsObject *p = int_op_take (vm, HS_BIN_LSHIFT, hs_incref (one),
                             hs_int_from_i64 (vm, (gint64)hs_int_num_bits (mask)));
  return int_op_take (vm, HS_BIN_SUB, p, one);
}

static gboolean
is_single_bit (HsVM *vm, HsObject *v)
{
  if (!hs_int_check (v) || hs_int_sign (v) <= 0)
    return FALSE;
  HsObject *m = int_op_take (vm, HS_BIN_SUB, hs_incref (v), hs_int_from_i64 (vm, 1));
  HsObject *r = int_op_take (vm, HS_BIN_AND, hs_incref (v), m);
  gboolean single = r != NULL && hs_int_sign (r) == 0;
  hs_xdecref (vm, r);
  hs_err_clear (vm);
  return single;
}

/* ---- making the members ------------------------------------------------------------------ */

/* Enum's and Flag's _generate_next_value_(name, start, count, last_values). */
static HsObject *
default_next_value (HsVM *vm, gboolean flag, HsObject *start, gsize count, HsObject *last)
{
  gsize n = hs_list_len (last);
  if (flag)
    {
      if (count == 0)
        return hs_incref (start);
      HsObject *mx = NULL;
      for (gsize i = 0; i < n; i++)
        {
          HsObject *v = hs_list_get_borrow (last, i);
          if (mx == NULL || hs_object_richcompare_bool (vm, v, mx, HS_CMP_GT) > 0)
            mx = v;
          if (hs_err_occurred (vm))
            return NULL;
        }
      if (mx == NULL || !hs_int_check (mx))
        {
          HsObject *r = mx != NULL ? hs_object_repr (vm, mx) : NULL;
          if (r != NULL)
            hs_err_format (vm, &hs_exc_TypeError, "invalid flag value %s", hs_str_utf8 (r));
          hs_xdecref (vm, r);
          return NULL;
        }
      return int_op_take (vm, HS_BIN_LSHIFT, hs_int_from_i64 (vm, 1),
                          hs_int_from_i64 (vm, (gint64)hs_int_num_bits (mx)));
    }
  if (n == 0)
    return hs_incref (start);
  /* the last value plus one; when it is not the largest, CPython 3.11 warns (not here) and
   * tries the values from the largest down */
  HsObject *sorted = hs_list_from_array (vm, hs_list_items (last), n);
  if (sorted == NULL)
    return NULL;
  if (hs_list_sort (vm, sorted, NULL, FALSE) < 0)
    hs_err_clear (vm);
  for (gsize i = n; i-- > 0;)
    {
      HsObject *r = hs_number_binop (vm, HS_BIN_ADD, hs_list_get_borrow (sorted, i),
                                     hs_int_from_i64 (vm, 1));
      if (r != NULL || !hs_err_matches (vm, &hs_exc_TypeError))
        {
          hs_decref (vm, sorted);
          return r;
        }
      hs_err_clear (vm);
    }
  hs_decref (vm, sorted);
  return hs_incref (start);
}

static HsObject *
gnv_common (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean flag,
            const char *fname)
{
  HsObject *name = NULL, *start = NULL, *count = NULL, *last = NULL;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@name start count last_values", &name,
                      &start, &count, &last))
    return NULL;
  HsObject *l = hs_list_from_iterable (vm, last);
  gssize n = l != NULL ? hs_int_as_ssize (vm, count) : -1;
  HsObject *r = n >= 0 ? default_next_value (vm, flag, start, (gsize)n, l) : NULL;
  hs_xdecref (vm, l);
  return r;
}

HS_CFUNCTION_VARIANT (enum_gnv, gnv_common, FALSE, "Enum._generate_next_value_")
HS_CFUNCTION_VARIANT (flag_gnv, gnv_common, TRUE, "Flag._generate_next_value_")

/* StrEnum._generate_next_value_: the member's name in lower case. */
static HsObject *
strenum_gnv (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL, *start = NULL, *count = NULL, *last = NULL;
  if (!hs_parse_args (vm, "StrEnum._generate_next_value_", args, nargs, kwnames,
                      "@name start count last_values", &name, &start, &count, &last))
    return NULL;
  HsObject *lower = hs_object_getattr_cstr (vm, name, "lower");
  HsObject *r = lower != NULL ? hs_object_call (vm, lower, NULL, 0, NULL) : NULL;
  hs_xdecref (vm, lower);
  return r;
}

static const HsMethodDef enum_gnv_def = { "_generate_next_value_", enum_gnv };
static const HsMethodDef strenum_gnv_def = { "_generate_next_value_", strenum_gnv };
static const HsMethodDef flag_gnv_def = { "_generate_next_value_", flag_gnv };

/* Which built-in _generate_next_value_ `fn` is: 0 Enum's, 1 Flag's, -1 another. */
static int
builtin_gnv (HsObject *fn)
{
  if (fn == NULL || !HS_IS (fn, &hs_cfunction_type))
    return -1;
  const HsMethodDef *d = ((HsCFunctionObject *)fn)->def;
  return d == &enum_gnv_def ? 0 : d == &flag_gnv_def ? 1 : -1;
}

/* The value auto() stands for: what the _generate_next_value_ of the class body (its own, or
 * the one __prepare__ put there from its enum base) gives. */
static HsObject *
next_value (HsVM *vm, HsObject *ns, HsObject *name, HsObject *start, gsize count, HsObject *last)
{
  HsObject *fn = hs_dict_get_item_borrow (vm, ns, s_generate);
  if (fn != NULL && HS_IS (fn, &hs_staticmethod_type))
    {
      fn = hs_descr_get (vm, fn, NULL, NULL); /* its function, held by the wrapper */
      hs_decref (vm, fn);
    }
  int which = builtin_gnv (fn);
  if (fn == NULL || which >= 0)
    return default_next_value (vm, which == 1, start, count, last);
  HsObject *lv = hs_list_from_array (vm, hs_list_items (last), hs_list_len (last));
  HsObject *cnt = hs_int_from_i64 (vm, (gint64)count);
  HsObject *args[4] = { name, start, cnt, lv };
  HsObject *r = lv != NULL && cnt != NULL ? hs_object_call (vm, fn, args, 4, NULL) : NULL;
  hs_xdecref (vm, lv);
  hs_xdecref (vm, cnt);
  return r;
}

/* Whether the class body's entry `name` = value makes a member (CPython's _EnumDict). */
static gboolean
is_member_entry (const char *clsname, HsObject *name, HsObject *value)
{
  if (!hs_str_check (name))
    return FALSE;
  const char *n = hs_str_utf8 (name);
  return !is_dunder (n) && !is_sunder (n) && !is_private (clsname, n) && !is_descriptor (value);
}

/* auto(): inside an enum's class body whose _generate_next_value_ is a built-in one, the value
 * itself at once, as CPython's _EnumDict stores it (so `RW = R | W` works); else an auto
 * object the class resolves when it is made (a generator of the class may use the name). */
static HsObject *
auto_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "auto", args, nargs, kwnames, ""))
    return NULL;
  HsFrame *f = hs_vm_current_frame (vm);
  HsObject *ns = f != NULL ? f->ns : NULL;
  int which = ns != NULL && hs_dict_check (ns)
                  ? builtin_gnv (hs_dict_get_item_borrow (vm, ns, s_generate))
                  : -1;
  if (which >= 0)
    {
      HsObject *qn = hs_dict_get_item_borrow (vm, ns, hs_str_intern_cstr ("__qualname__"));
      HsObject *last = hs_list_new (vm, 0), *k, *v;
      gsize pos = 0, count = 0;
      while (last != NULL && hs_dict_next (ns, &pos, &k, &v))
        if (is_member_entry (qn != NULL && hs_str_check (qn) ? hs_str_utf8 (qn) : "", k, v))
          {
            count++;
            if (hs_list_append (vm, last, v) < 0)
              HS_CLEAR (vm, last);
          }
      HsObject *one = hs_int_from_i64 (vm, 1);
      HsObject *r = last != NULL ? default_next_value (vm, which == 1, one, count, last) : NULL;
      hs_xdecref (vm, last);
      return r;
    }
  HsObject *a = hs_object_alloc (vm, type, sizeof (HsObject));
  if (a != NULL)
    hs_incref ((HsObject *)type);
  return a;
}

/* Takes the members out of the class body's namespace `ns` (a copy): their names and values
 * in order, auto() resolved. */
static int
collect_members (HsVM *vm, HsObject *clsname, HsObject *ns, HsObject *start, HsObject *names,
                 HsObject *values)
{
  gsize pos = 0;
  HsObject *k, *v;
  const char *cn = hs_str_utf8 (clsname);
  while (hs_dict_next (ns, &pos, &k, &v))
    {
      if (!is_member_entry (cn, k, v))
        continue;
      if (hs_str_equal_cstr (k, "mro"))
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "invalid enum member name(s) 'mro'");
          return -1;
        }
      HsObject *val = HS_IS (v, &auto_type)
                          ? next_value (vm, ns, k, start, hs_list_len (names), values)
                          : hs_incref (v);
      if (val == NULL || hs_list_append (vm, names, k) < 0
          || hs_list_append_take (vm, values, val) < 0)
        return -1;
    }
  for (gsize i = 0; i < hs_list_len (names); i++)
    if (hs_dict_del_item (vm, ns, hs_list_get_borrow (names, i)) < 0)
      return -1;
  return 0;
}

/* CPython's `_check_for_existing_members_`: an enum with members cannot be subclassed. */
static gboolean
check_bases (HsVM *vm, HsObject *clsname, HsObject **bases, gsize nbases)
{
  for (gsize i = 0; i < nbases; i++)
    {
      const HsType *m;
      for (gsize j = 0;
           hs_type_check (bases[i]) && (m = hs_type_mro_at ((HsType *)bases[i], j)) != NULL; j++)
        {
          HsObject *names = m->dict != NULL && (m->type_flags & HS_TYPE_HEAP)
                                ? hs_dict_get_item_borrow (vm, m->dict, s_member_names)
                                : NULL;
          if (names != NULL && hs_list_check (names) && hs_list_len (names) > 0)
            {
              HsObject *s = hs_str_new (vm, hs_str_utf8 (clsname), hs_str_byte_len (clsname));
              HsObject *r = s != NULL ? hs_object_repr (vm, s) : NULL;
              HsObject *br = r != NULL ? hs_object_repr (vm, (HsObject *)m) : NULL;
              if (br != NULL)
                hs_err_format (vm, &hs_exc_TypeError, "<enum %s> cannot extend %s", hs_str_utf8 (r),
                               hs_str_utf8 (br));
              hs_xdecref (vm, s);
              hs_xdecref (vm, r);
              hs_xdecref (vm, br);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static int
set_ns (HsVM *vm, HsObject *ns, HsObject *key, HsObject *value)
{
  if (value == NULL)
    return -1;
  int r = hs_dict_set_item (vm, ns, key, value);
  hs_decref (vm, value);
  return r;
}

/* fn(first, *args) for the tuple `args`. */
static HsObject *
call_with_first (HsVM *vm, HsObject *fn, HsObject *first, HsObject *args)
{
  gsize n = hs_tuple_len (args);
  HsObject **all = g_new (HsObject *, n + 1);
  all[0] = first;
  memcpy (all + 1, hs_tuple_items (args), n * sizeof (HsObject *));
  HsObject *r = hs_object_call (vm, fn, all, n + 1, NULL);
  g_free (all);
  return r;
}

/* StrEnum's check of a member's values (CPython's StrEnum.__new__): a str, then an encoding
 * and errors that are strings. */
static gboolean
check_str_values (HsVM *vm, HsObject *args)
{
  static const char *const what[] = { "%s is not a string", "encoding must be a string, not %s",
                                      "errors must be a string, not %s" };
  gsize n = hs_tuple_len (args);
  if (n > 3)
    {
      HsObject *r = hs_object_repr (vm, args);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "too many arguments for str(): %s", hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    if (!hs_str_check (hs_tuple_get_borrow (args, i)))
      {
        HsObject *r = hs_object_repr (vm, hs_tuple_get_borrow (args, i));
        if (r != NULL)
          hs_err_format (vm, &hs_exc_TypeError, what[i], hs_str_utf8 (r));
        hs_xdecref (vm, r);
        return FALSE;
      }
  return TRUE;
}

/* A new member object of `cls` for the values `args` (a tuple): made by the class body's own
 * __new__, else by its mixed-in data type's (int.__new__(cls, *args) for an IntEnum), else
 * an instance with no attributes, as CPython's EnumType picks __new__. */
static HsObject *
new_member (HsVM *vm, HsObject *cls, HsObject *user_new, HsObject *args)
{
  HsType *mt = hs_builtin_subclass_base ((HsType *)cls);
  HsObject *fn = user_new != NULL ? user_new
                 : mt != NULL     ? hs_type_lookup_borrow (mt, s_new)
                                  : NULL;
  if (fn == NULL)
    return hs_instance_new_empty (vm, cls);
  if (user_new == NULL && mt == &hs_str_type && derives_from (cls, "StrEnum")
      && !check_str_values (vm, args))
    return NULL;
  return call_with_first (vm, fn, cls, args);
}

/* The member `name` = value of class `cls`: made by the class's own __new__ (one of the body)
 * or object's, given its attributes, its __init__ run; then the canonical member of its value
 * (an alias keeps the first one) recorded in the class's maps and namespace. */
static int
add_member (HsVM *vm, HsObject *cls, HsObject *user_new, gboolean flag, HsObject *name,
            HsObject *value)
{
  HsObject *args = hs_tuple_check (value) ? hs_incref (value) : hs_tuple_pack (vm, 1, value);
  HsObject *m = NULL;
  int rc = -1;
  if (args == NULL)
    return -1;
  m = new_member (vm, cls, user_new, args);
  if (m == NULL)
    goto out;
  if (!hs_instance_check (m))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "_value_ not set in __new__, unable to create it");
      goto out;
    }
  if (hs_instance_attr_borrow (m, s_value) == NULL)
    {
      /* a mixed-in data type's value is the type's own: int('1') for an IntEnum's '1' */
      HsType *mt = hs_builtin_subclass_base ((HsType *)cls);
      HsObject *v = mt != NULL ? hs_object_call (vm, (HsObject *)mt, hs_tuple_items (args),
                                                 hs_tuple_len (args), NULL)
                               : hs_incref (value);
      int set = v != NULL ? hs_instance_set_attr (vm, m, s_value, v) : -1;
      hs_xdecref (vm, v);
      if (set < 0)
        goto out;
    }
  value = hs_incref (member_value (m));
  HsObject *names = cls_entry (cls, s_member_names), *map = cls_entry (cls, s_member_map),
           *v2m = cls_entry (cls, s_value2member), *ns = ((HsType *)cls)->dict;
  if (hs_instance_set_attr (vm, m, s_name, name) < 0
      || hs_instance_set_attr (vm, m, s_objclass, cls) < 0)
    goto out_value;
  HsObject *init = hs_type_lookup_borrow ((HsType *)cls, s_init);
  if (init != NULL && HS_IS (init, &hs_function_type))
    {
      HsObject *r = call_with_first (vm, init, m, args);
      if (r == NULL)
        goto out_value;
      hs_decref (vm, r);
    }
  HsObject *order = hs_int_from_i64 (vm, (gint64)hs_list_len (names));
  int set = order != NULL ? hs_instance_set_attr (vm, m, s_sort_order, order) : -1;
  hs_xdecref (vm, order);
  if (set < 0)
    goto out_value;
  gboolean single = flag && is_single_bit (vm, value);
  if (flag)
    {
      HsObject *fm = int_op (vm, HS_BIN_OR, cls_entry (cls, s_flag_mask), value);
      if (set_ns (vm, ns, s_flag_mask, fm) < 0
          || (single
              && set_ns (vm, ns, s_singles_mask,
                         int_op (vm, HS_BIN_OR, cls_entry (cls, s_singles_mask), value))
                     < 0)
          || set_ns (vm, ns, s_all_bits, all_bits_of (vm, cls_entry (cls, s_flag_mask))) < 0)
        goto out_value;
    }
  /* an alias: the member of an equal value already there */
  HsObject *canon = NULL;
  gint64 h;
  gboolean hashable = hs_object_hash (vm, value, &h) == 0;
  if (!hashable)
    {
      hs_err_clear (vm);
      gsize pos = 0;
      HsObject *k, *cm;
      while (canon == NULL && hs_dict_next (map, &pos, &k, &cm))
        {
          int eq = hs_object_equal (vm, member_value (cm), value);
          if (eq < 0)
            goto out_value;
          if (eq)
            canon = cm;
        }
    }
  else if ((canon = hs_dict_get_item_borrow (vm, v2m, value)) == NULL && hs_err_occurred (vm))
    goto out_value;
  if (canon == NULL && (!flag || single) && hs_list_append (vm, names, name) < 0)
    goto out_value;
  HsObject *member = canon != NULL ? canon : m;
  /* a class namespace's keys are interned, as CPython's type_setattro interns them */
  if (hs_dict_set_item (vm, ns, hs_str_intern (hs_str_utf8 (name), hs_str_byte_len (name)), member)
          < 0
      || hs_dict_set_item (vm, map, name, member) < 0)
    goto out_value;
  if (hashable && canon == NULL && hs_dict_set_item (vm, v2m, value, member) < 0)
    goto out_value;
  rc = 0;
out_value:
  hs_decref (vm, value);
out:
  hs_xdecref (vm, m);
  hs_decref (vm, args);
  return rc;
}

static int (*type_setattr) (HsVM *, HsObject *, HsObject *, HsObject *);

/* cls.name = the attribute `name` of `from` (found along its MRO), unless the class body
 * `body` set it itself; -1 with the error. */
static int
inherit_method (HsVM *vm, HsObject *cls, HsObject *body, const char *name, const HsType *from)
{
  HsObject *key = hs_str_intern_cstr (name);
  if (hs_dict_get_item_borrow (vm, body, key) != NULL)
    return 0;
  HsObject *m = hs_type_lookup_borrow (from, key);
  return m != NULL ? type_setattr (vm, cls, key, m) : 0;
}

/* CPython's EnumType.__new__ after type.__new__: a ReprEnum leaves str() and format() to its
 * data type (int's repr for an IntEnum); repr, str and format that would be the data
 * type's or object's are the last enum base's; a Flag's operators are Flag's, even where
 * the data type's come first in the MRO (IntFlag's int.__or__). */
static int
fix_methods (HsVM *vm, HsObject *cls, HsObject *body, HsObject **bases, gsize nbases)
{
  static const char *const reprs[] = { "__repr__", "__str__", "__format__" };
  static const char *const flag_ops[]
      = { "__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__" };
  HsType *mt = hs_builtin_subclass_base ((HsType *)cls);
  gboolean repr_enum = FALSE;
  for (gsize i = 0; i < nbases; i++)
    repr_enum |= hs_class_check (bases[i]) && strcmp (((HsType *)bases[i])->name, "ReprEnum") == 0
                 && ((HsType *)bases[i])->module != NULL
                 && strcmp (((HsType *)bases[i])->module, "enum") == 0;
  if (repr_enum && mt == NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "ReprEnum subclasses must be mixed with a data type (i.e. int, str, "
                         "float, etc.)");
      return -1;
    }
  if (repr_enum)
    {
      HsObject *str_key = hs_str_intern_cstr ("__str__");
      gboolean own_str
          = hs_type_lookup_borrow (mt, str_key) != hs_type_lookup_borrow (&hs_object_type, str_key);
      if (inherit_method (vm, cls, body, "__format__", mt) < 0
          || inherit_method (vm, cls, body, "__str__", mt) < 0
          || (!own_str && hs_dict_get_item_borrow (vm, body, str_key) == NULL
              && type_setattr (vm, cls, str_key,
                               hs_type_lookup_borrow (mt, hs_str_intern_cstr ("__repr__")))
                     < 0))
        return -1;
    }
  for (gsize i = 0; nbases > 0 && i < G_N_ELEMENTS (reprs); i++)
    {
      HsObject *key = hs_str_intern_cstr (reprs[i]);
      HsObject *found = hs_type_lookup_borrow ((HsType *)cls, key);
      if ((repr_enum && i > 0) || hs_dict_get_item_borrow (vm, body, key) != NULL
          || (found != hs_type_lookup_borrow (&hs_object_type, key)
              && (mt == NULL || found != hs_type_lookup_borrow (mt, key))))
        continue;
      if (inherit_method (vm, cls, body, reprs[i], (HsType *)bases[nbases - 1]) < 0)
        return -1;
    }
  const HsType *flag = enum_base (cls, "Flag");
  for (gsize i = 0; flag != NULL && mt != NULL && i < G_N_ELEMENTS (flag_ops); i++)
    if (inherit_method (vm, cls, body, flag_ops[i], flag) < 0)
      return -1;
  return 0;
}

/* What EnumType.__new__ does with the class body's namespace `body` (borrowed): the class,
 * then its members. `start` is the first value auto() gives. */
static HsObject *
build_enum (HsVM *vm, HsType *meta, HsObject *clsname, HsObject **bases, gsize nbases,
            HsObject *body, HsObject *start, HsObject **kwvalues, HsObject *kwnames)
{
  gboolean flag = FALSE;
  for (gsize i = 0; i < nbases; i++)
    flag |= hs_class_check (bases[i]) && derives_from (bases[i], "Flag");
  if (!check_bases (vm, clsname, bases, nbases))
    return NULL;
  HsObject *ns = hs_dict_copy (vm, body), *names = hs_list_new (vm, 0),
           *values = hs_list_new (vm, 0);
  HsObject *cls = NULL, *user_new = NULL;
  if (ns == NULL || names == NULL || values == NULL
      || collect_members (vm, clsname, ns, start, names, values) < 0)
    goto out;
  user_new = hs_dict_get_item_borrow (vm, ns, s_new);
  if (user_new != NULL)
    {
      user_new = HS_IS (user_new, &hs_staticmethod_type) ? hs_descr_get (vm, user_new, NULL, NULL)
                                                         : hs_incref (user_new);
      if (user_new == NULL || hs_dict_del_item (vm, ns, s_new) < 0)
        goto out;
    }
  if (set_ns (vm, ns, s_member_names, hs_list_new (vm, 0)) < 0
      || set_ns (vm, ns, s_member_map, hs_dict_new (vm)) < 0
      || set_ns (vm, ns, s_value2member, hs_dict_new (vm)) < 0)
    goto out;
  if (flag
      && (set_ns (vm, ns, s_flag_mask, hs_int_from_i64 (vm, 0)) < 0
          || set_ns (vm, ns, s_singles_mask, hs_int_from_i64 (vm, 0)) < 0
          || set_ns (vm, ns, s_all_bits, hs_int_from_i64 (vm, 0)) < 0))
    goto out;
  cls = hs_class_new (vm, meta, clsname, bases, nbases, ns, kwvalues, kwnames);
  for (gsize i = 0; cls != NULL && i < hs_list_len (names); i++)
    if (add_member (vm, cls, user_new, flag, hs_list_get_borrow (names, i),
                    hs_list_get_borrow (values, i))
        < 0)
      HS_CLEAR (vm, cls);
  if (cls != NULL && fix_methods (vm, cls, body, bases, nbases) < 0)
    HS_CLEAR (vm, cls);
out:
  hs_xdecref (vm, user_new);
  hs_xdecref (vm, ns);
  hs_xdecref (vm, names);
  hs_xdecref (vm, values);
  return cls;
}

/* ---- EnumType ------------------------------------------------------------------------------ */

/* EnumType.__prepare__(cls, bases, **kwds): the class body's namespace, starting with the
 * _generate_next_value_ of its last base, as CPython's. */
static HsObject *
meta_prepare (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  (void)kwnames;
  HsObject *ns = hs_dict_new (vm);
  if (ns == NULL || nargs < 3 || !hs_tuple_check (args[2]) || hs_tuple_len (args[2]) == 0)
    return ns;
  HsObject *last = hs_tuple_get_borrow (args[2], hs_tuple_len (args[2]) - 1);
  HsObject *gen = hs_type_check (last) ? hs_type_lookup_borrow ((HsType *)last, s_generate) : NULL;
  if (gen != NULL && hs_dict_set_item (vm, ns, s_generate, gen) < 0)
    HS_CLEAR (vm, ns);
  return ns;
}

/* EnumType.__new__(metacls, cls, bases, classdict, **kwds) */
static HsObject *
meta_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  if (nargs != 4 || !hs_type_check (args[0]) || !hs_str_check (args[1]) || !hs_tuple_check (args[2])
      || !hs_dict_check (args[3]))
    {
      hs_err_set_string (
          vm, &hs_exc_TypeError,
          "EnumType.__new__() takes a metaclass, a name, a tuple of bases and a dict");
      return NULL;
    }
  return build_enum (vm, (HsType *)args[0], args[1], hs_tuple_items (args[2]),
                     hs_tuple_len (args[2]), args[3], hs_int_from_i64 (vm, 1),
                     nkw > 0 ? args + 4 : NULL, nkw > 0 ? kwnames : NULL);
}

static HsObject *
value_error (HsVM *vm, HsObject *cls, HsObject *value)
{
  HsObject *r = hs_object_repr (vm, value);
  if (r != NULL)
    hs_err_format (vm, &hs_exc_ValueError, "%s is not a valid %s", hs_str_utf8 (r),
                   ((HsType *)cls)->name);
  hs_xdecref (vm, r);
  return NULL;
}

/* CPython's enum.bin(num, max_bits): "0b0 1000", "0b1 0111" (two's complement). */
static int
append_bin (HsVM *vm, GString *out, HsObject *num, gsize max_bits)
{
  gsize bits = hs_int_num_bits (num);
  gboolean neg = hs_int_sign (num) < 0;
  HsObject *t = neg ? int_op_take (vm, HS_BIN_ADD, hs_incref (num),
                                   int_op_take (vm, HS_BIN_LSHIFT, hs_int_from_i64 (vm, 1),
                                                hs_int_from_i64 (vm, (gint64)bits)))
                    : hs_incref (num);
  GString *digits = g_string_new (NULL);
  if (t == NULL || (hs_int_sign (t) != 0 && !hs_int_format_digits (vm, t, 2, FALSE, digits)))
    {
      hs_xdecref (vm, t);
      g_string_free (digits, TRUE);
      return -1;
    }
  hs_decref (vm, t);
  while (digits->len < bits)
    g_string_prepend_c (digits, '0');
  while (digits->len < max_bits)
    g_string_prepend_c (digits, neg ? '1' : '0');
  g_string_append_printf (out, "0b%c %s", neg ? '1' : '0', digits->str);
  g_string_free (digits, TRUE);
  return 0;
}

static HsObject *make_pseudo_member (HsVM *vm, HsObject *cls, HsObject *value);
static HsObject *flag_pseudo_member (HsVM *vm, HsObject *cls, HsObject *value, HsObject *neg);

/* Flag._missing_: the pseudo-member of a combination of the flags (the STRICT boundary; an
 * IntFlag's is KEEP). */
static HsObject *
flag_missing (HsVM *vm, HsObject *cls, HsObject *value)
{
  if (!hs_int_check (value))
    return value_error (vm, cls, value);
  HsObject *mask = cls_entry (cls, s_flag_mask), *all = cls_entry (cls, s_all_bits);
  HsObject *inv_all = hs_number_unaryop (vm, HS_UNARY_INVERT, all);
  HsObject *outside
      = int_op_take (vm, HS_BIN_AND, hs_incref (value), int_op (vm, HS_BIN_XOR, all, mask));
  if (inv_all == NULL || outside == NULL)
    {
      hs_xdecref (vm, inv_all);
      hs_xdecref (vm, outside);
      return NULL;
    }
  gboolean bad = hs_int_compare (value, inv_all) < 0 || hs_int_compare (value, all) > 0
                 || hs_int_sign (outside) != 0;
  hs_decref (vm, inv_all);
  hs_decref (vm, outside);
  if (bad && derives_from (cls, "IntFlag"))
    {
      /* the KEEP boundary: other bits stay, a negative value is taken modulo a power of two
       * covering it */
      if (hs_int_sign (value) >= 0)
        return flag_pseudo_member (vm, cls, value, NULL);
      HsObject *p = int_op_take (vm, HS_BIN_LSHIFT, hs_int_from_i64 (vm, 1),
                                 hs_int_from_i64 (vm, (gint64)hs_int_num_bits (value)));
      HsObject *a1 = int_op (vm, HS_BIN_ADD, all, hs_int_from_i64 (vm, 1));
      HsObject *base = p != NULL && a1 != NULL && hs_int_compare (a1, p) > 0 ? a1 : p;
      HsObject *kept = base != NULL ? int_op (vm, HS_BIN_ADD, base, value) : NULL;
      hs_xdecref (vm, p);
      hs_xdecref (vm, a1);
      if (kept == NULL)
        return NULL;
      HsObject *r = flag_pseudo_member (vm, cls, kept, NULL);
      hs_decref (vm, kept);
      return r;
    }
  if (bad)
    {
      gsize max_bits = MAX (hs_int_num_bits (value), hs_int_num_bits (mask));
      HsObject *cr = hs_object_repr (vm, cls), *vr = hs_object_repr (vm, value);
      if (cr != NULL && vr != NULL)
        {
          GString *msg = g_string_new (NULL);
          g_string_append_printf (msg, "%s invalid value %s\n    given ", hs_str_utf8 (cr),
                                  hs_str_utf8 (vr));
          if (append_bin (vm, msg, value, max_bits) == 0)
            {
              g_string_append (msg, "\n  allowed ");
              if (append_bin (vm, msg, mask, max_bits) == 0)
                hs_err_set_string (vm, &hs_exc_ValueError, msg->str);
            }
          g_string_free (msg, TRUE);
        }
      hs_xdecref (vm, cr);
      hs_xdecref (vm, vr);
      return NULL;
    }
  if (hs_int_sign (value) < 0)
    {
      HsObject *pos = int_op_take (
          vm, HS_BIN_ADD, int_op (vm, HS_BIN_ADD, all, hs_int_from_i64 (vm, 1)), hs_incref (value));
      HsObject *r = pos != NULL ? flag_pseudo_member (vm, cls, pos, value) : NULL;
      hs_xdecref (vm, pos);
      return r;
    }
  return flag_pseudo_member (vm, cls, value, NULL);
}

/* The cached pseudo-member of the non-negative `value`, made on first use; `neg` (or NULL)
 * the negative value it was asked for, cached too. */
static HsObject *
flag_pseudo_member (HsVM *vm, HsObject *cls, HsObject *value, HsObject *neg)
{
  HsObject *v2m = cls_entry (cls, s_value2member);
  HsObject *pm = hs_dict_get_item_borrow (vm, v2m, value);
  pm = pm != NULL ? hs_incref (pm) : make_pseudo_member (vm, cls, value);
  if (pm != NULL
      && (hs_dict_set_item (vm, v2m, value, pm) < 0
          || (neg != NULL && hs_dict_set_item (vm, v2m, neg, pm) < 0)))
    HS_CLEAR (vm, pm);
  return pm;
}

/* A member of value `value` (an int within the flags): its name joins the names of the
 * canonical single-bit members it contains, then of the multi-bit ones its other bits make. */
static HsObject *
make_pseudo_member (HsVM *vm, HsObject *cls, HsObject *value)
{
  HsObject *singles = cls_entry (cls, s_singles_mask);
  HsObject *mv = int_op (vm, HS_BIN_AND, value, singles);
  HsObject *aliases = int_op_take (vm, HS_BIN_AND, hs_incref (value),
                                   hs_number_unaryop (vm, HS_UNARY_INVERT, singles));
  HsObject *args = hs_tuple_pack (vm, 1, value);
  HsObject *pm = args != NULL ? new_member (vm, cls, NULL, args) : NULL;
  HsObject *members = members_list (vm, cls), *combined = hs_int_from_i64 (vm, 0);
  GString *name = g_string_new (NULL);
  gboolean any = FALSE;
  hs_xdecref (vm, args);
  if (mv == NULL || aliases == NULL || pm == NULL || members == NULL || combined == NULL
      || hs_instance_set_attr (vm, pm, s_value, value) < 0)
    goto fail;
  for (gsize i = 0; i < hs_list_len (members); i++)
    {
      HsObject *m = hs_list_get_borrow (members, i), *mval = member_value (m);
      HsObject *a = int_op (vm, HS_BIN_AND, mval, mv);
      if (a == NULL)
        goto fail;
      if (hs_int_sign (mval) != 0 && hs_int_compare (a, mval) == 0)
        {
          g_string_append_printf (name, "%s%s", any ? "|" : "", hs_str_utf8 (member_name (m)));
          any = TRUE;
          combined = int_op_take (vm, HS_BIN_OR, combined, hs_incref (mval));
        }
      hs_decref (vm, a);
      if (combined == NULL)
        goto fail;
    }
  if (hs_int_sign (aliases) != 0)
    {
      HsObject *map = cls_entry (cls, s_member_map), *k, *m;
      HsObject *whole = int_op (vm, HS_BIN_OR, mv, aliases);
      gsize pos = 0;
      while (whole != NULL && hs_dict_next (map, &pos, &k, &m))
        {
          HsObject *mval = member_value (m);
          if (is_single_bit (vm, mval) || hs_int_sign (mval) == 0)
            continue;
          HsObject *a = int_op (vm, HS_BIN_AND, mval, whole);
          if (a != NULL && hs_int_compare (a, mval) == 0)
            {
              g_string_append_printf (name, "%s%s", any ? "|" : "", hs_str_utf8 (member_name (m)));
              any = TRUE;
              combined = int_op_take (vm, HS_BIN_OR, combined, hs_incref (mval));
            }
          hs_xdecref (vm, a);
          if (combined == NULL)
            break;
        }
      hs_xdecref (vm, whole);
      if (combined == NULL)
        goto fail;
    }
  /* bits no member has (kept by an IntFlag): their number ends the name */
  HsObject *unknown = int_op (vm, HS_BIN_XOR, value, combined);
  if (unknown == NULL)
    goto fail;
  if (any && hs_int_sign (unknown) != 0)
    {
      HsObject *ur = hs_object_repr (vm, unknown);
      if (ur != NULL)
        g_string_append_printf (name, "|%s", hs_str_utf8 (ur));
      hs_xdecref (vm, ur);
    }
  hs_decref (vm, unknown);
  HsObject *nm = any ? hs_str_new (vm, name->str, name->len) : hs_incref (hs_None);
  if (nm == NULL || hs_instance_set_attr (vm, pm, s_name, nm) < 0)
    {
      hs_xdecref (vm, nm);
      goto fail;
    }
  hs_decref (vm, nm);
  g_string_free (name, TRUE);
  hs_decref (vm, mv);
  hs_decref (vm, aliases);
  hs_decref (vm, members);
  hs_decref (vm, combined);
  return pm;
fail:
  g_string_free (name, TRUE);
  hs_xdecref (vm, combined);
  hs_xdecref (vm, mv);
  hs_xdecref (vm, aliases);
  hs_xdecref (vm, members);
  hs_xdecref (vm, pm);
  return NULL;
}

/* Color(value): the member of that value (CPython's Enum.__new__). */
static HsObject *
lookup_value (HsVM *vm, HsObject *cls, HsObject *value)
{
  if (HS_TYPE (value) == (HsType *)cls)
    return hs_incref (value);
  HsObject *v2m = cls_entry (cls, s_value2member), *map = cls_entry (cls, s_member_map);
  gint64 h;
  if (v2m != NULL && hs_object_hash (vm, value, &h) == 0)
    {
      HsObject *m = hs_dict_get_item_borrow (vm, v2m, value);
      if (m != NULL)
        return hs_incref (m);
      if (hs_err_occurred (vm))
        return NULL;
    }
  else if (map != NULL)
    {
      hs_err_clear (vm);
      gsize pos = 0;
      HsObject *k, *m;
      while (hs_dict_next (map, &pos, &k, &m))
        {
          int eq = hs_object_equal (vm, member_value (m), value);
          if (eq < 0)
            return NULL;
          if (eq)
            return hs_incref (m);
        }
    }
  if (map == NULL || hs_dict_len (map) == 0)
    {
      HsObject *r = hs_object_repr (vm, cls);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "%s has no members defined", hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  HsObject *missing = hs_type_lookup_borrow ((HsType *)cls, s_missing);
  if (missing != NULL && HS_IS (missing, &hs_classmethod_type))
    {
      HsObject *fn = hs_descr_get (vm, missing, NULL, (HsType *)cls);
      HsObject *r = fn != NULL ? hs_object_call (vm, fn, &value, 1, NULL) : NULL;
      hs_xdecref (vm, fn);
      if (r == NULL)
        return NULL;
      if (HS_ISINSTANCE (r, (HsType *)cls))
        return r;
      if (r != hs_None)
        {
          HsObject *rr = hs_object_repr (vm, r);
          if (rr != NULL)
            hs_err_format (vm, &hs_exc_TypeError,
                           "error in %s._missing_: returned %s instead of None or a valid member",
                           ((HsType *)cls)->name, hs_str_utf8 (rr));
          hs_xdecref (vm, rr);
          hs_decref (vm, r);
          return NULL;
        }
      hs_decref (vm, r);
    }
  else if (derives_from (cls, "Flag"))
    return flag_missing (vm, cls, value);
  return value_error (vm, cls, value);
}

/* Enum('Animal', 'ANT BEE') and its other forms of names: a new enum class. */
static HsObject *
functional_api (HsVM *vm, HsObject *cls, HsObject *clsname, HsObject *names, HsObject *start)
{
  if (!hs_str_check (clsname))
    {
      HsObject *r = hs_object_repr (vm, clsname), *cr = hs_object_repr (vm, cls);
      if (r != NULL && cr != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "<enum %s> cannot extend %s", hs_str_utf8 (r),
                       hs_str_utf8 (cr));
      hs_xdecref (vm, r);
      hs_xdecref (vm, cr);
      return NULL;
    }
  HsObject *body = hs_dict_new (vm), *list = NULL, *cls_out = NULL;
  if (body == NULL
      || hs_dict_set_item (vm, body, hs_str_intern_cstr ("__module__"),
                           hs_str_intern_cstr ("__main__"))
             < 0
      || hs_dict_set_item (vm, body, hs_str_intern_cstr ("__qualname__"), clsname) < 0)
    goto out;
  if (hs_str_check (names))
    {
      gchar *text = g_strdup (hs_str_utf8 (names));
      g_strdelimit (text, ",", ' ');
      gchar **parts = g_strsplit_set (text, " \t\n\r\f\v", -1);
      list = hs_list_new (vm, 0);
      for (gchar **p = parts; list != NULL && *p != NULL; p++)
        if (**p != '\0' && hs_list_append_take (vm, list, hs_str_from_cstr (vm, *p)) < 0)
          HS_CLEAR (vm, list);
      g_strfreev (parts);
      g_free (text);
    }
  else if (hs_dict_check (names))
    {
      HsObject *items = hs_dict_items (vm, names);
      list = items != NULL ? hs_list_from_iterable (vm, items) : NULL;
      hs_xdecref (vm, items);
    }
  else
    list = hs_list_from_iterable (vm, names);
  if (list == NULL)
    goto out;
  for (gsize i = 0; i < hs_list_len (list); i++)
    {
      HsObject *item = hs_list_get_borrow (list, i), *auto_val = NULL;
      int r;
      if (hs_str_check (item))
        {
          auto_val = hs_object_alloc (vm, &auto_type, sizeof (HsObject));
          if (auto_val == NULL)
            goto out;
          hs_incref ((HsObject *)&auto_type);
          r = hs_dict_set_item (vm, body, item, auto_val);
          hs_decref (vm, auto_val);
        }
      else
        {
          HsObject *pair = hs_tuple_from_iterable (vm, item);
          if (pair == NULL)
            goto out;
          if (hs_tuple_len (pair) != 2)
            {
              hs_err_set_string (vm, &hs_exc_ValueError, "too many values to unpack (expected 2)");
              hs_decref (vm, pair);
              goto out;
            }
          r = hs_dict_set_item (vm, body, hs_tuple_get_borrow (pair, 0),
                                hs_tuple_get_borrow (pair, 1));
          hs_decref (vm, pair);
        }
      if (r < 0)
        goto out;
    }
  cls_out = build_enum (vm, (HsType *)cls->type, clsname, &cls, 1, body, start, NULL, NULL);
out:
  hs_xdecref (vm, body);
  hs_xdecref (vm, list);
  return cls_out;
}

/* EnumType.__call__(cls, value, names=None, *, module=None, qualname=None, type=None,
 * start=1, boundary=None) */
static HsObject *
meta_call (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *value = NULL, *names = hs_None, *module = NULL, *qualname = NULL, *type = NULL,
           *start = NULL, *boundary = NULL;
  if (!hs_parse_args (vm, "EnumType.__call__", args + 1, nargs - 1, kwnames,
                      "@value | names $ module qualname type start boundary", &value, &names,
                      &module, &qualname, &type, &start, &boundary))
    return NULL;
  if (names == hs_None)
    return lookup_value (vm, args[0], value);
  HsObject *st = start != NULL ? hs_incref (start) : hs_int_from_i64 (vm, 1);
  HsObject *r = functional_api (vm, args[0], value, names, st);
  hs_decref (vm, st);
  return r;
}

/* An iterator over the list `l` (stolen; NULL passes an error on). CPython's are generators. */
static HsObject *
iter_take (HsVM *vm, HsObject *l)
{
  HsObject *it = l != NULL ? hs_object_iter (vm, l) : NULL;
  hs_xdecref (vm, l);
  return it;
}

static HsObject *
meta_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__iter__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return iter_take (vm, members_list (vm, args[0]));
}

static HsObject *
meta_reversed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__reversed__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *l = members_list (vm, args[0]);
  if (l != NULL)
    hs_list_reverse (vm, l);
  return iter_take (vm, l);
}

static HsObject *
meta_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__len__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *names = cls_entry (args[0], s_member_names);
  return hs_int_from_i64 (vm,
                          names != NULL && hs_list_check (names) ? (gint64)hs_list_len (names) : 0);
}

static HsObject *
meta_bool (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__bool__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_bool_from (TRUE);
}

static HsObject *
meta_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *member = NULL;
  if (!hs_parse_args (vm, "__contains__", args + 1, nargs - 1, kwnames, "member", &member))
    return NULL;
  if (!hs_class_check ((HsObject *)member->type)
      || !derives_from ((HsObject *)member->type, "Enum"))
    {
      hs_err_format (vm, &hs_exc_TypeError, "unsupported operand type(s) for 'in': '%s' and '%s'",
                     hs_type_name (member), HS_TYPE (args[0])->name);
      return NULL;
    }
  HsObject *map = cls_entry (args[0], s_member_map);
  return hs_bool_from (HS_ISINSTANCE (member, (HsType *)args[0]) && map != NULL
                       && hs_dict_get_item_borrow (vm, map, member_name (member)) != NULL);
}

static HsObject *
meta_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL;
  if (!hs_parse_args (vm, "__getitem__", args + 1, nargs - 1, kwnames, "name", &name))
    return NULL;
  HsObject *map = cls_entry (args[0], s_member_map);
  return map != NULL ? hs_object_getitem (vm, map, name) : (hs_err_set_key (vm, name), NULL);
}

static HsObject *
meta_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__repr__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *n = hs_str_from_cstr (vm, ((HsType *)args[0])->name);
  HsObject *r = n != NULL ? hs_object_repr (vm, n) : NULL;
  HsObject *s = r != NULL ? hs_str_from_format (vm, "<%s %s>",
                                                derives_from (args[0], "Flag") ? "flag" : "enum",
                                                hs_str_utf8 (r))
                          : NULL;
  hs_xdecref (vm, n);
  hs_xdecref (vm, r);
  return s;
}

static HsObject *
meta_members (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL;
  if (!hs_parse_args (vm, "__members__", args, nargs, kwnames, "!cls", &cls))
    return NULL;
  HsObject *map = cls_entry (args[0], s_member_map);
  return map != NULL ? hs_mappingproxy_new (vm, map) : NULL;
}

/* The slots of EnumType's instances (the enum classes), set on EnumType itself: a missing
 * attribute is looked for among the members (CPython's EnumType.__getattr__), and members
 * cannot be reassigned or deleted (__setattr__, __delattr__). */
static HsObject *(*type_getattr) (HsVM *, HsObject *, HsObject *);

static HsObject *
enum_class_getattr (HsVM *vm, HsObject *cls, HsObject *name)
{
  HsObject *r = type_getattr (vm, cls, name);
  if (r != NULL || !hs_err_matches (vm, &hs_exc_AttributeError))
    return r;
  hs_err_clear (vm);
  HsObject *map = is_dunder (hs_str_utf8 (name)) ? NULL : cls_entry (cls, s_member_map);
  HsObject *m = map != NULL ? hs_dict_get_item_borrow (vm, map, name) : NULL;
  if (m != NULL)
    return hs_incref (m);
  hs_err_set_value (vm, &hs_exc_AttributeError, name);
  return NULL;
}

static int
enum_class_setattr (HsVM *vm, HsObject *cls, HsObject *name, HsObject *value)
{
  HsObject *map = hs_dict_get_item_borrow (vm, ((HsType *)cls)->dict, s_member_map);
  if (map != NULL && hs_dict_check (map) && hs_dict_get_item_borrow (vm, map, name) != NULL)
    {
      if (value != NULL)
        hs_err_format (vm, &hs_exc_AttributeError, "cannot reassign member '%s'",
                       hs_str_utf8 (name));
      else
        hs_err_format (vm, &hs_exc_AttributeError, "'%s' cannot delete member '%s'.",
                       ((HsType *)cls)->name, hs_str_utf8 (name));
      return -1;
    }
  return type_setattr (vm, cls, name, value);
}

/* ---- Enum and Flag methods ------------------------------------------------------------------ */

static HsObject *
enum_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__repr__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *self = args[0], *name = member_name (self);
  HsObject *vr = hs_object_repr (vm, member_value (self));
  if (vr == NULL)
    return NULL;
  HsObject *r = name == hs_None
                    ? hs_str_from_format (vm, "<%s: %s>", hs_type_name (self), hs_str_utf8 (vr))
                    : hs_str_from_format (vm, "<%s.%s: %s>", hs_type_name (self),
                                          hs_str_check (name) ? hs_str_utf8 (name) : "None",
                                          hs_str_utf8 (vr));
  hs_decref (vm, vr);
  return r;
}

static HsObject *
enum_str_of (HsVM *vm, HsObject *self)
{
  HsObject *name = member_name (self);
  if (name != hs_None && hs_str_check (name))
    return hs_str_from_format (vm, "%s.%s", hs_type_name (self), hs_str_utf8 (name));
  HsObject *vr = hs_object_repr (vm, member_value (self));
  HsObject *r = vr != NULL
                    ? hs_str_from_format (vm, "%s(%s)", hs_type_name (self), hs_str_utf8 (vr))
                    : NULL;
  hs_xdecref (vm, vr);
  return r;
}

static HsObject *
enum_str (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__str__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return enum_str_of (vm, args[0]);
}

static HsObject *
enum_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *spec = NULL;
  if (!hs_parse_args (vm, "__format__", args + 1, nargs - 1, kwnames, "format_spec", &spec))
    return NULL;
  HsObject *s = hs_object_str (vm, args[0]);
  HsObject *r = s != NULL ? hs_format_value (vm, s, spec) : NULL;
  hs_xdecref (vm, s);
  return r;
}

static HsObject *
enum_hash (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint64 h;
  if (!hs_parse_args (vm, "__hash__", args + 1, nargs - 1, kwnames, "")
      || hs_object_hash (vm, member_name (args[0]), &h) < 0)
    return NULL;
  return hs_int_from_i64 (vm, h);
}

static HsObject *
enum_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "Enum.__copy__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return hs_incref (args[0]);
}

static HsObject *
enum_deepcopy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *memo = NULL;
  if (!hs_parse_args (vm, "Enum.__deepcopy__", args + 1, nargs - 1, kwnames, "@memo", &memo))
    return NULL;
  return hs_incref (args[0]);
}

static HsObject *
enum_name_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL;
  if (!hs_parse_args (vm, "name", args, nargs, kwnames, "!self", &self))
    return NULL;
  return hs_incref (member_name (args[0]));
}

static HsObject *
enum_value_get (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = NULL;
  if (!hs_parse_args (vm, "value", args, nargs, kwnames, "!self", &self))
    return NULL;
  return hs_incref (member_value (args[0]));
}

/* enum.property's __set__: "<enum 'Enum'> cannot set attribute 'value'". */
static HsObject *
readonly_set (HsVM *vm, const char *attr, HsObject **args, gsize nargs)
{
  (void)args;
  (void)nargs;
  hs_err_format (vm, &hs_exc_AttributeError, "<enum 'Enum'> cannot set attribute '%s'", attr);
  return NULL;
}

static HsObject *
enum_name_set (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  (void)kwnames;
  return readonly_set (vm, "name", args, nargs);
}

static HsObject *
enum_value_set (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  (void)kwnames;
  return readonly_set (vm, "value", args, nargs);
}

/* The other operand's value for Flag's | & ^: a member's of the class, or an instance of its
 * mixed-in data type (an IntFlag's int); NULL otherwise. */
static HsObject *
flag_other (HsObject *self, HsObject *other)
{
  HsType *mt = hs_builtin_subclass_base (self->type);
  return HS_ISINSTANCE (other, self->type)         ? member_value (other)
         : mt != NULL && HS_ISINSTANCE (other, mt) ? other
                                                   : NULL;
}

static HsObject *
flag_binop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, HsBinOp op,
            const char *fname)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "!other", &other))
    return NULL;
  HsObject *ov = flag_other (args[0], other);
  if (ov == NULL)
    return hs_incref (hs_NotImplemented);
  HsObject *v = int_op (vm, op, member_value (args[0]), ov);
  HsObject *r = v != NULL ? lookup_value (vm, (HsObject *)args[0]->type, v) : NULL;
  hs_xdecref (vm, v);
  return r;
}

HS_CFUNCTION_VARIANT (flag_or, flag_binop, HS_BIN_OR, "__or__")
HS_CFUNCTION_VARIANT (flag_and, flag_binop, HS_BIN_AND, "__and__")
HS_CFUNCTION_VARIANT (flag_xor, flag_binop, HS_BIN_XOR, "__xor__")

/* ~member: the flags of the class it lacks, kept in the member's `_inverted_` as CPython. */
static HsObject *
flag_invert (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__invert__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *self = args[0], *cached = hs_instance_attr_borrow (self, s_inverted);
  if (cached != NULL && cached != hs_None)
    return hs_incref (cached);
  HsObject *cls = (HsObject *)self->type;
  HsObject *inv = hs_number_unaryop (vm, HS_UNARY_INVERT, member_value (self));
  /* the KEEP boundary (IntFlag) keeps every other bit */
  HsObject *v
      = derives_from (cls, "IntFlag")
            ? inv
            : int_op_take (vm, HS_BIN_AND, hs_incref (cls_entry (cls, s_singles_mask)), inv);
  HsObject *r = v != NULL ? lookup_value (vm, cls, v) : NULL;
  hs_xdecref (vm, v);
  if (r != NULL && hs_instance_set_attr (vm, self, s_inverted, r) < 0)
    HS_CLEAR (vm, r);
  return r;
}

static HsObject *
flag_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, "__contains__", args + 1, nargs - 1, kwnames, "!other", &other))
    return NULL;
  HsObject *ov = HS_ISINSTANCE (other, args[0]->type) ? member_value (other) : NULL;
  if (ov == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "unsupported operand type(s) for 'in': '%s' and '%s'",
                     hs_type_name (other), hs_type_name (args[0]));
      return NULL;
    }
  HsObject *a = int_op (vm, HS_BIN_AND, ov, member_value (args[0]));
  if (a == NULL)
    return NULL;
  int eq = hs_object_equal (vm, a, ov);
  hs_decref (vm, a);
  return eq < 0 ? NULL : hs_bool_from (eq);
}

/* The canonical single-bit members whose bits the flag has, in definition order. */
static HsObject *
flag_members (HsVM *vm, HsObject *self)
{
  HsObject *all = members_list (vm, (HsObject *)self->type), *out = hs_list_new (vm, 0);
  HsObject *v = member_value (self);
  for (gsize i = 0; all != NULL && out != NULL && i < hs_list_len (all); i++)
    {
      HsObject *m = hs_list_get_borrow (all, i), *a = int_op (vm, HS_BIN_AND, member_value (m), v);
      if (a == NULL)
        HS_CLEAR (vm, out);
      else if (hs_int_sign (a) != 0 && hs_list_append (vm, out, m) < 0)
        HS_CLEAR (vm, out);
      hs_xdecref (vm, a);
    }
  hs_xdecref (vm, all);
  return out;
}

static HsObject *
flag_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__iter__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return iter_take (vm, flag_members (vm, args[0]));
}

static HsObject *
flag_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__len__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *v = member_value (args[0]);
  GString *d = g_string_new (NULL);
  gint64 n = 0;
  if (hs_int_check (v) && hs_int_format_digits (vm, v, 2, FALSE, d))
    for (gsize i = 0; i < d->len; i++)
      n += d->str[i] == '1';
  g_string_free (d, TRUE);
  return hs_int_from_i64 (vm, n);
}

static HsObject *
flag_bool (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__bool__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  int t = hs_object_truth (vm, member_value (args[0]));
  return t < 0 ? NULL : hs_bool_from (t);
}

/* ---- unique ------------------------------------------------------------------------------------
 */

static HsObject *
enum_unique (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL;
  if (!hs_parse_args (vm, "unique", args, nargs, kwnames, "@enumeration", &cls))
    return NULL;
  HsObject *map = hs_class_check (cls) ? cls_entry (cls, s_member_map) : NULL;
  GString *dups = g_string_new (NULL);
  gsize pos = 0;
  HsObject *k, *m;
  while (map != NULL && hs_dict_next (map, &pos, &k, &m))
    if (!hs_str_equal (k, member_name (m)))
      g_string_append_printf (dups, "%s%s -> %s", dups->len ? ", " : "", hs_str_utf8 (k),
                              hs_str_utf8 (member_name (m)));
  if (dups->len > 0)
    {
      HsObject *r = hs_object_repr (vm, cls);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "duplicate values found in %s: %s", hs_str_utf8 (r),
                       dups->str);
      hs_xdecref (vm, r);
      g_string_free (dups, TRUE);
      return NULL;
    }
  g_string_free (dups, TRUE);
  return hs_incref (cls);
}

/* ---- the module ---------------------------------------------------------------------------- */

typedef struct
{
  HsMethodDef def;
  HsObject *descr;
} Method;

static const HsMethodDef meta_new_def = { "__new__", meta_new };
static const HsMethodDef meta_prepare_def = { "__prepare__", meta_prepare, HS_METH_CLASS };
static const HsMethodDef members_def = { "__members__", meta_members };
static const HsMethodDef name_get_def = { "name", enum_name_get };
static const HsMethodDef name_set_def = { "name", enum_name_set };
static const HsMethodDef value_get_def = { "value", enum_value_get };
static const HsMethodDef value_set_def = { "value", enum_value_set };

static const HsMethodDef meta_methods[] = {
  { "__call__", meta_call },       { "__iter__", meta_iter }, { "__reversed__", meta_reversed },
  { "__len__", meta_len },         { "__bool__", meta_bool }, { "__contains__", meta_contains },
  { "__getitem__", meta_getitem }, { "__repr__", meta_repr },
};

static const HsMethodDef enum_methods[] = {
  { "__repr__", enum_repr }, { "__str__", enum_str },   { "__format__", enum_format },
  { "__hash__", enum_hash }, { "__copy__", enum_copy }, { "__deepcopy__", enum_deepcopy },
};

static const HsMethodDef flag_methods[] = {
  { "__or__", flag_or },         { "__and__", flag_and },           { "__xor__", flag_xor },
  { "__ror__", flag_or },        { "__rand__", flag_and },          { "__rxor__", flag_xor },
  { "__invert__", flag_invert }, { "__contains__", flag_contains }, { "__iter__", flag_iter },
  { "__len__", flag_len },       { "__bool__", flag_bool },
};

static HsObject *meta_descrs[G_N_ELEMENTS (meta_methods)];
static HsObject *enum_descrs[G_N_ELEMENTS (enum_methods)];
static HsObject *flag_descrs[G_N_ELEMENTS (flag_methods)];

static const HsMethodDef enum_functions[] = {
  { "unique", enum_unique },
  { NULL, NULL },
};

/* The process-wide built-in functions the classes hold, made once (they are immortal). */
static const HsMethodDef *const builtin_defs[]
    = { &meta_new_def,  &members_def,  &name_get_def, &name_set_def,   &value_get_def,
        &value_set_def, &enum_gnv_def, &flag_gnv_def, &strenum_gnv_def };
static HsObject *builtin_fns[G_N_ELEMENTS (builtin_defs)];
static HsObject *prepare_descr;

static HsObject *
builtin_fn (const HsMethodDef *def)
{
  for (gsize i = 0; i < G_N_ELEMENTS (builtin_defs); i++)
    if (builtin_defs[i] == def)
      return builtin_fns[i];
  g_assert_not_reached ();
}

void
hs_mod_enum_runtime_init (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (builtin_defs); i++)
    builtin_fns[i] = hs_cfunction_new (NULL, builtin_defs[i], NULL);
  prepare_descr = hs_method_descr_new (&meta_prepare_def, &hs_type_type);
  hs_type_ready (&auto_type);
  hs_type_ready (&hs_mappingproxy_type);
  static const struct
  {
    HsObject **s;
    const char *n;
  } strs[] = {
    { &s_value, "_value_" },
    { &s_name, "_name_" },
    { &s_objclass, "__objclass__" },
    { &s_sort_order, "_sort_order_" },
    { &s_member_names, "_member_names_" },
    { &s_member_map, "_member_map_" },
    { &s_value2member, "_value2member_map_" },
    { &s_flag_mask, "_flag_mask_" },
    { &s_singles_mask, "_singles_mask_" },
    { &s_all_bits, "_all_bits_" },
    { &s_inverted, "_inverted_" },
    { &s_init, "__init__" },
    { &s_generate, "_generate_next_value_" },
    { &s_missing, "_missing_" },
    { &s_new, "__new__" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (strs); i++)
    *strs[i].s = hs_str_intern_cstr (strs[i].n);
  for (gsize i = 0; i < G_N_ELEMENTS (meta_methods); i++)
    meta_descrs[i] = hs_method_descr_new (&meta_methods[i], &hs_type_type);
  for (gsize i = 0; i < G_N_ELEMENTS (enum_methods); i++)
    enum_descrs[i] = hs_method_descr_new (&enum_methods[i], &hs_object_type);
  for (gsize i = 0; i < G_N_ELEMENTS (flag_methods); i++)
    flag_descrs[i] = hs_method_descr_new (&flag_methods[i], &hs_object_type);
}

/* A property of the built-in getter (and setter) `get`/`set`. */
static HsObject *
make_property (HsVM *vm, const HsMethodDef *get, const HsMethodDef *set)
{
  HsObject *args[2] = { builtin_fn (get), set != NULL ? builtin_fn (set) : NULL };
  return hs_object_call (vm, (HsObject *)&hs_property_type, args, set != NULL ? 2 : 1, NULL);
}

static int
fill_ns (HsVM *vm, HsObject *ns, const HsMethodDef *defs, HsObject **descrs, gsize n)
{
  if (hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr ("enum")) < 0)
    return -1;
  for (gsize i = 0; i < n; i++)
    if (hs_dict_set_item (vm, ns, hs_str_intern_cstr (defs[i].name), descrs[i]) < 0)
      return -1;
  return 0;
}

/* ReprEnum, IntEnum, StrEnum, IntFlag: classes of this module with several bases (the last
 * an enum class, whose metaclass they get), their methods fixed as EnumType.__new__ does. */
static int
add_enum_class (HsVM *vm, HsObject *dict, const char *name, HsObject **bases, gsize nbases,
                const HsMethodDef *gnv)
{
  HsObject *ns = hs_dict_new (vm), *body = hs_dict_new (vm), *cls = NULL;
  HsType *meta = (HsType *)bases[nbases - 1]->type;
  if (ns != NULL && body != NULL
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr ("enum"))
             == 0
      && (gnv == NULL || hs_dict_set_item (vm, ns, s_generate, builtin_fn (gnv)) == 0))
    cls = hs_class_new (vm, meta, hs_str_intern_cstr (name), bases, nbases, ns, NULL, NULL);
  if (cls != NULL)
    ((HsType *)cls)->module = "enum";
  if (cls != NULL && fix_methods (vm, cls, body, bases, nbases) < 0)
    HS_CLEAR (vm, cls);
  hs_xdecref (vm, ns);
  hs_xdecref (vm, body);
  return cls != NULL ? hs_module_add_take (vm, dict, name, cls) : -1;
}

/* The module's own class `name` (borrowed). */
static HsObject *
module_class (HsVM *vm, HsObject *dict, const char *name)
{
  return hs_dict_get_item_borrow (vm, dict, hs_str_intern_cstr (name));
}

static int
add_mixed_classes (HsVM *vm, HsObject *dict)
{
  HsObject *enum_cls = module_class (vm, dict, "Enum");
  if (add_enum_class (vm, dict, "ReprEnum", &enum_cls, 1, NULL) < 0)
    return -1;
  HsObject *repr_enum = module_class (vm, dict, "ReprEnum"),
           *flag = module_class (vm, dict, "Flag");
  HsObject *int_enum[] = { (HsObject *)&hs_int_type, repr_enum };
  HsObject *str_enum[] = { (HsObject *)&hs_str_type, repr_enum };
  HsObject *int_flag[] = { (HsObject *)&hs_int_type, repr_enum, flag };
  if (add_enum_class (vm, dict, "IntEnum", int_enum, 2, NULL) < 0
      || add_enum_class (vm, dict, "StrEnum", str_enum, 2, &strenum_gnv_def) < 0
      || add_enum_class (vm, dict, "IntFlag", int_flag, 3, NULL) < 0)
    return -1;
  return 0;
}

int
hs_mod_enum_init (HsVM *vm, HsObject *dict)
{
  HsObject *ns = hs_dict_new (vm);
  if (ns == NULL || fill_ns (vm, ns, meta_methods, meta_descrs, G_N_ELEMENTS (meta_methods)) < 0
      || hs_dict_set_item (vm, ns, s_new, builtin_fn (&meta_new_def)) < 0
      || hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__prepare__"), prepare_descr) < 0
      || set_ns (vm, ns, hs_str_intern_cstr ("__members__"), make_property (vm, &members_def, NULL))
             < 0)
    {
      hs_xdecref (vm, ns);
      return -1;
    }
  HsObject *meta
      = hs_module_class_new (vm, "enum", &hs_type_type, "EnumType", (HsObject *)&hs_type_type, ns);
  if (meta == NULL)
    return -1;
  type_getattr = hs_type_type.getattr;
  type_setattr = hs_type_type.setattr;
  ((HsType *)meta)->getattr = enum_class_getattr;
  ((HsType *)meta)->setattr = enum_class_setattr;
  if (hs_module_add_take (vm, dict, "EnumType", meta) < 0
      || hs_module_add_take (vm, dict, "EnumMeta", hs_incref (meta)) < 0)
    return -1;

  ns = hs_dict_new (vm);
  if (ns == NULL || fill_ns (vm, ns, enum_methods, enum_descrs, G_N_ELEMENTS (enum_methods)) < 0
      || hs_dict_set_item (vm, ns, s_generate, builtin_fn (&enum_gnv_def)) < 0
      || set_ns (vm, ns, hs_str_intern_cstr ("name"),
                 make_property (vm, &name_get_def, &name_set_def))
             < 0
      || set_ns (vm, ns, hs_str_intern_cstr ("value"),
                 make_property (vm, &value_get_def, &value_set_def))
             < 0
      || set_ns (vm, ns, s_member_names, hs_list_new (vm, 0)) < 0
      || set_ns (vm, ns, s_member_map, hs_dict_new (vm)) < 0
      || set_ns (vm, ns, s_value2member, hs_dict_new (vm)) < 0)
    {
      hs_xdecref (vm, ns);
      return -1;
    }
  HsObject *enum_cls = hs_module_class_new (vm, "enum", (HsType *)meta, "Enum", NULL, ns);
  if (hs_module_add_take (vm, dict, "Enum", enum_cls) < 0)
    return -1;

  ns = hs_dict_new (vm);
  if (ns == NULL || fill_ns (vm, ns, flag_methods, flag_descrs, G_N_ELEMENTS (flag_methods)) < 0
      || hs_dict_set_item (vm, ns, s_generate, builtin_fn (&flag_gnv_def)) < 0
      || set_ns (vm, ns, s_flag_mask, hs_int_from_i64 (vm, 0)) < 0
      || set_ns (vm, ns, s_singles_mask, hs_int_from_i64 (vm, 0)) < 0
      || set_ns (vm, ns, s_all_bits, hs_int_from_i64 (vm, 0)) < 0)
    {
      hs_xdecref (vm, ns);
      return -1;
    }
  if (hs_module_add_take (vm, dict, "Flag",
                          hs_module_class_new (vm, "enum", (HsType *)meta, "Flag", enum_cls, ns))
          < 0
      || hs_module_add_take (vm, dict, "auto", hs_incref ((HsObject *)&auto_type)) < 0
      || add_mixed_classes (vm, dict) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, enum_functions);
}
