/* hs-mod-statistics.c — the `statistics` module: mean, fmean, median and its variants,
 * mode, multimode, variance, pvariance, stdev, pstdev and StatisticsError.
 *
 * Invariant: as CPython's statistics.py, sums are exact (GMP rationals from each value's
 * integer ratio) and the result is converted once at the end, correctly rounded: an int
 * when every value was an int and the result is whole, a Fraction or a Decimal when the
 * values were, else a float; stdev and pstdev take the correctly rounded square root of the
 * exact fraction (_float_sqrt_of_frac; _decimal_sqrt_of_frac for Decimals).
 * So the floats printed are CPython's to the last digit.
 */
#include "config.h"

#include <gmp.h>
#include <math.h>

#include "hs-cfunction.h"
#include "hs-decimal.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsType statistics_error_type = {
  .name = "StatisticsError",
  .module = "statistics",
  .base = &hs_exc_ValueError,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

static void
stat_error (HsVM *vm, const char *msg)
{
  hs_err_set_string (vm, &statistics_error_type, msg);
}

/* The data as a list or tuple (new reference). */
static HsObject *
data_of (HsVM *vm, HsObject *data)
{
  return hs_sequence_fast (vm, data, NULL);
}

static gsize
seq_len (HsObject *s)
{
  return hs_list_check (s) ? hs_list_len (s) : hs_tuple_len (s);
}

static HsObject *
seq_get (HsObject *s, gsize i)
{
  return hs_list_check (s) ? hs_list_get_borrow (s, i) : hs_tuple_get_borrow (s, i);
}

static HsObject *
mpz_to_int (HsVM *vm, const mpz_t z)
{
  mpz_t copy; /* its limbs move into the int */
  mpz_init_set (copy, z);
  return hs_int_from_mpz_take (vm, copy);
}

/* An exact sum, with the type CPython converts it to and what is not finite. */
typedef struct
{
  mpq_t sum, sumsq;
  gsize count;
  gboolean is_float; /* T is float (some value was) */
  /* T is this type (a Fraction, or a class derived from one) when no value was a float and
   * some gave its ratio by as_integer_ratio(); NULL: int */
  const HsType *ratio_type;
  gboolean nonfinite;
  double special; /* the sum of the values that are nan or inf */
} Acc;

static void
acc_init (Acc *a)
{
  mpq_inits (a->sum, a->sumsq, NULL);
  a->count = 0;
  a->is_float = a->nonfinite = FALSE;
  a->ratio_type = NULL;
  a->special = 0.0;
}

static void
acc_clear (Acc *a)
{
  mpq_clears (a->sum, a->sumsq, NULL);
}

/* _coerce(T, S) for the accumulator's T and the type S of a value that is not an int:
 * FALSE with CPython's TypeError when neither type derives from the other and they are not
 * a Fraction and a float (a Decimal mixed with a Fraction or a float). */
static gboolean
acc_coerce (HsVM *vm, const Acc *a, const HsType *s)
{
  const HsType *t = a->is_float ? &hs_float_type : a->ratio_type;
  gboolean s_float = hs_type_is_subtype (s, &hs_float_type);
  if (t == NULL || hs_type_is_subtype (s, t) || hs_type_is_subtype (t, s)
      || (s_float && !hs_type_is_subtype (t, &hs_decimal_type))
      || (t == &hs_float_type && !hs_type_is_subtype (s, &hs_decimal_type)))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "don't know how to coerce %s and %s", t->name, s->name);
  return FALSE;
}

/* x.as_integer_ratio() (a Fraction's, a Decimal's) into q, canonical. */
static gboolean
integer_ratio (HsVM *vm, HsObject *x, mpq_t q)
{
  HsObject *ratio = hs_object_call_method (vm, x, "as_integer_ratio", NULL, 0, NULL);
  if (ratio == NULL)
    return FALSE;
  if (!hs_tuple_check (ratio) || hs_tuple_len (ratio) != 2
      || !hs_int_check (hs_tuple_get_borrow (ratio, 0))
      || !hs_int_check (hs_tuple_get_borrow (ratio, 1)))
    {
      hs_decref (vm, ratio);
      hs_err_format (vm, &hs_exc_TypeError, "can't convert type '%s' to numerator/denominator",
                     hs_type_name (x));
      return FALSE;
    }
  hs_int_get_mpz (hs_tuple_get_borrow (ratio, 0), mpq_numref (q));
  hs_int_get_mpz (hs_tuple_get_borrow (ratio, 1), mpq_denref (q));
  mpq_canonicalize (q);
  hs_decref (vm, ratio);
  return TRUE;
}

/* _exact_ratio(x) added to the sums; TypeError for what has no ratio. */
static gboolean
acc_add (HsVM *vm, Acc *a, HsObject *x)
{
  mpq_t q;
  mpq_init (q);
  if (HS_ISINSTANCE (x, &hs_float_type))
    {
      double d = hs_float_value (x);
      if (!acc_coerce (vm, a, x->type))
        goto fail;
      a->is_float = TRUE;
      a->count++;
      if (!isfinite (d))
        {
          a->nonfinite = TRUE;
          a->special += d;
          mpq_clear (q);
          return TRUE;
        }
      mpq_set_d (q, d);
    }
  else if (hs_int_check (x))
    {
      hs_int_get_mpz (x, mpq_numref (q));
      a->count++;
    }
  else if (hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("as_integer_ratio")) != NULL)
    {
      /* a Fraction or a Decimal: T coerced as _coerce does */
      if (!acc_coerce (vm, a, x->type) || !integer_ratio (vm, x, q))
        goto fail;
      if (a->ratio_type == NULL || hs_type_is_subtype (x->type, a->ratio_type))
        a->ratio_type = x->type;
      a->count++;
    }
  else
    {
      hs_err_format (vm, &hs_exc_TypeError, "can't convert type '%s' to numerator/denominator",
                     hs_type_name (x));
      goto fail;
    }
  mpq_add (a->sum, a->sum, q);
  mpq_mul (q, q, q);
  mpq_add (a->sumsq, a->sumsq, q);
  mpq_clear (q);
  return TRUE;
