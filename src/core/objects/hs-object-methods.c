/* hs-object-methods.c — object's and type's methods that CPython 3.11's dicts hold and
 * Heapscope's slots do not give: object.__hash__, __format__, __subclasshook__ and
 * type.__or__ (int | None).
 *
 * Invariant: each behaves as CPython's when called directly (object.__hash__(x) is the
 * identity hash whatever x's class says); the operators and built-ins keep going through the
 * slots, so adding a name here changes no other behaviour.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-error.h"
#include "hs-genericalias.h"
#include "hs-int.h"
#include "hs-object-private.h"
#include "hs-slot-wrapper.h"
#include "hs-str.h"

/* object.__hash__(): the identity hash every object starts with, whatever its class says. */
static HsObject *
object_hash_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint64 h;
  if (!hs_slot_wrapper_nargs (vm, nargs, 0) || hs_object_type.hash (vm, args[0], &h) < 0)
    return NULL;
  return hs_int_from_i64 (vm, h);
}

/* object.__format__(spec): str(self) for an empty spec, CPython's TypeError for another. */
static HsObject *
object_format_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *spec;
  if (!hs_parse_args (vm, "__format__", args + 1, nargs - 1, kwnames, "!format_spec", &spec))
    return NULL;
  if (!hs_str_check (spec))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__format__() argument must be str, not %s",
                     hs_type_name (spec));
      return NULL;
    }
  if (hs_str_byte_len (spec) > 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "unsupported format string passed to %s.__format__",
                     hs_type_name (args[0]));
      return NULL;
    }
  return hs_object_str (vm, args[0]);
}

/* object.__subclasshook__(...): NotImplemented, leaving issubclass() to the usual rules. */
static HsObject *
object_subclasshook (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_incref (hs_NotImplemented);
}

/* type.__or__ and type.__ror__: int | None, a types.UnionType (NotImplemented for an
 * operand that is not a class, None or an alias). */
static HsObject *
type_union (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *r = hs_alias_union (vm, a, b);
  return r != NULL || hs_err_occurred (vm) ? r : hs_incref (hs_NotImplemented);
}

static HsObject *
type_or_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_slot_wrapper_nargs (vm, nargs, 1) ? type_union (vm, args[0], args[1]) : NULL;
}

static HsObject *
type_ror_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_slot_wrapper_nargs (vm, nargs, 1) ? type_union (vm, args[1], args[0]) : NULL;
}

const HsMethodDef hs_object_more_methods[] = {
  { "__subclasshook__", object_subclasshook, HS_METH_CLASS },
  { "__hash__", object_hash_method, HS_METH_SLOT },
  { "__format__", object_format_method },
  { NULL, NULL },
};

const HsMethodDef hs_type_more_methods[] = {
  { "__or__", type_or_method, HS_METH_SLOT },
  { "__ror__", type_ror_method, HS_METH_SLOT },
  { NULL, NULL },
};
