/* hs-mod-sys.c — the `sys` module: getrefcount, intern, recursion limit, getsizeof, maxsize,
 * the standard streams (objects/hs-stdio.c), argv, the version and the number facts.
 *
 * Invariant: every figure reported is CPython 3.11's on 64-bit Linux for the same
 * object state: getrefcount is the object's count while it is also held as the call's
 * argument (the VM keeps arguments on the caller's value stack, so the count already
 * includes that reference, exactly as CPython's does); getsizeof follows CPython's
 * __sizeof__ of each type plus the 16-byte GC header for container types.
 */
#include "config.h"

#include <float.h>
#include <gmp.h>
#include <string.h>

#include "hs-builtins.h"
#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-set.h"
#include "hs-stdio.h"
#include "hs-structseq.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

/* What getrefcount reports for immortal objects (CPython 3.12's immortal count). */
#define IMMORTAL_REFCOUNT G_GINT64_CONSTANT (4294967295)
/* Size of our object header beyond CPython's 16-byte PyObject header. */
#define HEADER_EXTRA (sizeof (HsObject) - 16)

static HsObject *
sys_getrefcount (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj;
  if (!hs_parse_args (vm, "sys.getrefcount", args, nargs, kwnames, "!object", &obj))
    return NULL;
  if (hs_is_immortal (obj))
    return hs_int_from_i64 (vm, IMMORTAL_REFCOUNT);
  return hs_int_from_i64 (vm, obj->refcount);
}

static HsObject *
sys_getrecursionlimit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "sys.getrecursionlimit", args, nargs, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, vm->config.recursion_limit);
}

static HsObject *
sys_setrecursionlimit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj;
  gint64 limit;
  int depth;

  if (!hs_parse_args (vm, "sys.setrecursionlimit", args, nargs, kwnames, "!limit", &obj))
    return NULL;
  if (!hs_int_check (obj))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (obj));
      return NULL;
    }
  if (!hs_int_as_i64 (obj, &limit) || limit > G_MAXINT)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
      return NULL;
    }
  if (limit < 1)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "recursion limit must be greater or equal than 1");
      return NULL;
    }
  /* CPython counts the C call of setrecursionlimit itself as one more level. */
  depth = vm->depth + 1;
  if (depth >= limit)
    {
      hs_err_format (vm, &hs_exc_RecursionError,
                     "cannot set the recursion limit to %d at the recursion depth %d: the limit "
                     "is too low",
                     (int)limit, depth);
      return NULL;
    }
  vm->config.recursion_limit = (int)limit;
  return hs_None;
}

/* ---- getsizeof ------------------------------------------------------------------------ */

static gsize
int_sizeof (HsObject *o)
{
  HsInt *i = (HsInt *)o;
  gsize bits, digits;

  if (i->big != NULL)
    bits = mpz_sizeinbase ((mpz_ptr)i->big, 2);
  else
    {
      guint64 v = i->small < 0 ? (guint64)0 - (guint64)i->small : (guint64)i->small;
      bits = v == 0 ? 0 : 64 - (gsize)__builtin_clzll (v);
    }
  digits = (bits + 29) / 30; /* CPython's 30-bit digits */
  return 24 + 4 * MAX (digits, 1);
}

static gsize
str_sizeof (HsObject *s)
{
  gsize n = hs_str_char_len (s);
  gunichar max = 0;

  if (HS_STR (s)->ascii)
    return 49 + n;
  for (const char *p = hs_str_utf8 (s); *p != '\0'; p = g_utf8_next_char (p))
    max = MAX (max, g_utf8_get_char (p));
  if (max < 256)
    return 73 + n;
  if (max < 65536)
    return 74 + 2 * n;
  return 76 + 4 * n;
}

/* CPython 3.11: 48-byte PyDictObject + GC header, plus the keys object (32-byte header,
 * one index per slot of 1/2/4/8 bytes, 2/3 of the slots as entries of 16 bytes when
 * every key is a str, else 24). */