fail:
  mpq_clear (q);
  return FALSE;
}

static gboolean
acc_all (HsVM *vm, Acc *a, HsObject *seq)
{
  for (gsize i = 0; i < seq_len (seq); i++)
    if (!acc_add (vm, a, seq_get (seq, i)))
      return FALSE;
  return TRUE;
}

/* num / den correctly rounded (int true division) */
static HsObject *
ratio_to_float (HsVM *vm, const mpz_t num, const mpz_t den)
{
  HsObject *n = mpz_to_int (vm, num), *d = mpz_to_int (vm, den), *r = NULL;
  if (n != NULL && d != NULL)
    r = hs_number_binop (vm, HS_BIN_TRUEDIV, n, d);
  hs_xdecref (vm, n);
  hs_xdecref (vm, d);
  return r;
}

/* _convert(value, T) */
static HsObject *
convert (HsVM *vm, const Acc *a, mpq_t value)
{
  if (a->nonfinite)
    return hs_float_new (vm, a->special / (double)a->count);
  if (!a->is_float && a->ratio_type != NULL)
    {
      /* T(value) of the Fraction _sum made: the type called with its two parts, a Decimal
       * (which takes no Fraction) T(numerator) / T(denominator) */
      HsObject *parts[2] = { mpz_to_int (vm, mpq_numref (value)), NULL };
      HsObject *r = NULL, *type = (HsObject *)a->ratio_type;
      parts[1] = parts[0] != NULL ? mpz_to_int (vm, mpq_denref (value)) : NULL;
      if (parts[1] != NULL && !hs_type_is_subtype (a->ratio_type, &hs_decimal_type))
        r = hs_object_call (vm, type, parts, 2, NULL);
      else if (parts[1] != NULL)
        {
          HsObject *n = hs_object_call (vm, type, &parts[0], 1, NULL);
          HsObject *d = n != NULL ? hs_object_call (vm, type, &parts[1], 1, NULL) : NULL;
          r = d != NULL ? hs_number_binop (vm, HS_BIN_TRUEDIV, n, d) : NULL;
          hs_xdecref (vm, n);
          hs_xdecref (vm, d);
        }
      hs_xdecref (vm, parts[0]);
      hs_xdecref (vm, parts[1]);
      return r;
    }
  if (!a->is_float && mpz_cmp_ui (mpq_denref (value), 1) == 0)
    return mpz_to_int (vm, mpq_numref (value));
  return ratio_to_float (vm, mpq_numref (value), mpq_denref (value));
}

static HsObject *
st_mean (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *seq, *r = NULL;
  Acc a;
  if (!hs_parse_args (vm, "mean", args, nargs, kwnames, "@data", &data)
      || (seq = data_of (vm, data)) == NULL)
    return NULL;
  acc_init (&a);
  if (acc_all (vm, &a, seq))
    {
      if (a.count < 1)
        stat_error (vm, "mean requires at least one data point");
      else
        {
          mpq_t m;
          mpq_init (m);
          mpq_set_ui (m, (unsigned long)a.count, 1);
          mpq_div (m, a.sum, m);
          r = convert (vm, &a, m);
          mpq_clear (m);
        }
    }
  acc_clear (&a);
  hs_decref (vm, seq);
  return r;
}

/* math.fsum(values) / n */
static HsObject *
st_fmean (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *weights = hs_None, *seq, *math, *fsum = NULL, *list = NULL, *total = NULL;
  HsObject *r = NULL, *den = NULL;
  gsize n;

  if (!hs_parse_args (vm, "fmean", args, nargs, kwnames, "@data|weights", &data, &weights)
      || (seq = data_of (vm, data)) == NULL)
    return NULL;
  n = seq_len (seq);
  if ((math = hs_import_module (vm, "math")) != NULL)
    {
      fsum = hs_object_getattr_cstr (vm, math, "fsum");
      hs_decref (vm, math);
    }
  if (fsum == NULL)
    goto out;
  if (weights == hs_None)
    {
      if ((total = hs_object_call (vm, fsum, &seq, 1, NULL)) == NULL)
        goto out;
      if (n == 0)
        stat_error (vm, "fmean requires at least one data point");
      else
        {
          HsObject *count = hs_int_from_u64 (vm, n);
          r = hs_number_binop (vm, HS_BIN_TRUEDIV, total, count);
          hs_decref (vm, count);
        }
      goto out;
    }
  {
    HsObject *w = data_of (vm, weights);
    if (w == NULL)
      goto out;
    list = hs_list_new (vm, n);
    for (gsize i = 0; list != NULL && i < n && i < seq_len (w); i++)
      if (hs_list_append_take (vm, list,
                               hs_number_binop (vm, HS_BIN_MUL, seq_get (seq, i), seq_get (w, i)))
          < 0)
        HS_CLEAR (vm, list);
    if (list != NULL && (total = hs_object_call (vm, fsum, &list, 1, NULL)) != NULL)
      {
        if (n != seq_len (w))
          stat_error (vm, "data and weights must be the same length");
        else if ((den = hs_object_call (vm, fsum, &w, 1, NULL)) != NULL)
          {
            int zero = hs_object_truth (vm, den);
            if (zero == 0)
              stat_error (vm, "sum of weights must be non-zero");
            else if (zero > 0)
              r = hs_number_binop (vm, HS_BIN_TRUEDIV, total, den);
          }
      }
    hs_decref (vm, w);
  }
out:
  hs_xdecref (vm, den);
  hs_xdecref (vm, list);
  hs_xdecref (vm, total);
  hs_xdecref (vm, fsum);
  hs_decref (vm, seq);
  return r;
}

