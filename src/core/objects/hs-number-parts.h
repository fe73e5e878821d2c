/* hs-number-parts.h — real, imag, numerator, denominator, as_integer_ratio, float.hex and
 * float.fromhex (see hs-number-parts.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* An int's or a float's attribute `name` among real, imag, numerator and denominator (an
 * int's), or NULL without an error when it is none of them. */
HsObject *hs_int_part (HsVM *vm, HsObject *self, HsObject *name);
HsObject *hs_float_part (HsVM *vm, HsObject *self, HsObject *name);
/* The methods (args[0] self; fromhex a class method, args[0] the type). */
HsObject *hs_int_as_integer_ratio (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_float_as_integer_ratio (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_float_hex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_float_fromhex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

G_END_DECLS