static gsize
dict_sizeof (HsObject *o)
{
  HsDict *d = HS_DICT (o);
  gsize size, ix, entry = 16;
  gsize pos = 0;
  HsObject *k, *v;

  if (d->mask == 0)
    return 64;
  size = d->mask + 1;
  ix = size <= 128 ? 1 : size <= 32768 ? 2 : size <= ((gsize)1 << 31) ? 4 : 8;
  while (hs_dict_next (o, &pos, &k, &v))
    if (!HS_IS (k, &hs_str_type))
      {
        entry = 24;
        break;
      }
  return 64 + 32 + size * ix + d->entries_cap * entry;
}

/* CPython 3.11's instance of a class whose built-in part is object: the header, the slots
 * of its __slots__, the weak reference list, the GC header, and the two pointers a managed
 * dict keeps before it. */
static gsize
instance_sizeof (const HsType *t)
{
  gsize n = 0;
  for (const HsType *k = t; k->type_flags & HS_TYPE_HEAP; k = k->base)
    n += HS_CLASS (k)->nslots;
  return 16 + 8 * n + (HS_CLASS (t)->has_weakref ? 8 : 0) + 16 + (HS_CLASS (t)->has_dict ? 16 : 0);
}

gsize
hs_sys_getsizeof (HsObject *obj)
{
  const HsType *t = obj->type;

  if (t == &hs_int_type || t == &hs_bool_type)
    return int_sizeof (obj);
  if (t == &hs_float_type)
    return 24;
  if (t == &hs_complex_type)
    return 32;
  if (t == &hs_none_type)
    return 16;
  if (t == &hs_str_type)
    return str_sizeof (obj);
  if (t == &hs_bytes_type)
    return 33 + (gsize)hs_bytes_len (NULL, obj);
  if (t == &hs_list_type)
    return 56 + 8 * HS_LIST (obj)->cap;
  if (t == &hs_tuple_type)
    return 40 + 8 * hs_tuple_len (obj);
  /* a dict's table past 8 slots grows otherwise than CPython's; an instance's __dict__ is
   * a split table there */
  if (t == &hs_dict_type && HS_DICT (obj)->mask < 8 && !HS_DICT (obj)->split)
    return dict_sizeof (obj);
  if (t == &hs_set_type || t == &hs_frozenset_type)
    return hs_set_sizeof (obj);
  if (t == &hs_range_type)
    return 48;
  if (t == &hs_cfunction_type || t == &hs_module_type)
    return 72;
  if ((t->type_flags & HS_TYPE_HEAP) && HS_CLASS (t)->static_base == &hs_object_type)
    return instance_sizeof (t);
  return 0;
}

/* sys.getsizeof(obj[, default]): CPython's figure where Heapscope lays the object out as
 * CPython does, else NotImplementedError (never a guess). */
static HsObject *
sys_getsizeof (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj, *dflt = NULL;
  gsize size;
  if (!hs_parse_args (vm, "getsizeof", args, nargs, kwnames, "object |default", &obj, &dflt))
    return NULL;
  if ((size = hs_sys_getsizeof (obj)) == 0)
    {
      hs_err_format (vm, &hs_exc_NotImplementedError,
                     "sys.getsizeof() of a '%s' object is not supported by Heapscope yet",
                     hs_type_name (obj));
      return NULL;
    }
  return hs_int_from_u64 (vm, size);
}

/* ---- the exception being handled ------------------------------------------------------ */

static HsObject *
sys_exception (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "exception", args, nargs, kwnames, ""))
    return NULL;
  HsObject *handled = hs_vm_handled_exception (vm);
  return hs_incref (handled != NULL ? handled : hs_None);
}

static HsObject *
sys_exc_info (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tb, *r, *handled;
  if (!hs_parse_args (vm, "exc_info", args, nargs, kwnames, ""))
    return NULL;
  if ((handled = hs_vm_handled_exception (vm)) == NULL)
    return hs_tuple_pack (vm, 3, hs_None, hs_None, hs_None);
  if ((tb = hs_exception_traceback_object (vm, handled)) == NULL)
    return NULL;
  r = hs_tuple_pack (vm, 3, (HsObject *)handled->type, handled, tb);
  hs_decref (vm, tb);
  return r;
}