/* ---- variance and deviation ----------------------------------------------------------- */

/* _ss(data, c): the exact sum of squared deviations into ss, with the accumulator's type
 * and count; around the given mean c, each deviation computed as Python computes x - c. */
static gboolean
sum_squares (HsVM *vm, HsObject *seq, HsObject *c, Acc *a, mpq_t ss)
{
  if (c == NULL || c == hs_None)
    {
      mpq_t t;
      if (!acc_all (vm, a, seq))
        return FALSE;
      if (a->count == 0 || a->nonfinite)
        {
          mpq_set_ui (ss, 0, 1);
          return TRUE;
        }
      /* (count * sxx - sx * sx) / count */
      mpq_init (t);
      mpq_set_ui (t, (unsigned long)a->count, 1);
      mpq_mul (ss, a->sumsq, t);
      mpq_mul (t, a->sum, a->sum);
      mpq_sub (ss, ss, t);
      mpq_set_ui (t, (unsigned long)a->count, 1);
      mpq_div (ss, ss, t);
      mpq_clear (t);
      return TRUE;
    }
  for (gsize i = 0; i < seq_len (seq); i++)
    {
      HsObject *d = hs_number_binop (vm, HS_BIN_SUB, seq_get (seq, i), c), *sq;
      gboolean ok;
      if (d == NULL)
        return FALSE;
      sq = hs_number_binop (vm, HS_BIN_MUL, d, d);
      hs_decref (vm, d);
      if (sq == NULL)
        return FALSE;
      ok = acc_add (vm, a, sq);
      hs_decref (vm, sq);
      if (!ok)
        return FALSE;
    }
  if (HS_ISINSTANCE (c, &hs_float_type))
    a->is_float = TRUE;
  mpq_set (ss, a->sum);
  return TRUE;
}

/* _float_sqrt_of_frac(n, m): sqrt(n/m) correctly rounded */
static HsObject *
sqrt_of_frac (HsVM *vm, const mpz_t n, const mpz_t m)
{
  mpz_t num, den, t;
  glong q;
  HsObject *r;

  mpz_inits (num, den, t, NULL);
  q = ((glong)mpz_sizeinbase (n, 2) - (mpz_sgn (n) == 0) - (glong)mpz_sizeinbase (m, 2)
       - (2 * 53 + 3));
  q = q >= 0 ? q / 2 : -((-q + 1) / 2); /* floor division */
  /* _integer_sqrt_of_frac_rto(a, b) = isqrt(a // b) | (isqrt(..)^2 * b != a) */
  if (q >= 0)
    {
      mpz_mul_2exp (den, m, 2 * (gulong)q);
      mpz_set (num, n);
    }
  else
    {
      mpz_mul_2exp (num, n, 2 * (gulong)-q);
      mpz_set (den, m);
    }
  mpz_fdiv_q (t, num, den);
  mpz_sqrt (t, t);
  {
    mpz_t check;
    mpz_init (check);
    mpz_mul (check, t, t);
    mpz_mul (check, check, den);
    if (mpz_cmp (check, num) != 0)
      mpz_setbit (t, 0);
    mpz_clear (check);
  }
  if (q >= 0)
    {
      mpz_mul_2exp (num, t, (gulong)q);
      mpz_set_ui (den, 1);
    }
  else
    {
      mpz_set (num, t);
      mpz_set_ui (den, 0);
      mpz_setbit (den, (gulong)-q);
    }
  r = ratio_to_float (vm, num, den);
  mpz_clears (num, den, t, NULL);
  return r;
}

/* Whether n/m lies beyond ((root + x) / 2)**2 on x's side (`sign` 1: x is root's next
 * Decimal up, -1: down), as _decimal_sqrt_of_frac tests its neighbours; -1 on error. */
static int
past_midpoint (HsVM *vm, const mpq_t nm, const mpq_t root, HsObject *x, int sign)
{
  mpq_t mid;
  int r = -1;
  mpq_init (mid);
  if (integer_ratio (vm, x, mid))
    {
      mpq_add (mid, mid, root);
      mpq_div_2exp (mid, mid, 1);
      mpq_mul (mid, mid, mid);
      r = sign * mpq_cmp (nm, mid) > 0;
    }
  mpq_clear (mid);
  return r;
}

/* _decimal_sqrt_of_frac(n, m): sqrt(n/m) as a Decimal, correctly rounded: the context's
 * (n / m).sqrt() can be one unit off, so its neighbours are tried. */
