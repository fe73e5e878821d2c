/* hs-userseq.c — collections.UserList and UserString (see hs-usercoll.h): most methods
 * call the method of the same name on `data`, with an operand of the same User class
 * replaced by its data, and give the result as it is, or as a new instance of self's
 * class where CPython's return self.__class__(...). */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-usercoll.h"

typedef enum
{
  AS_IS, /* the data method's result */
  WRAP,  /* type(self)(result) */
  SELF,  /* self (in-place operators) */
} Result;

/* `o` as CPython's methods cast an operand: a UserList's or UserString's data (new
 * reference), anything else itself. */
static HsObject *
cast (HsVM *vm, HsObject *o)
{
  if (hs_usercoll_is (o, "UserList") || hs_usercoll_is (o, "UserString"))
    return hs_usercoll_data (vm, o);
  return hs_incref (o);
}

static HsObject *
finish (HsVM *vm, HsObject *self, HsObject *r, Result how)
{
  if (r == NULL || how == AS_IS)
    return r;
  if (how == SELF)
    {
      hs_decref (vm, r);
      return hs_incref (self);
    }
  return hs_usercoll_new_like (vm, self, r);
}

/* self.data.name(*cast(args), **kwargs), its result given back as `how` says. */
static HsObject *
delegate (HsVM *vm, const char *name, Result how, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  HsObject *fn = data != NULL ? hs_object_getattr_cstr (vm, data, name) : NULL;
  hs_xdecref (vm, data);
  if (fn == NULL)
    return NULL;
  HsObject **call = g_new0 (HsObject *, nargs - 1 + nkw + 1);
  gboolean ok = TRUE;
  for (gsize i = 1; i < nargs; i++)
    ok &= (call[i - 1] = cast (vm, args[i])) != NULL;
  for (gsize i = 0; i < nkw; i++)
    call[nargs - 1 + i] = hs_incref (args[nargs + i]);
  HsObject *r = ok ? hs_object_call (vm, fn, call, nargs - 1, nkw > 0 ? kwnames : NULL) : NULL;
  for (gsize i = 0; i < nargs - 1 + nkw; i++)
    hs_xdecref (vm, call[i]);
  g_free (call);
  hs_decref (vm, fn);
  return finish (vm, args[0], r, how);
}

/* A method `prefix_name` that delegates to data's `name`. */
#define DELEGATE(prefix, name, how)                                                                \
  static HsObject *prefix##_##name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)     \
  {                                                                                                \
    return delegate (vm, #name, how, args, nargs, kwnames);                                        \
  }

/* One operand methods: self.data OP cast(other) for a comparison or binary operator `op`
 * (reflected: cast(other) OP self.data); the operand converted first by `conv` when it is
 * not of data's type (list(other), str(other)), or left as is (conv NULL). */
static HsObject *
binary (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
        HsObject *(*op) (HsVM *, HsObject *, HsObject *, int), int which, gboolean reflected,
        HsType *conv, Result how)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "@other", &other))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]), *o = data != NULL ? cast (vm, other) : NULL;
  if (o != NULL && conv != NULL && !HS_ISINSTANCE (o, conv))
    {
      HsObject *c = hs_object_call (vm, (HsObject *)conv, &o, 1, NULL);
      hs_decref (vm, o);
      o = c;
    }
  HsObject *r = o != NULL ? op (vm, reflected ? o : data, reflected ? data : o, which) : NULL;
  hs_xdecref (vm, data);
  hs_xdecref (vm, o);
  return finish (vm, args[0], r, how);
}

static HsObject *
cmp_op (HsVM *vm, HsObject *a, HsObject *b, int which)
{
  return hs_object_richcompare (vm, a, b, (HsCompareOp)which);
}

static HsObject *
num_op (HsVM *vm, HsObject *a, HsObject *b, int which)
{
  return hs_number_binop (vm, (HsBinOp)which, a, b);
}

static HsObject *
inplace_op (HsVM *vm, HsObject *a, HsObject *b, int which)
{
  return hs_number_inplace (vm, (HsBinOp)which, a, b);
}

#define BINARY(prefix, name, fname, op, which, reflected, conv, how)                               \
  static HsObject *prefix##_##name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)     \
  {                                                                                                \
    return binary (vm, fname, args, nargs, kwnames, op, which, reflected, conv, how);              \
  }

