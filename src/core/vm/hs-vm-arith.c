/* hs-vm-arith.c — the eval loop's arithmetic that is not worth inlining into its handlers
 * (hs-vm-arith.h).
 *
 * Invariant: as hs-vm-arith.h's.
 */
#include "config.h"

#include "hs-vm-arith.h"

#include "hs-error.h"
#include "hs-str.h"

#define EXACT_DOUBLE_INT (G_GINT64_CONSTANT (1) << 53)

/* A float, or an int a double holds exactly (so int/float mixes give CPython's results). */
static inline gboolean
exact_double (HsObject *o, double *out)
{
  if (HS_IS (o, &hs_float_type))
    {
      *out = hs_float_value (o);
      return TRUE;
    }
  /* a range, not ABS (): -2**63 has no positive counterpart */
  if (HS_IS (o, &hs_int_type) && hs_int_is_small (o) && hs_int_small_value (o) >= -EXACT_DOUBLE_INT
      && hs_int_small_value (o) <= EXACT_DOUBLE_INT)
    {
      *out = (double)hs_int_small_value (o);
      return TRUE;
    }
  return FALSE;
}

/* int op int in 64 bits; NULL (no error) when the generic path must decide. */
static HsObject *
small_int_op (HsVM *vm, guint32 op, gint64 x, gint64 y)
{
  gint64 r;
  switch (op)
    {
      case HS_BIN_ADD:
        return __builtin_add_overflow (x, y, &r) ? NULL : hs_int_from_i64 (vm, r);
      case HS_BIN_SUB:
        return __builtin_sub_overflow (x, y, &r) ? NULL : hs_int_from_i64 (vm, r);
      case HS_BIN_MUL:
        return __builtin_mul_overflow (x, y, &r) ? NULL : hs_int_from_i64 (vm, r);
      case HS_BIN_FLOORDIV:
      case HS_BIN_MOD:
        if (y == 0 || (x == G_MININT64 && y == -1))
          return NULL;
        {
          gint64 q = x / y, m = x % y;
          if (m != 0 && (m < 0) != (y < 0))
            {
              q--;
              m += y;
            }
          return hs_int_from_i64 (vm, op == HS_BIN_MOD ? m : q);
        }
      case HS_BIN_TRUEDIV:
        /* CPython's long_true_divide divides in doubles when both fit 53 bits */
        if (y == 0 || ABS (x) > EXACT_DOUBLE_INT || ABS (y) > EXACT_DOUBLE_INT)
          return NULL;
        return hs_float_new (vm, (double)x / (double)y);
      default:
        return NULL;
    }
}

HsObject *
hs_vm_binary_op_fast (HsVM *vm, guint32 op, HsObject *a, HsObject *b)
{
  HsObject *r = NULL;
  double x, y;

  if (HS_IS (a, &hs_int_type) && HS_IS (b, &hs_int_type) && hs_int_is_small (a)
      && hs_int_is_small (b))
    r = small_int_op (vm, op, hs_int_small_value (a), hs_int_small_value (b));
  else if (op < HS_BIN_LSHIFT && (HS_IS (a, &hs_float_type) || HS_IS (b, &hs_float_type))
           && exact_double (a, &x) && exact_double (b, &y))
    return float_op_reusing (vm, op, a, b, x, y, NULL, NULL);
  else if (op == HS_BIN_ADD && HS_IS (a, &hs_str_type) && HS_IS (b, &hs_str_type))
    return hs_str_concat (vm, a, b);
  if (r != NULL || hs_err_occurred (vm))
    return r;
  return hs_number_binop (vm, op, a, b);
}

HsObject *
hs_vm_compare_fast (HsVM *vm, guint32 op, HsObject *a, HsObject *b)
{
  double x, y;

  if (HS_IS (a, &hs_int_type) && HS_IS (b, &hs_int_type) && hs_int_is_small (a)
      && hs_int_is_small (b))
    return hs_bool_from (COMPARE (op, hs_int_small_value (a), hs_int_small_value (b)));
  if ((HS_IS (a, &hs_float_type) || HS_IS (b, &hs_float_type)) && exact_double (a, &x)
      && exact_double (b, &y))
    return hs_bool_from (COMPARE (op, x, y));
  if (HS_IS (a, &hs_str_type) && HS_IS (b, &hs_str_type))
    return hs_bool_from (hs_str_compare_holds (a, b, op));
  return hs_object_richcompare (vm, a, b, op);
}