static HsObject *
decimal_sqrt_of_frac (HsVM *vm, const mpq_t nm)
{
  HsObject *dec = (HsObject *)&hs_decimal_type, *parts[2], *q = NULL, *root = NULL;
  mpq_t rq;
  if (mpq_sgn (nm) == 0)
    {
      HsObject *zero = hs_str_from_cstr (vm, "0.0"), *r;
      r = zero != NULL ? hs_object_call (vm, dec, &zero, 1, NULL) : NULL;
      hs_xdecref (vm, zero);
      return r;
    }
  parts[0] = mpz_to_int (vm, mpq_numref (nm));
  parts[1] = parts[0] != NULL ? mpz_to_int (vm, mpq_denref (nm)) : NULL;
  for (int i = 0; i < 2 && parts[1] != NULL; i++)
    {
      HsObject *d = hs_object_call (vm, dec, &parts[i], 1, NULL);
      hs_decref (vm, parts[i]);
      parts[i] = d;
    }
  if (parts[0] != NULL && parts[1] != NULL)
    q = hs_number_binop (vm, HS_BIN_TRUEDIV, parts[0], parts[1]);
  if (q != NULL)
    root = hs_object_call_method (vm, q, "sqrt", NULL, 0, NULL);
  hs_xdecref (vm, parts[0]);
  hs_xdecref (vm, parts[1]);
  hs_xdecref (vm, q);
  mpq_init (rq);
  if (root != NULL && integer_ratio (vm, root, rq))
    {
      HsObject *closer = NULL;
      int past = 0;
      for (int sign = 1; sign >= -1 && past == 0; sign -= 2)
        {
          HsObject *x = hs_object_call_method (vm, root, sign > 0 ? "next_plus" : "next_minus",
                                               NULL, 0, NULL);
          past = x != NULL ? past_midpoint (vm, nm, rq, x, sign) : -1;
          if (past > 0)
            closer = hs_incref (x);
          hs_xdecref (vm, x);
        }
      if (past < 0)
        HS_CLEAR (vm, root);
      else if (closer != NULL)
        {
          hs_decref (vm, root);
          root = closer;
        }
    }
  else if (root != NULL)
    HS_CLEAR (vm, root);
  mpq_clear (rq);
  return root;
}

/* variance, pvariance, stdev, pstdev: ss / (n - ddof), its square root when `root`; spec
 * names the center parameter (xbar or mu) */
static HsObject *
spread (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
        const char *spec, int ddof, gboolean root)
{
  HsObject *data = NULL, *c = hs_None, *seq, *r = NULL;
  Acc a;
  mpq_t ss;

  if (!hs_parse_args (vm, name, args, nargs, kwnames, spec, &data, &c)
      || (seq = data_of (vm, data)) == NULL)
    return NULL;
  acc_init (&a);
  mpq_init (ss);
  if (sum_squares (vm, seq, c, &a, ss))
    {
      if (a.count < (gsize)ddof + 1)
        {
          g_autofree char *msg = g_strdup_printf ("%s requires at least %s data point%s", name,
                                                  ddof ? "two" : "one", ddof ? "s" : "");
          stat_error (vm, msg);
        }
      else
        {
          mpq_t div;
          mpq_init (div);
          mpq_set_ui (div, (unsigned long)(a.count - (gsize)ddof), 1);
          mpq_div (ss, ss, div);
          mpq_clear (div);
          if (a.nonfinite)
            r = hs_float_new (vm, NAN);
          else if (root && !a.is_float && a.ratio_type != NULL
                   && hs_type_is_subtype (a.ratio_type, &hs_decimal_type))
            r = decimal_sqrt_of_frac (vm, ss);
          else if (root)
            r = sqrt_of_frac (vm, mpq_numref (ss), mpq_denref (ss));
          else
            r = convert (vm, &a, ss);
        }
    }
  mpq_clear (ss);
  acc_clear (&a);
  hs_decref (vm, seq);
  return r;
}

static HsObject *
st_variance (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return spread (vm, args, nargs, kwnames, "variance", "@data|xbar", 1, FALSE);
}

static HsObject *
st_pvariance (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return spread (vm, args, nargs, kwnames, "pvariance", "@data|mu", 0, FALSE);
}

static HsObject *
st_stdev (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return spread (vm, args, nargs, kwnames, "stdev", "@data|xbar", 1, TRUE);
}

static HsObject *
st_pstdev (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return spread (vm, args, nargs, kwnames, "pstdev", "@data|mu", 0, TRUE);
}

/* ---- medians -------------------------------------------------------------------------- */

/* sorted(data), NULL with "no median for empty data" when empty */
static HsObject *
sorted_data (HsVM *vm, HsObject *data)
{
  HsObject *list = hs_list_from_iterable (vm, data);
  if (list == NULL || hs_list_sort (vm, list, NULL, FALSE) < 0)
    {
      hs_xdecref (vm, list);
      return NULL;
    }
  if (hs_list_len (list) == 0)
    {
      stat_error (vm, "no median for empty data");
      HS_CLEAR (vm, list);
    }
  return list;
}

typedef enum
{
  MEDIAN,
  MEDIAN_LOW,
  MEDIAN_HIGH,
} MedianKind;

static HsObject *
median (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
        MedianKind kind)
{
  HsObject *data = NULL, *list, *r;
  gsize n;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "@data", &data)
      || (list = sorted_data (vm, data)) == NULL)
    return NULL;
  n = hs_list_len (list);
  if (n % 2 == 1 || kind == MEDIAN_HIGH)
    r = hs_incref (hs_list_get_borrow (list, n / 2));
  else if (kind == MEDIAN_LOW)
    r = hs_incref (hs_list_get_borrow (list, n / 2 - 1));
  else
    {
      HsObject *sum = hs_number_binop (vm, HS_BIN_ADD, hs_list_get_borrow (list, n / 2 - 1),
                                       hs_list_get_borrow (list, n / 2));
      HsObject *two = hs_int_from_i64 (vm, 2);
      r = sum != NULL ? hs_number_binop (vm, HS_BIN_TRUEDIV, sum, two) : NULL;
      hs_xdecref (vm, sum);
      hs_decref (vm, two);
    }
  hs_decref (vm, list);
  return r;
}

static HsObject *
st_median (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return median (vm, args, nargs, kwnames, "median", MEDIAN);
}

static HsObject *
st_median_low (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return median (vm, args, nargs, kwnames, "median_low", MEDIAN_LOW);
}

static HsObject *
st_median_high (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return median (vm, args, nargs, kwnames, "median_high", MEDIAN_HIGH);
}