#define COMPARE(prefix, name, cmp)                                                                 \
  static HsObject *prefix##_##name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)     \
  {                                                                                                \
    return binary (vm, #name, args, nargs, kwnames, cmp_op, cmp, FALSE, NULL, AS_IS);              \
  }

/* copy(): type(self)(self) */
static HsObject *
seq_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return hs_usercoll_new_like (vm, args[0], hs_incref (args[0]));
}

/* __init__(self, value): data = conv(cast(value)), or `empty` when value is absent or None
 * (UserList's initlist=None) */
static HsObject *
seq_init (HsVM *vm, const char *fname, const char *spec, HsObject **args, gsize nargs,
          HsObject *kwnames, HsType *conv, HsObject *empty)
{
  HsObject *value = NULL;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, spec, &value))
    return NULL;
  HsObject *data;
  if (value == NULL || value == hs_None)
    data = empty;
  else
    {
      HsObject *v = cast (vm, value);
      data = v != NULL ? hs_object_call (vm, (HsObject *)conv, &v, 1, NULL) : NULL;
      hs_xdecref (vm, v);
      hs_xdecref (vm, empty);
    }
  int rc = data != NULL ? hs_object_setattr (vm, args[0], hs_str_intern_cstr ("data"), data) : -1;
  hs_xdecref (vm, data);
  return rc < 0 ? NULL : hs_incref (hs_None);
}

/* ---- UserList -------------------------------------------------------------------------- */

static HsObject *
ul_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return seq_init (vm, "UserList.__init__", "@| initlist", args, nargs, kwnames, &hs_list_type,
                   hs_list_new (vm, 0));
}

/* self[i]: an item, or for a slice a new instance of self's class */
static HsObject *
ul_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *i = NULL;
  if (!hs_parse_args (vm, "UserList.__getitem__", args + 1, nargs - 1, kwnames, "@i", &i))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  HsObject *r = data != NULL ? hs_object_getitem (vm, data, i) : NULL;
  hs_xdecref (vm, data);
  return finish (vm, args[0], r, HS_IS (i, &hs_slice_type) ? WRAP : AS_IS);
}

BINARY (ul, add, "UserList.__add__", num_op, HS_BIN_ADD, FALSE, &hs_list_type, WRAP)
BINARY (ul, radd, "UserList.__radd__", num_op, HS_BIN_ADD, TRUE, &hs_list_type, WRAP)
BINARY (ul, iadd, "UserList.__iadd__", inplace_op, HS_BIN_ADD, FALSE, &hs_list_type, SELF)
BINARY (ul, mul, "UserList.__mul__", num_op, HS_BIN_MUL, FALSE, NULL, WRAP)
BINARY (ul, imul, "UserList.__imul__", inplace_op, HS_BIN_MUL, FALSE, NULL, SELF)
static HsObject *
ul_dunder_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "UserList.__copy__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  HsObject *c = data != NULL ? hs_list_from_iterable (vm, data) : NULL;
  hs_xdecref (vm, data);
  return hs_usercoll_copy_with (vm, args[0], c);
}

COMPARE (ul, __lt__, HS_CMP_LT)
COMPARE (ul, __le__, HS_CMP_LE)
COMPARE (ul, __eq__, HS_CMP_EQ)
COMPARE (ul, __gt__, HS_CMP_GT)
COMPARE (ul, __ge__, HS_CMP_GE)
DELEGATE (ul, __contains__, AS_IS)
DELEGATE (ul, __setitem__, AS_IS)
DELEGATE (ul, __delitem__, AS_IS)
DELEGATE (ul, append, AS_IS)
DELEGATE (ul, insert, AS_IS)
DELEGATE (ul, pop, AS_IS)
DELEGATE (ul, remove, AS_IS)
DELEGATE (ul, clear, AS_IS)
DELEGATE (ul, count, AS_IS)
DELEGATE (ul, index, AS_IS)
DELEGATE (ul, reverse, AS_IS)
DELEGATE (ul, sort, AS_IS)
DELEGATE (ul, extend, AS_IS)
DELEGATE (ul, __iter__, AS_IS)

