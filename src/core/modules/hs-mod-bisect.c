/* hs-mod-bisect.c — the `bisect` module: binary search in a sorted sequence.
 *
 * Invariant: bisect_left/bisect_right return CPython's insertion point, comparing
 * key(a[mid]) (or a[mid]) with x by `<` only, in CPython's order of comparisons (so a
 * __lt__ that prints shows the same calls); insort_* insert there with the sequence's own
 * insert method.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* The insertion point of x in a[lo:hi]; -1 on error. */
static gssize
search (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
        gboolean right, HsObject **x_out)
{
  HsObject *a = NULL, *x = NULL, *lo_obj = NULL, *hi_obj = NULL, *key = NULL;
  gssize lo = 0, hi;

  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "a x|lo hi $key", &a, &x, &lo_obj, &hi_obj,
                      &key))
    return -1;
  *x_out = x;
  if (lo_obj != NULL && (lo = hs_int_as_ssize_index (vm, lo_obj)) == -1 && hs_err_occurred (vm))
    return -1;
  if (lo < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "lo must be non-negative");
      return -1;
    }
  if (hi_obj != NULL && hi_obj != hs_None)
    {
      if ((hi = hs_int_as_ssize_index (vm, hi_obj)) == -1 && hs_err_occurred (vm))
        return -1;
    }
  else if ((hi = hs_object_len (vm, a)) < 0)
    return -1;
  if (key == hs_None)
    key = NULL;
  while (lo < hi)
    {
      gssize mid = lo + (hi - lo) / 2;
      HsObject *idx = hs_int_from_i64 (vm, mid), *item, *k;
      int lt;
      item = idx ? hs_object_getitem (vm, a, idx) : NULL;
      hs_xdecref (vm, idx);
      if (item == NULL)
        return -1;
      k = key != NULL ? hs_object_call (vm, key, &item, 1, NULL) : hs_incref (item);
      hs_decref (vm, item);
      if (k == NULL)
        return -1;
      /* right: x < a[mid] goes left; left: a[mid] < x goes right */
      lt = right ? hs_object_richcompare_bool (vm, x, k, HS_CMP_LT)
                 : hs_object_richcompare_bool (vm, k, x, HS_CMP_LT);
      hs_decref (vm, k);
      if (lt < 0)
        return -1;
      if (right ? lt : !lt)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

static HsObject *
bisect_fn (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
           gboolean right)
{
  HsObject *x;
  gssize i = search (vm, fname, args, nargs, kwnames, right, &x);
  return i < 0 ? NULL : hs_int_from_i64 (vm, i);
}

/* insort: a.insert(i, x); with a key, the key is searched for key(x) */
static HsObject *
insort_fn (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
           gboolean right)
{
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  HsObject *key = NULL, *x, *kx = NULL, *ins, *iargs[2], *r;
  g_autofree HsObject **a2 = g_new (HsObject *, nargs + nkw + 1);
  gssize i;

  for (gsize k = 0; k < nkw; k++)
    if (hs_str_equal_cstr (hs_tuple_get_borrow (kwnames, k), "key"))
      key = args[nargs + k];
  memcpy (a2, args, (nargs + nkw) * sizeof (HsObject *));
  if (nargs >= 2 && key != NULL && key != hs_None)
    {
      if ((kx = hs_object_call (vm, key, &args[1], 1, NULL)) == NULL)
        return NULL;
      a2[1] = kx;
    }
  i = search (vm, fname, a2, nargs, kwnames, right, &x);
  hs_xdecref (vm, kx);
  if (i < 0)
    return NULL;
  iargs[0] = hs_int_from_i64 (vm, i);
  iargs[1] = args[1];
  ins = iargs[0] ? hs_object_getattr_cstr (vm, args[0], "insert") : NULL;
  r = ins ? hs_object_call (vm, ins, iargs, 2, NULL) : NULL;
  hs_xdecref (vm, ins);
  hs_xdecref (vm, iargs[0]);
  if (r == NULL)
    return NULL;
  hs_decref (vm, r);
  return hs_None;
}

static HsObject *
b_bisect_left (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return bisect_fn (vm, "bisect_left", args, nargs, kwnames, FALSE);
}

static HsObject *
b_bisect_right (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return bisect_fn (vm, "bisect_right", args, nargs, kwnames, TRUE);
}

static HsObject *
b_insort_left (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return insort_fn (vm, "insort_left", args, nargs, kwnames, FALSE);
}

static HsObject *
b_insort_right (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return insort_fn (vm, "insort_right", args, nargs, kwnames, TRUE);
}

static const HsMethodDef bisect_functions[] = {
  { "bisect_left", b_bisect_left },
  { "bisect_right", b_bisect_right },
  { "bisect", b_bisect_right },
  { "insort_left", b_insort_left },
  { "insort_right", b_insort_right },
  { "insort", b_insort_right },
  { NULL, NULL },
};

int
hs_mod_bisect_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_functions (vm, dict, bisect_functions);
}