/* float(x) as Python's float() would give it */
static gboolean
as_float (HsVM *vm, HsObject *x, double *out)
{
  HsObject *f = hs_object_call (vm, (HsObject *)&hs_float_type, &x, 1, NULL);
  if (f == NULL)
    {
      if (hs_err_matches (vm, &hs_exc_ValueError))
        {
          hs_err_clear (vm);
          hs_err_set_string (vm, &hs_exc_TypeError, "Value cannot be converted to a float");
        }
      return FALSE;
    }
  *out = hs_float_value (f);
  hs_decref (vm, f);
  return TRUE;
}

static HsObject *
st_median_grouped (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *interval_obj = NULL, *list, *x;
  double interval = 1.0, xf, L;
  gsize n, i, j;
  HsObject *r = NULL;

  if (!hs_parse_args (vm, "median_grouped", args, nargs, kwnames, "@data|interval", &data,
                      &interval_obj)
      || (list = sorted_data (vm, data)) == NULL)
    return NULL;
  n = hs_list_len (list);
  x = hs_list_get_borrow (list, n / 2);
  /* bisect_left and bisect_right of x: where its run of equal values lies */
  for (i = 0; i < n; i++)
    {
      int lt = hs_object_richcompare_bool (vm, hs_list_get_borrow (list, i), x, HS_CMP_LT);
      if (lt < 0)
        goto out;
      if (!lt)
        break;
    }
  for (j = i; j < n; j++)
    {
      int lt = hs_object_richcompare_bool (vm, x, hs_list_get_borrow (list, j), HS_CMP_LT);
      if (lt < 0)
        goto out;
      if (lt)
        break;
    }
  if ((interval_obj != NULL && !as_float (vm, interval_obj, &interval)) || !as_float (vm, x, &xf))
    goto out;
  L = xf - interval / 2.0;
  r = hs_float_new (vm, L + interval * ((double)n / 2 - (double)i) / (double)(j - i));
out:
  hs_decref (vm, list);
  return r;
}

/* ---- mode ----------------------------------------------------------------------------- */

/* Counter(data): a dict value -> count in first-seen order, and the largest count */
static HsObject *
count_values (HsVM *vm, HsObject *data, gint64 *max)
{
  HsObject *counts = hs_dict_new (vm), *it, *x;
  *max = 0;
  if (counts == NULL || (it = hs_object_iter (vm, data)) == NULL)
    {
      hs_xdecref (vm, counts);
      return NULL;
    }
  while ((x = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *c = hs_dict_get_item_borrow (vm, counts, x), *n;
      gint64 v = 1;
      if (c != NULL)
        hs_int_as_i64 (c, &v), v++;
      n = hs_err_occurred (vm) ? NULL : hs_int_from_i64 (vm, v);
      if (n == NULL || hs_dict_set_item (vm, counts, x, n) < 0)
        {
          hs_xdecref (vm, n);
          hs_decref (vm, x);
          break;
        }
      *max = MAX (*max, v);
      hs_decref (vm, n);
      hs_decref (vm, x);
    }
  hs_decref (vm, it);
  if (hs_err_occurred (vm))
    HS_CLEAR (vm, counts);
  return counts;
}

static HsObject *
modes (HsVM *vm, HsObject *data, gboolean all)
{
  gint64 max;
  HsObject *counts = count_values (vm, data, &max), *list, *k, *v;
  gsize pos = 0;
  if (counts == NULL || (list = hs_list_new (vm, 0)) == NULL)
    {
      hs_xdecref (vm, counts);
      return NULL;
    }
  while (hs_dict_next (counts, &pos, &k, &v))
    {
      gint64 c = 0;
      hs_int_as_i64 (v, &c);
      if (c == max && hs_list_append (vm, list, k) < 0)
        HS_CLEAR (vm, list);
      if (c == max && !all)
        break;
    }
  hs_decref (vm, counts);
  return list;
}

static HsObject *
st_mode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *list, *r = NULL;
  if (!hs_parse_args (vm, "mode", args, nargs, kwnames, "@data", &data)
      || (list = modes (vm, data, FALSE)) == NULL)
    return NULL;
  if (hs_list_len (list) == 0)
    stat_error (vm, "no mode for empty data");
  else
    r = hs_incref (hs_list_get_borrow (list, 0));
  hs_decref (vm, list);
  return r;
}

static HsObject *
st_multimode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL;
  if (!hs_parse_args (vm, "multimode", args, nargs, kwnames, "@data", &data))
    return NULL;
  return modes (vm, data, TRUE);
}

/* ---- the functions CPython computes with Python's own arithmetic ------------------------ */

/* A computation made of Python operations: every result is kept (and released by
 * calc_end), and an operation on a failed one (NULL) fails too, so a formula reads as
 * CPython's source does. */
typedef struct
{
  HsVM *vm;
  GPtrArray *held;
} Calc;

static Calc
calc_begin (HsVM *vm)
{
  return (Calc){ vm, g_ptr_array_new () };
}

/* Returns r, a new reference, with a reference of its own (NULL: r or NULL). */
static HsObject *
calc_end (Calc *c, HsObject *r)
{
  if (r != NULL)
    hs_incref (r);
  for (guint i = 0; i < c->held->len; i++)
    hs_decref (c->vm, c->held->pdata[i]);
  g_ptr_array_free (c->held, TRUE);
  return r;
}

static HsObject *
keep (Calc *c, HsObject *o)
{
  if (o != NULL)
    g_ptr_array_add (c->held, o);
  return o;
}

static HsObject *
op (Calc *c, HsBinOp which, HsObject *a, HsObject *b)
{
  return a != NULL && b != NULL ? keep (c, hs_number_binop (c->vm, which, a, b)) : NULL;
}

static HsObject *
num (Calc *c, gint64 v)
{
  return keep (c, hs_int_from_i64 (c->vm, v));
}

