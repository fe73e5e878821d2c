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
/* __abs__, __round__, __divmod__, __rdivmod__, __float__ of an int or a float; __int__,
 * __index__, __trunc__, __floor__, __ceil__ of an int (its value) and __int__/__trunc__,
 * __floor__, __ceil__ of a float (CPython's methods beyond the operator slots). */
HsObject *hs_number_dunder_abs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_number_dunder_round (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_number_dunder_divmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_number_dunder_rdivmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_number_dunder_float (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_int_dunder_value (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_float_dunder_trunc (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_float_dunder_floor (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_number_dunder_getnewargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_float_dunder_ceil (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

G_END_DECLS
