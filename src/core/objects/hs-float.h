/* hs-float.h — Python's float (an IEEE double) and the numeric helpers builtins need.
 *
 * Invariant: a float object is immutable; its repr is the shortest string that reads
 * back to the same double (CPython's 'r' mode), and its hash equals the hash of an
 * equal int.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  double value;
} HsFloat;

static inline double
hs_float_value (HsObject *o)
{
  return ((HsFloat *)o)->value;
}

HsObject *hs_float_new (HsVM *vm, double v);
/* x ** y with CPython's float_pow rules (ZeroDivisionError, OverflowError (34, ...)). */
HsObject *hs_float_pow (HsVM *vm, double x, double y);
/* float(s): whitespace, sign, underscores, inf/nan; ValueError
 * "could not convert string to float: 'x'". */
HsObject *hs_float_from_str (HsVM *vm, const char *s, gsize len);
/* Shortest round-tripping repr ("0.1", "1e+16", "inf", "-0.0") appended to out. */
void hs_float_repr_append (GString *out, double v);
/* CPython's PyOS_double_to_string: type 'r' (shortest), 'e', 'f' or 'g' with
 * `precision`; '-' for negatives only; `alt` is '#'; `add_dot_0` makes integral values
 * end in ".0" (and moves 'g''s switch to exponent one digit earlier, as CPython does). */
/* An upper bound of the bytes hs_float_format_append allocates for these arguments, to
 * check against the heap cap before a program's precision makes it allocate. */
gsize hs_float_format_size (char type, int precision, gboolean alt);
void hs_float_format_append (GString *out, double v, char type, int precision, gboolean alt,
                             gboolean add_dot_0);
/* x op y for the operators whose float result needs no check (+, -, *, / by non-zero):
 * FALSE for the others, which hs_float_arith computes. Inline: the eval loop's float ops. */
static inline gboolean
hs_float_arith_exact (HsBinOp op, double x, double y, double *out)
{
  switch (op)
    {
      case HS_BIN_ADD:
        *out = x + y;
        return TRUE;
      case HS_BIN_SUB:
        *out = x - y;
        return TRUE;
      case HS_BIN_MUL:
        *out = x * y;
        return TRUE;
      case HS_BIN_TRUEDIV:
        if (y == 0)
          return FALSE;
        *out = x / y;
        return TRUE;
      default:
        return FALSE;
    }
}
/* x op y for the arithmetic operators (+ - * / // % **), CPython's float_add..float_pow
 * with their ZeroDivisionError messages. */
HsObject *hs_float_arith (HsVM *vm, HsBinOp op, double x, double y);
/* Converts an int or float to a double; TypeError naming `what` otherwise. */
int hs_number_as_double (HsVM *vm, HsObject *o, double *out);

/* Builtins: round(x[, n]), abs(x), divmod(a, b), pow(a, b[, m]) for int/float/bool.
 * They return NotImplemented-free results or NULL with CPython's TypeError. */
HsObject *hs_number_round (HsVM *vm, HsObject *x, HsObject *ndigits);
HsObject *hs_number_abs (HsVM *vm, HsObject *x);
HsObject *hs_number_divmod (HsVM *vm, HsObject *a, HsObject *b);
HsObject *hs_number_pow (HsVM *vm, HsObject *a, HsObject *b, HsObject *mod);
/* What self's type's pow slot gives for pow(v, w, z) with a modulus z (CPython's nb_power
 * of int, float, complex or a class defining __pow__), NotImplemented for operands it
 * does not take: int.__pow__(3, 4, 5) and (3).__rpow__(4, 5). */
HsObject *hs_number_pow_slot (HsVM *vm, HsObject *self, HsObject *v, HsObject *w, HsObject *z);

G_END_DECLS