/* math.<name>(arg) */
static HsObject *
math_call (Calc *c, const char *name, HsObject *arg)
{
  HsObject *math, *fn = NULL, *r = NULL;
  if (arg == NULL || (math = hs_import_module (c->vm, "math")) == NULL)
    return NULL;
  fn = hs_object_getattr_cstr (c->vm, math, name);
  hs_decref (c->vm, math);
  if (fn != NULL)
    r = hs_object_call (c->vm, fn, &arg, 1, NULL);
  hs_xdecref (c->vm, fn);
  return keep (c, r);
}

/* A new list of the values f(a[i], b[i]) (b NULL: f(a[i], a[i])), for fsum. */
static HsObject *
pairwise (Calc *c, HsObject *a, HsObject *b, HsObject *(*f) (Calc *, HsObject *, HsObject *))
{
  HsObject *list = keep (c, hs_list_new (c->vm, 0));
  for (gsize i = 0; list != NULL && i < seq_len (a); i++)
    {
      HsObject *v = f (c, seq_get (a, i), seq_get (b != NULL ? b : a, i));
      if (v == NULL || hs_list_append (c->vm, list, v) < 0)
        return NULL;
    }
  return list;
}

static HsObject *
times (Calc *c, HsObject *x, HsObject *y)
{
  return op (c, HS_BIN_MUL, x, y);
}

/* the two data of a bivariate function as lists or tuples, after CPython's checks of their
 * lengths ("correlation requires at least two data points"); FALSE with the error */
static gboolean
two_samples (Calc *c, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
             const char *what, HsObject **x, HsObject **y, HsObject **proportional)
{
  HsObject *xs = NULL, *ys = NULL;
  gssize n, m;
  gboolean ok = proportional != NULL
                    ? hs_parse_args (c->vm, fname, args, nargs, kwnames, "@x y / | $ proportional",
                                     &xs, &ys, proportional)
                    : hs_parse_args (c->vm, fname, args, nargs, kwnames, "@x y /", &xs, &ys);
  if (!ok || (n = hs_object_len (c->vm, xs)) < 0 || (m = hs_object_len (c->vm, ys)) < 0)
    return FALSE;
  if (m != n || n < 2)
    {
      g_autofree char *msg
          = m != n ? g_strdup_printf (
                "%s requires that both inputs have same number of data points", what)
                   : g_strdup_printf ("%s requires at least two data points", what);
      stat_error (c->vm, msg);
      return FALSE;
    }
  *x = keep (c, data_of (c->vm, xs));
  *y = *x != NULL ? keep (c, data_of (c->vm, ys)) : NULL;
  return *y != NULL;
}

static HsObject *
deviation (Calc *c, HsObject *v, HsObject *bar)
{
  return op (c, HS_BIN_SUB, v, bar);
}

/* fsum((a[i] - abar) * (b[i] - bbar)) */
static HsObject *
sum_products (Calc *c, HsObject *a, HsObject *abar, HsObject *b, HsObject *bbar)
{
  HsObject *list = keep (c, hs_list_new (c->vm, 0));
  for (gsize i = 0; list != NULL && abar != NULL && bbar != NULL && i < seq_len (a); i++)
    {
      HsObject *da = deviation (c, seq_get (a, i), abar);
      HsObject *db = a == b ? da : deviation (c, seq_get (b, i), bbar);
      HsObject *p = op (c, HS_BIN_MUL, da, db);
      if (p == NULL || hs_list_append (c->vm, list, p) < 0)
        return NULL;
    }
  return abar != NULL && bbar != NULL ? math_call (c, "fsum", list) : NULL;
}

static HsObject *
mean_of (Calc *c, HsObject *data)
{
  return op (c, HS_BIN_TRUEDIV, math_call (c, "fsum", data), num (c, (gint64)seq_len (data)));
}

static HsObject *
st_covariance (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Calc c = calc_begin (vm);
  HsObject *x, *y, *r = NULL;
  if (two_samples (&c, args, nargs, kwnames, "covariance", "covariance", &x, &y, NULL))
    {
      HsObject *sxy = sum_products (&c, x, mean_of (&c, x), y, mean_of (&c, y));
      r = op (&c, HS_BIN_TRUEDIV, sxy, num (&c, (gint64)seq_len (x) - 1));
    }
  return calc_end (&c, r);
}

/* a / b, the ZeroDivisionError turned into StatisticsError `msg` */
static HsObject *
divide_or (Calc *c, HsObject *a, HsObject *b, const char *msg)
{
  HsObject *r = op (c, HS_BIN_TRUEDIV, a, b);
  if (r == NULL && hs_err_matches (c->vm, &hs_exc_ZeroDivisionError))
    stat_error (c->vm, msg);
  return r;
}

static HsObject *
st_correlation (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Calc c = calc_begin (vm);
  HsObject *x, *y, *r = NULL;
  if (two_samples (&c, args, nargs, kwnames, "correlation", "correlation", &x, &y, NULL))
    {
      HsObject *xbar = mean_of (&c, x), *ybar = mean_of (&c, y);
      HsObject *sxy = sum_products (&c, x, xbar, y, ybar);
      HsObject *sxx = sxy != NULL ? sum_products (&c, x, xbar, x, xbar) : NULL;
      HsObject *syy = sxx != NULL ? sum_products (&c, y, ybar, y, ybar) : NULL;
      r = divide_or (&c, sxy, math_call (&c, "sqrt", op (&c, HS_BIN_MUL, sxx, syy)),
                     "at least one of the inputs is constant");
    }
  return calc_end (&c, r);
}

