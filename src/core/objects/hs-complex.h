/* hs-complex.h — Python's complex: a pair of doubles (CPython's Objects/complexobject.c).
 *
 * Invariant: a complex object is immutable; its arithmetic is CPython's to the last bit
 * (the same product, Smith's quotient, the same power algorithms), so results print alike;
 * its hash equals the hash of an equal int or float.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  double real;
  double imag;
} HsComplex;

#define HS_COMPLEX(o) ((HsComplex *)(o))

extern HsType hs_complex_type;

static inline gboolean
hs_complex_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_complex_type);
}

HsObject *hs_complex_new (HsVM *vm, double real, double imag);
/* z.real or z.imag (its getattr, and what complex.real reads), else the generic lookup. */
HsObject *hs_complex_part (HsVM *vm, HsObject *self, HsObject *name);
/* x ** y for doubles whose float power is complex (a negative base, a fractional
 * exponent): CPython's float_pow hands these to complex. */
HsObject *hs_complex_pow_doubles (HsVM *vm, double x, double y);
/* abs(z): hypot, OverflowError "absolute value too large" past the doubles. */
HsObject *hs_complex_abs (HsVM *vm, HsObject *z);
/* (ar + ai j) / (br + bi j) by CPython's _Py_c_quot (Smith's algorithm): FALSE where it
 * sets EDOM (a zero divisor), the result then 0j. */
gboolean hs_complex_quot (double ar, double ai, double br, double bi, double *rr, double *ri);

G_END_DECLS