/* ---- strings and ints ---------------------------------------------------------------- */

/* The program's interned str equal to the argument, which is interned itself when none is
 * (CPython 3.11's sys.intern: the intern table does not count it). */
static HsObject *
sys_intern (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s;
  if (!hs_parse_args (vm, "sys.intern", args, nargs, kwnames, "!string", &s))
    return NULL;
  if (!hs_str_check (s))
    {
      /* Argument Clinic's wording, which names None itself */
      hs_err_format (vm, &hs_exc_TypeError, "intern() argument must be str, not %s",
                     s == hs_None ? "None" : hs_type_name (s));
      return NULL;
    }
  if (s->type != &hs_str_type)
    {
      hs_err_format (vm, &hs_exc_TypeError, "can't intern %s", hs_type_name (s));
      return NULL;
    }
  return hs_str_intern_obj (vm, s);
}

static HsObject *
sys_get_int_max_str_digits (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "get_int_max_str_digits", args, nargs, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, vm->int_max_str_digits);
}

static HsObject *
sys_set_int_max_str_digits (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  gint64 n = 0;
  gboolean fits;
  if (!hs_parse_args (vm, "set_int_max_str_digits", args, nargs, kwnames, "maxdigits", &obj)
      || (obj = hs_object_index (vm, obj)) == NULL)
    return NULL;
  fits = hs_int_as_i64 (obj, &n) && n >= G_MININT && n <= G_MAXINT;
  hs_decref (vm, obj);
  if (!fits)
    hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
  else if (n != 0 && n < 640)
    hs_err_set_string (vm, &hs_exc_ValueError, "maxdigits must be 0 or larger than 640");
  else
    vm->int_max_str_digits = (int)n;
  return hs_err_occurred (vm) ? NULL : hs_incref (hs_None);
}

static const HsMethodDef sys_functions[] = {
  { "exc_info", sys_exc_info },
  { "exception", sys_exception },
  { "exit", hs_builtin_exit },
  { "get_int_max_str_digits", sys_get_int_max_str_digits },
  { "getrecursionlimit", sys_getrecursionlimit },
  { "getrefcount", sys_getrefcount },
  { "getsizeof", sys_getsizeof },
  { "intern", sys_intern },
  { "set_int_max_str_digits", sys_set_int_max_str_digits },
  { "setrecursionlimit", sys_setrecursionlimit },
  { NULL, NULL },
};

/* ---- values ------------------------------------------------------------------------- */

/* The CPython release whose behaviour Heapscope follows (Debian 12's). */
#define PY_MICRO 2
#define PY_HEXVERSION 0x030b02f0

static const char *const version_info_fields[]
    = { "major", "minor", "micro", "releaselevel", "serial", NULL };
static const char *const float_info_fields[]
    = { "max", "max_exp",  "max_10_exp", "min",   "min_exp", "min_10_exp",
        "dig", "mant_dig", "epsilon",    "radix", "rounds",  NULL };
static const char *const int_info_fields[]
    = { "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold",
        NULL };

/* One struct sequence of sys from its items (taken). */
static HsObject *
struct_value (HsVM *vm, const char *name, const char *const *fields, HsObject **items)
{
  HsType *type
      = hs_structseq_new_type (vm, "sys", name, fields, g_strv_length ((char **)fields), FALSE);
  if (type != NULL)
    return hs_structseq_new_take (vm, type, items);
  for (gsize i = 0; fields[i] != NULL; i++)
    hs_xdecref (vm, items[i]);
  return NULL;
}

static HsObject *
version_info (HsVM *vm)
{
  HsObject *items[]
      = { hs_int_from_i64 (vm, 3), hs_int_from_i64 (vm, 11), hs_int_from_i64 (vm, PY_MICRO),
          hs_str_from_cstr (vm, "final"), hs_int_from_i64 (vm, 0) };
  return struct_value (vm, "version_info", version_info_fields, items);
}