static const HsMethodDef userlist_methods[] = {
  { "__init__", ul_init },
  { "__repr__", hs_usercoll_repr },
  { "__lt__", ul___lt__ },
  { "__le__", ul___le__ },
  { "__eq__", ul___eq__ },
  { "__gt__", ul___gt__ },
  { "__ge__", ul___ge__ },
  { "__contains__", ul___contains__ },
  { "__len__", hs_usercoll_len },
  { "__getitem__", ul_getitem },
  { "__setitem__", ul___setitem__ },
  { "__delitem__", ul___delitem__ },
  { "__iter__", ul___iter__ },
  { "__add__", ul_add },
  { "__radd__", ul_radd },
  { "__iadd__", ul_iadd },
  { "__mul__", ul_mul },
  { "__rmul__", ul_mul },
  { "__imul__", ul_imul },
  { "__copy__", ul_dunder_copy },
  { "append", ul_append },
  { "insert", ul_insert },
  { "pop", ul_pop },
  { "remove", ul_remove },
  { "clear", ul_clear },
  { "copy", seq_copy },
  { "count", ul_count },
  { "index", ul_index },
  { "reverse", ul_reverse },
  { "sort", ul_sort },
  { "extend", ul_extend },
};

static HsObject *userlist_descrs[G_N_ELEMENTS (userlist_methods)];

HsObject *
hs_userlist_class_new (HsVM *vm)
{
  return hs_usercoll_class_new (vm, "UserList", userlist_methods, userlist_descrs,
                                G_N_ELEMENTS (userlist_methods));
}

/* ---- UserString ------------------------------------------------------------------------- */

static HsObject *
us_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return seq_init (vm, "UserString.__init__", "@seq", args, nargs, kwnames, &hs_str_type, NULL);
}

static HsObject *
us_str (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "UserString.__str__", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  HsObject *r = data != NULL ? hs_object_str (vm, data) : NULL;
  hs_xdecref (vm, data);
  return r;
}

/* self[index]: a new instance of self's class */
static HsObject *
us_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *i = NULL;
  if (!hs_parse_args (vm, "UserString.__getitem__", args + 1, nargs - 1, kwnames, "@index", &i))
    return NULL;
  HsObject *data = hs_usercoll_data (vm, args[0]);
  HsObject *r = data != NULL ? hs_object_getitem (vm, data, i) : NULL;
  hs_xdecref (vm, data);
  return finish (vm, args[0], r, WRAP);
}

BINARY (us, add, "UserString.__add__", num_op, HS_BIN_ADD, FALSE, &hs_str_type, WRAP)
BINARY (us, radd, "UserString.__radd__", num_op, HS_BIN_ADD, TRUE, &hs_str_type, WRAP)
BINARY (us, mul, "UserString.__mul__", num_op, HS_BIN_MUL, FALSE, NULL, WRAP)
BINARY (us, mod, "UserString.__mod__", num_op, HS_BIN_MOD, FALSE, NULL, WRAP)
/* template % self, template made a str first */
static HsObject *
us_rmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tmpl = NULL;
  if (!hs_parse_args (vm, "UserString.__rmod__", args + 1, nargs - 1, kwnames, "@template", &tmpl))
    return NULL;
  HsObject *t = hs_object_str (vm, tmpl);
  HsObject *r = t != NULL ? hs_number_binop (vm, HS_BIN_MOD, t, args[0]) : NULL;
  hs_xdecref (vm, t);
  return finish (vm, args[0], r, WRAP);
}