static HsObject *
st_linear_regression (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Calc c = calc_begin (vm);
  HsObject *x, *y, *proportional = hs_False, *r = NULL;
  if (two_samples (&c, args, nargs, kwnames, "linear_regression", "linear regression", &x, &y,
                   &proportional))
    {
      int prop = hs_object_truth (vm, proportional);
      HsObject *xbar = NULL, *ybar = NULL, *sxy, *sxx, *slope, *intercept;
      if (prop > 0)
        {
          sxy = math_call (&c, "fsum", pairwise (&c, x, y, times));
          sxx = sxy != NULL ? math_call (&c, "fsum", pairwise (&c, x, NULL, times)) : NULL;
        }
      else
        {
          xbar = prop == 0 ? mean_of (&c, x) : NULL;
          ybar = mean_of (&c, y);
          sxy = sum_products (&c, x, xbar, y, ybar);
          sxx = sxy != NULL ? sum_products (&c, x, xbar, x, xbar) : NULL;
        }
      slope = divide_or (&c, sxy, sxx, "x is constant");
      intercept = prop > 0 ? keep (&c, hs_float_new (vm, 0.0))
                           : op (&c, HS_BIN_SUB, ybar, op (&c, HS_BIN_MUL, slope, xbar));
      HsObject *fields[] = { slope, intercept };
      HsObject *module = keep (&c, hs_import_module (vm, "statistics"));
      HsObject *type = module != NULL ? hs_dict_get_item_cstr_borrow (vm, hs_module_dict (module),
                                                                      "LinearRegression")
                                      : NULL;
      if (slope != NULL && intercept != NULL && type != NULL)
        r = keep (&c, hs_object_call (vm, type, fields, 2, NULL));
    }
  return calc_end (&c, r);
}

/* exp(fmean(map(log, data))) */
static HsObject *
st_geometric_mean (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Calc c = calc_begin (vm);
  HsObject *data = NULL, *logs, *r = NULL;
  if (!hs_parse_args (vm, "geometric_mean", args, nargs, kwnames, "@data", &data))
    return calc_end (&c, NULL);
  if ((logs = keep (&c, hs_list_new (vm, 0))) != NULL && hs_list_extend (vm, logs, data) == 0)
    {
      for (gsize i = 0; logs != NULL && i < hs_list_len (logs); i++)
        {
          HsObject *l = math_call (&c, "log", hs_list_get_borrow (logs, i));
          if (l == NULL)
            logs = NULL;
          else
            hs_list_set_item (vm, logs, i, l);
        }
      if (logs != NULL && hs_list_len (logs) == 0)
        hs_err_set_string (vm, &hs_exc_ValueError, "fmean requires at least one data point");
      else if (logs != NULL)
        r = math_call (&c, "exp", mean_of (&c, logs));
    }
  if (r == NULL && hs_err_matches (vm, &hs_exc_ValueError))
    stat_error (vm, "geometric mean requires a non-empty dataset containing positive numbers");
  return calc_end (&c, r);
}

/* A list of data that is its own iterator (CPython: `if iter(data) is data: data =
 * list(data)`), else data itself; a new reference kept by c. */
static HsObject *
listed (Calc *c, HsObject *data)
{
  HsObject *it = hs_object_iter (c->vm, data);
  gboolean own = it == data;
  hs_xdecref (c->vm, it);
  if (it == NULL)
    return NULL;
  return keep (c, own ? hs_list_from_iterable (c->vm, data) : hs_incref (data));
}

/* _fail_neg: FALSE with StatisticsError for x < 0 (or the comparison's error) */
static gboolean
not_negative (Calc *c, HsObject *x)
{
  HsObject *zero = num (c, 0);
  int neg = zero != NULL ? hs_object_richcompare_bool (c->vm, x, zero, HS_CMP_LT) : -1;
  if (neg > 0)
    stat_error (c->vm, "harmonic mean does not support negative values");
  return neg == 0;
}

/* harmonic_mean(data, weights=None): sum(weights) / the exact sum of w / x */
static HsObject *
st_harmonic_mean (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Calc c = calc_begin (vm);
  HsObject *data = NULL, *weights = hs_None, *r = NULL, *sum_weights;
  gssize n;
  if (!hs_parse_args (vm, "harmonic_mean", args, nargs, kwnames, "@data|weights", &data, &weights))
    return calc_end (&c, NULL);
  if ((data = listed (&c, data)) == NULL || (n = hs_object_len (vm, data)) < 0)
    return calc_end (&c, NULL);
  data = keep (&c, data_of (vm, data));
  if (data != NULL && n < 1)
    stat_error (vm, "harmonic_mean requires at least one data point");
  else if (data != NULL && n == 1 && weights == hs_None)
    {
      HsObject *x = seq_get (data, 0);
      if (!hs_int_check (x) && !HS_ISINSTANCE (x, &hs_float_type))
        hs_err_set_string (vm, &hs_exc_TypeError, "unsupported type");
      else if (not_negative (&c, x))
        r = x;
    }
  else if (data != NULL)
    {
      Acc weighted, total;
      acc_init (&weighted);
      acc_init (&total);
      gboolean ok = TRUE;
      if (weights == hs_None)
        sum_weights = num (&c, n);
      else
        {
          gssize nw;
          ok = (weights = listed (&c, weights)) != NULL && (nw = hs_object_len (vm, weights)) >= 0
               && (weights = keep (&c, data_of (vm, weights))) != NULL;
          if (ok && nw != n)
            {
              stat_error (vm, "Number of weights does not match data size");
              ok = FALSE;
            }
          for (gsize i = 0; ok && i < (gsize)n; i++)
            ok = not_negative (&c, seq_get (weights, i))
                 && acc_add (vm, &weighted, seq_get (weights, i));
          sum_weights = NULL; /* exact, in `weighted` */
        }
      gboolean zero_division = FALSE;
      for (gsize i = 0; ok && !zero_division && i < (gsize)n; i++)
        {
          HsObject *w = weights == hs_None ? num (&c, 1) : seq_get (weights, i);
          HsObject *x = seq_get (data, i);
          int wt = w != NULL ? hs_object_truth (vm, w) : -1;
          HsObject *q = wt > 0 && not_negative (&c, x)    ? op (&c, HS_BIN_TRUEDIV, w, x)
                        : wt == 0 && not_negative (&c, x) ? num (&c, 0)
                                                          : NULL;
          if (q == NULL && hs_err_matches (vm, &hs_exc_ZeroDivisionError))
            {
              hs_err_clear (vm);
              zero_division = TRUE;
            }
          else
            ok = q != NULL && acc_add (vm, &total, q);
        }
      if (zero_division)
        r = num (&c, 0);
      else if (ok && !total.nonfinite && mpq_sgn (total.sum) <= 0)
        stat_error (vm, "Weighted sum must be positive");
      else if (ok && total.nonfinite)
        r = keep (&c, hs_float_new (vm, (weights == hs_None ? (double)n : mpq_get_d (weighted.sum))
                                            / total.special));
      else if (ok)
        {
          mpq_t v;
          mpq_init (v);
          if (sum_weights != NULL)
            mpq_set_ui (v, (unsigned long)n, 1);
          else
            mpq_set (v, weighted.sum);
          mpq_div (v, v, total.sum);
          r = keep (&c, convert (vm, &total, v));
          mpq_clear (v);
        }
      acc_clear (&weighted);
      acc_clear (&total);
    }
  return calc_end (&c, r);
}

