/* hs-mod-time.c — the `time` module: the clocks, and sleep.
 *
 * Invariant: time() reads the real clock, perf_counter() and monotonic() the monotonic one
 * (seconds as floats, as CPython's); sleep() checks its argument as CPython does and returns
 * at once, since a recorded program's time is its steps, not the wall clock.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"

static HsObject *
t_time (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "time", args, nargs, kwnames, ""))
    return NULL;
  return hs_float_new (vm, (double)g_get_real_time () / G_USEC_PER_SEC);
}

static HsObject *
t_monotonic (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "monotonic", args, nargs, kwnames, ""))
    return NULL;
  return hs_float_new (vm, (double)g_get_monotonic_time () / G_USEC_PER_SEC);
}

static HsObject *
t_sleep (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *secs = NULL;
  double d;
  if (!hs_parse_args (vm, "sleep", args, nargs, kwnames, "!secs", &secs))
    return NULL;
  if (HS_IS (secs, &hs_float_type))
    d = hs_float_value (secs);
  else if (hs_int_check (secs))
    {
      if (hs_int_as_double (vm, secs, &d) < 0)
        return NULL;
    }
  else
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (secs));
      return NULL;
    }
  if (d < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "sleep length must be non-negative");
      return NULL;
    }
  return hs_None;
}

static const HsMethodDef time_functions[] = {
  { "time", t_time },
  { "monotonic", t_monotonic },
  { "perf_counter", t_monotonic },
  { "sleep", t_sleep },
  { NULL, NULL },
};

int
hs_mod_time_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_functions (vm, dict, time_functions);
}