COMPARE (us, __lt__, HS_CMP_LT)
COMPARE (us, __le__, HS_CMP_LE)
COMPARE (us, __eq__, HS_CMP_EQ)
COMPARE (us, __gt__, HS_CMP_GT)
COMPARE (us, __ge__, HS_CMP_GE)
DELEGATE (us, __contains__, AS_IS)
DELEGATE (us, __hash__, AS_IS)
DELEGATE (us, __iter__, AS_IS)
DELEGATE (us, capitalize, WRAP)
DELEGATE (us, casefold, WRAP)
DELEGATE (us, center, WRAP)
DELEGATE (us, count, AS_IS)
DELEGATE (us, removeprefix, WRAP)
DELEGATE (us, removesuffix, WRAP)
DELEGATE (us, encode, AS_IS)
DELEGATE (us, endswith, AS_IS)
DELEGATE (us, expandtabs, WRAP)
DELEGATE (us, find, AS_IS)
DELEGATE (us, format, AS_IS)
DELEGATE (us, format_map, AS_IS)
DELEGATE (us, index, AS_IS)
DELEGATE (us, isalpha, AS_IS)
DELEGATE (us, isalnum, AS_IS)
DELEGATE (us, isascii, AS_IS)
DELEGATE (us, isdecimal, AS_IS)
DELEGATE (us, isdigit, AS_IS)
DELEGATE (us, isidentifier, AS_IS)
DELEGATE (us, islower, AS_IS)
DELEGATE (us, isnumeric, AS_IS)
DELEGATE (us, isprintable, AS_IS)
DELEGATE (us, isspace, AS_IS)
DELEGATE (us, istitle, AS_IS)
DELEGATE (us, isupper, AS_IS)
DELEGATE (us, join, AS_IS)
DELEGATE (us, ljust, WRAP)
DELEGATE (us, lower, WRAP)
DELEGATE (us, lstrip, WRAP)
DELEGATE (us, partition, AS_IS)
DELEGATE (us, replace, WRAP)
DELEGATE (us, rfind, AS_IS)
DELEGATE (us, rindex, AS_IS)
DELEGATE (us, rjust, WRAP)
DELEGATE (us, rpartition, AS_IS)
DELEGATE (us, rstrip, WRAP)
DELEGATE (us, split, AS_IS)
DELEGATE (us, rsplit, AS_IS)
DELEGATE (us, splitlines, AS_IS)
DELEGATE (us, startswith, AS_IS)
DELEGATE (us, strip, WRAP)
DELEGATE (us, swapcase, WRAP)
DELEGATE (us, title, WRAP)
DELEGATE (us, translate, WRAP)
DELEGATE (us, upper, WRAP)
DELEGATE (us, zfill, WRAP)

static const HsMethodDef userstring_methods[] = {
  { "__init__", us_init },
  { "__str__", us_str },
  { "__repr__", hs_usercoll_repr },
  { "__hash__", us___hash__ },
  { "__lt__", us___lt__ },
  { "__le__", us___le__ },
  { "__eq__", us___eq__ },
  { "__gt__", us___gt__ },
  { "__ge__", us___ge__ },
  { "__contains__", us___contains__ },
  { "__len__", hs_usercoll_len },
  { "__getitem__", us_getitem },
  { "__iter__", us___iter__ },
  { "__add__", us_add },
  { "__radd__", us_radd },
  { "__mul__", us_mul },
  { "__rmul__", us_mul },
  { "__mod__", us_mod },
  { "__rmod__", us_rmod },
  { "capitalize", us_capitalize },
  { "casefold", us_casefold },
  { "center", us_center },
  { "count", us_count },
  { "removeprefix", us_removeprefix },
  { "removesuffix", us_removesuffix },
  { "encode", us_encode },
  { "endswith", us_endswith },
  { "expandtabs", us_expandtabs },
  { "find", us_find },
  { "format", us_format },
  { "format_map", us_format_map },
  { "index", us_index },
  { "isalpha", us_isalpha },
  { "isalnum", us_isalnum },
  { "isascii", us_isascii },
  { "isdecimal", us_isdecimal },
  { "isdigit", us_isdigit },
  { "isidentifier", us_isidentifier },
  { "islower", us_islower },
  { "isnumeric", us_isnumeric },
  { "isprintable", us_isprintable },
  { "isspace", us_isspace },
  { "istitle", us_istitle },
  { "isupper", us_isupper },
  { "join", us_join },
  { "ljust", us_ljust },
  { "lower", us_lower },
  { "lstrip", us_lstrip },
  { "partition", us_partition },
  { "replace", us_replace },
  { "rfind", us_rfind },
  { "rindex", us_rindex },
  { "rjust", us_rjust },
  { "rpartition", us_rpartition },
  { "rstrip", us_rstrip },
  { "split", us_split },
  { "rsplit", us_rsplit },
  { "splitlines", us_splitlines },
  { "startswith", us_startswith },
  { "strip", us_strip },
  { "swapcase", us_swapcase },
  { "title", us_title },
  { "translate", us_translate },
  { "upper", us_upper },
  { "zfill", us_zfill },
};

static HsObject *userstring_descrs[G_N_ELEMENTS (userstring_methods)];

HsObject *
hs_userstring_class_new (HsVM *vm)
{
  return hs_usercoll_class_new (vm, "UserString", userstring_methods, userstring_descrs,
                                G_N_ELEMENTS (userstring_methods));
}

void
hs_userseq_runtime_init (void)
{
  hs_usercoll_descrs_init (userlist_methods, userlist_descrs, G_N_ELEMENTS (userlist_methods));
  hs_usercoll_descrs_init (userstring_methods, userstring_descrs,
                           G_N_ELEMENTS (userstring_methods));
}
