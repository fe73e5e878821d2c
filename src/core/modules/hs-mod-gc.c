/* hs-mod-gc.c — the `gc` module: the cycle collector's Python face.
 *
 * Invariant: every function only reads or sets the VM's HsGCState through hs-gc.h;
 * gc.collect() returns exactly what hs_gc_collect found unreachable, which is what
 * CPython 3.11 returns for the same heap shape.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-gc.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-tuple.h"

/* An int argument as a C int (CPython's "i" format). */
static gboolean
int_arg (HsVM *vm, HsObject *o, int *out)
{
  gint64 v;

  if (!hs_int_check (o))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return FALSE;
    }
  if (!hs_int_as_i64 (o, &v) || v > G_MAXINT || v < G_MININT)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError,
                         v > 0 ? "signed integer is greater than maximum"
                               : "signed integer is less than minimum");
      return FALSE;
    }
  *out = (int)v;
  return TRUE;
}

static HsObject *
gc_collect (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *gen_obj = NULL;
  int gen = 2;

  if (!hs_parse_args (vm, "collect", args, nargs, kwnames, "|generation", &gen_obj))
    return NULL;
  if (gen_obj != NULL && !int_arg (vm, gen_obj, &gen))
    return NULL;
  if (gen < 0 || gen >= HS_GC_GENERATIONS)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "invalid generation");
      return NULL;
    }
  return hs_int_from_i64 (vm, (gint64)hs_gc_collect (vm, gen));
}

static HsObject *
gc_enable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "gc.enable", args, nargs, kwnames, ""))
    return NULL;
  hs_gc_set_enabled (vm, TRUE);
  return hs_None;
}

static HsObject *
gc_disable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "gc.disable", args, nargs, kwnames, ""))
    return NULL;
  hs_gc_set_enabled (vm, FALSE);
  return hs_None;
}

static HsObject *
gc_isenabled (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "gc.isenabled", args, nargs, kwnames, ""))
    return NULL;
  return hs_bool_from (hs_gc_is_enabled (vm));
}

static HsObject *
triple (HsVM *vm, gint64 a, gint64 b, gint64 c)
{
  HsObject *t = hs_tuple_new (vm, 3);
  if (t == NULL)
    return NULL;
  hs_tuple_set_take (t, 0, hs_int_from_i64 (vm, a));
  hs_tuple_set_take (t, 1, hs_int_from_i64 (vm, b));
  hs_tuple_set_take (t, 2, hs_int_from_i64 (vm, c));
  for (int i = 0; i < 3; i++)
    if (hs_tuple_get_borrow (t, i) == NULL)
      {
        hs_decref (vm, t);
        return NULL;
      }
  return t;
}

static HsObject *
gc_get_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint64 c[HS_GC_GENERATIONS];
  if (!hs_parse_args (vm, "gc.get_count", args, nargs, kwnames, ""))
    return NULL;
  hs_gc_get_count (vm, c);
  return triple (vm, c[0], c[1], c[2]);
}

static HsObject *
gc_get_threshold (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int t[HS_GC_GENERATIONS];
  if (!hs_parse_args (vm, "gc.get_threshold", args, nargs, kwnames, ""))
    return NULL;
  hs_gc_get_threshold (vm, t);
  return triple (vm, t[0], t[1], t[2]);
}

static HsObject *
gc_set_threshold (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int t[HS_GC_GENERATIONS];

  if (!hs_parse_no_kwargs (vm, "set_threshold", kwnames))
    return NULL;
  if (nargs < 1 || nargs > 3)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "set_threshold() takes at %s (%" G_GSIZE_FORMAT " given)",
                     nargs < 1 ? "least 1 argument" : "most 3 arguments", nargs);
      return NULL;
    }
  for (gsize i = 0; i < nargs; i++)
    if (!int_arg (vm, args[i], &t[i]))
      return NULL;
  hs_gc_set_threshold (vm, t, nargs);
  return hs_None;
}

/* gc.is_tracked(obj): whether the collector sees obj, by CPython's rules (a dict only once
 * it holds a container, a tuple until a collection found only atomic items in it). */
static HsObject *
gc_is_tracked (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  if (!hs_parse_args (vm, "is_tracked", args, nargs, kwnames, "obj /", &obj))
    return NULL;
  if (hs_is_immortal (obj))
    return hs_bool_from (hs_gc_may_be_tracked (obj) && !HS_IS (obj, &hs_tuple_type));
  return hs_bool_from ((obj->flags & HS_FLAG_GC_TRACKED) != 0);
}

static const HsMethodDef gc_functions[] = {
  { "collect", gc_collect },
  { "disable", gc_disable },
  { "enable", gc_enable },
  { "get_count", gc_get_count },
  { "get_threshold", gc_get_threshold },
  { "is_tracked", gc_is_tracked },
  { "isenabled", gc_isenabled },
  { "set_threshold", gc_set_threshold },
  { NULL, NULL },
};

int
hs_mod_gc_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_functions (vm, dict, gc_functions);
}