static HsObject *
float_info (HsVM *vm)
{
  HsObject *items[] = {
    hs_float_new (vm, DBL_MAX),
    hs_int_from_i64 (vm, DBL_MAX_EXP),
    hs_int_from_i64 (vm, DBL_MAX_10_EXP),
    hs_float_new (vm, DBL_MIN),
    hs_int_from_i64 (vm, DBL_MIN_EXP),
    hs_int_from_i64 (vm, DBL_MIN_10_EXP),
    hs_int_from_i64 (vm, DBL_DIG),
    hs_int_from_i64 (vm, DBL_MANT_DIG),
    hs_float_new (vm, DBL_EPSILON),
    hs_int_from_i64 (vm, FLT_RADIX),
    hs_int_from_i64 (vm, 1),
  };
  return struct_value (vm, "float_info", float_info_fields, items);
}

static HsObject *
int_info (HsVM *vm)
{
  HsObject *items[] = { hs_int_from_i64 (vm, 30), hs_int_from_i64 (vm, 4),
                        hs_int_from_i64 (vm, HS_INT_MAX_STR_DIGITS), hs_int_from_i64 (vm, 640) };
  return struct_value (vm, "int_info", int_info_fields, items);
}

/* sys.argv: what the host gave, else [the program's file name] */
static HsObject *
argv_list (HsVM *vm)
{
  const char *const fallback[] = { vm->filename != NULL ? vm->filename : "", NULL };
  const char *const *argv = vm->argv != NULL ? (const char *const *)vm->argv : fallback;
  HsObject *list = hs_list_new (vm, 0);

  for (gsize i = 0; list != NULL && argv[i] != NULL; i++)
    if (hs_list_append_take (vm, list, hs_str_from_cstr (vm, argv[i])) < 0)
      HS_CLEAR (vm, list);
  return list;
}

/* sys.stdin/stdout/stderr and, the same objects, __stdin__/__stdout__/__stderr__ */
static int
add_streams (HsVM *vm, HsObject *dict)
{
  static const char *const names[] = { "stdin", "stdout", "stderr" };

  for (int fd = 0; fd < 3; fd++)
    {
      HsObject *s = hs_stdio_new (vm, fd);
      g_autofree char *dunder = g_strdup_printf ("__%s__", names[fd]);

      if (s == NULL || hs_module_add_take (vm, dict, dunder, hs_incref (s)) < 0
          || hs_module_add_take (vm, dict, names[fd], s) < 0)
        return -1;
    }
  return 0;
}

int
hs_mod_sys_init (HsVM *vm, HsObject *dict)
{
  g_autofree char *version = g_strdup_printf ("3.11.%d (Heapscope %s)", PY_MICRO, PACKAGE_VERSION);

  if (hs_module_add_functions (vm, dict, sys_functions) < 0
      || hs_module_add_take (vm, dict, "maxsize", hs_int_from_i64 (vm, G_MAXINT64)) < 0
      || hs_module_add_take (vm, dict, "maxunicode", hs_int_from_i64 (vm, 0x10ffff)) < 0
      || hs_module_add_take (vm, dict, "byteorder", hs_str_from_cstr (vm, "little")) < 0
      || hs_module_add_take (vm, dict, "platform", hs_str_from_cstr (vm, "linux")) < 0
      || hs_module_add_take (vm, dict, "version", hs_str_from_cstr (vm, version)) < 0
      || hs_module_add_take (vm, dict, "hexversion", hs_int_from_i64 (vm, PY_HEXVERSION)) < 0
      || hs_module_add_take (vm, dict, "version_info", version_info (vm)) < 0
      || hs_module_add_take (vm, dict, "float_info", float_info (vm)) < 0
      || hs_module_add_take (vm, dict, "int_info", int_info (vm)) < 0
      || hs_module_add_take (vm, dict, "argv", argv_list (vm)) < 0 || add_streams (vm, dict) < 0
      || hs_dict_set_item (vm, dict, hs_str_intern_cstr ("modules"), vm->modules) < 0)
    return -1;
  /* CPython copies a single-phase module's dict once made (m_copy): sys.modules counts it */
  if (vm->sys_copy == NULL && (vm->sys_copy = hs_dict_copy (vm, dict)) == NULL)
    return -1;
  return 0;
}
