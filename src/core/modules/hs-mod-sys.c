/* hs-mod-sys.c — the `sys` module: getrefcount, recursion limit, getsizeof, maxsize.
 *
 * Invariant: every figure reported is CPython 3.11's on 64-bit Linux for the same
 * object state: getrefcount is the object's count while it is also held as the call's
 * argument (the VM keeps arguments on the caller's value stack, so the count already
 * includes that reference, exactly as CPython's does); getsizeof follows CPython's
 * __sizeof__ of each type plus the 16-byte GC header for container types.
 */
#include "config.h"

#include <gmp.h>
#include <string.h>

#include "hs-builtins.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"

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
  if (t == &hs_none_type)
    return 16;
  if (t == &hs_str_type)
    return str_sizeof (obj);
  if (t == &hs_list_type)
    return 56 + 8 * HS_LIST (obj)->cap;
  if (t == &hs_tuple_type)
    return 40 + 8 * hs_tuple_len (obj);
  if (t == &hs_dict_type)
    return dict_sizeof (obj);
  if (t == &hs_set_type || t == &hs_frozenset_type)
    return hs_set_sizeof (obj);
  if (t == &hs_range_type)
    return 48;
  if (t == &hs_cfunction_type || t == &hs_module_type)
    return 72;
  if ((t->type_flags & HS_TYPE_HEAP) && HS_CLASS (t)->static_base == &hs_object_type)
    return instance_sizeof (t);
  if (t->type_flags & HS_TYPE_HEAP)
    return 56; /* an instance with a managed dict (3.11) */
  /* Other types: our layout minus the wider header, plus CPython's GC header. */
  return MAX (t->basicsize, sizeof (HsObject)) - HEADER_EXTRA
         + ((t->type_flags & HS_TYPE_GC) ? 16 : 0);
}

static HsObject *
sys_getsizeof (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj, *dflt = NULL;
  if (!hs_parse_args (vm, "getsizeof", args, nargs, kwnames, "object |default", &obj, &dflt))
    return NULL;
  return hs_int_from_u64 (vm, hs_sys_getsizeof (obj));
}

static const HsMethodDef sys_functions[] = {
  { "exit", hs_builtin_exit },
  { "getrecursionlimit", sys_getrecursionlimit },
  { "getrefcount", sys_getrefcount },
  { "getsizeof", sys_getsizeof },
  { "setrecursionlimit", sys_setrecursionlimit },
  { NULL, NULL },
};

int
hs_mod_sys_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, sys_functions) < 0
      || hs_module_add_take (vm, dict, "maxsize", hs_int_from_i64 (vm, G_MAXINT64)) < 0
      || hs_module_add_take (vm, dict, "byteorder", hs_str_from_cstr (vm, "little")) < 0
      || hs_module_add_take (vm, dict, "platform", hs_str_from_cstr (vm, "linux")) < 0)
    return -1;
  return 0;
}