/* quantiles(data, *, n=4, method='exclusive'): cut points by CPython's interpolation */
static HsObject *
st_quantiles (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Calc c = calc_begin (vm);
  HsObject *data = NULL, *n_arg = NULL, *method = NULL, *result = NULL;
  gint64 n = 4;
  if (!hs_parse_args (vm, "quantiles", args, nargs, kwnames, "@data | $ n method", &data, &n_arg,
                      &method)
      || (n_arg != NULL
          && !hs_int_index_i64 (vm, n_arg, &n, "Python int too large to convert to C ssize_t")))
    return calc_end (&c, NULL);
  if (n < 1)
    {
      stat_error (vm, "n must be at least 1");
      return calc_end (&c, NULL);
    }
  HsObject *sorted = keep (&c, hs_list_from_iterable (vm, data));
  if (sorted == NULL || hs_list_sort (vm, sorted, NULL, FALSE) < 0)
    return calc_end (&c, NULL);
  gint64 ld = (gint64)hs_list_len (sorted);
  gboolean inclusive
      = method != NULL && hs_str_check (method) && hs_str_equal_cstr (method, "inclusive");
  if (ld < 2)
    stat_error (vm, "must have at least two data points");
  else if (!inclusive && method != NULL
           && !(hs_str_check (method) && hs_str_equal_cstr (method, "exclusive")))
    {
      HsObject *rep = keep (&c, hs_object_repr (vm, method));
      if (rep != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "Unknown method: %s", hs_str_utf8 (rep));
    }
  else if ((result = keep (&c, hs_list_new (vm, 0))) != NULL)
    for (gint64 i = 1; i < n; i++)
      {
        gint64 m = inclusive ? ld - 1 : ld + 1, j = i * m / n, delta;
        if (!inclusive)
          j = CLAMP (j, 1, ld - 1) - 1; /* the lower of the two points */
        delta = i * m - (inclusive ? j : j + 1) * n;
        HsObject *lo = hs_list_get_borrow (sorted, (gsize)j);
        HsObject *hi = hs_list_get_borrow (sorted, (gsize)j + 1);
        HsObject *v = op (&c, HS_BIN_TRUEDIV,
                          op (&c, HS_BIN_ADD, op (&c, HS_BIN_MUL, lo, num (&c, n - delta)),
                              op (&c, HS_BIN_MUL, hi, num (&c, delta))),
                          num (&c, n));
        if (v == NULL || hs_list_append (vm, result, v) < 0)
          {
            result = NULL;
            break;
          }
      }
  return calc_end (&c, hs_err_occurred (vm) ? NULL : result);
}

static const HsMethodDef statistics_functions[] = {
  { "mean", st_mean },
  { "fmean", st_fmean },
  { "median", st_median },
  { "median_low", st_median_low },
  { "median_high", st_median_high },
  { "median_grouped", st_median_grouped },
  { "mode", st_mode },
  { "multimode", st_multimode },
  { "variance", st_variance },
  { "pvariance", st_pvariance },
  { "stdev", st_stdev },
  { "pstdev", st_pstdev },
  { "geometric_mean", st_geometric_mean },
  { "harmonic_mean", st_harmonic_mean },
  { "quantiles", st_quantiles },
  { "covariance", st_covariance },
  { "correlation", st_correlation },
  { "linear_regression", st_linear_regression },
  { NULL, NULL },
};

void
hs_mod_statistics_runtime_init (void)
{
  hs_type_ready (&statistics_error_type);
}

int
hs_mod_statistics_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_take (vm, dict, "StatisticsError",
                          hs_incref ((HsObject *)&statistics_error_type))
      < 0)
    return -1;
  /* LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept')) */
  HsObject *fields
      = hs_tuple_pack (vm, 2, hs_str_intern_cstr ("slope"), hs_str_intern_cstr ("intercept"));
  HsObject *nt_args[]
      = { hs_str_intern_cstr ("LinearRegression"), fields, hs_str_intern_cstr ("statistics") };
  HsObject *kw = hs_tuple_pack (vm, 1, hs_str_intern_cstr ("module"));
  HsObject *lr = fields != NULL && kw != NULL ? hs_namedtuple_new (vm, nt_args, 2, kw) : NULL;
  hs_xdecref (vm, fields);
  hs_xdecref (vm, kw);
  if (hs_module_add_take (vm, dict, "LinearRegression", lr) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, statistics_functions);
}
