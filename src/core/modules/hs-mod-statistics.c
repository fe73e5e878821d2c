/* hs-mod-statistics.c — the `statistics` module: mean, fmean, median and its variants,
 * mode, multimode, variance, pvariance, stdev, pstdev and StatisticsError.
 *
 * Invariant: as CPython's statistics.py, sums are exact (GMP rationals from each value's
 * integer ratio) and the result is converted once at the end, correctly rounded: an int
 * when every value was an int and the result is whole, else a float; stdev and pstdev
 * take the correctly rounded square root of the exact fraction (_float_sqrt_of_frac).
 * So the floats printed are CPython's to the last digit.
 */
#include "config.h"

#include <gmp.h>
#include <math.h>

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
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

static void
int_to_mpz (mpz_t z, HsObject *o)
{
  if (hs_int_is_small (o))
    mpz_set_si (z, (long)hs_int_small_value (o));
  else
    mpz_set (z, (mpz_ptr)((HsInt *)o)->big);
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
  gboolean nonfinite;
  double special; /* the sum of the values that are nan or inf */
} Acc;

static void
acc_init (Acc *a)
{
  mpq_inits (a->sum, a->sumsq, NULL);
  a->count = 0;
  a->is_float = a->nonfinite = FALSE;
  a->special = 0.0;
}

static void
acc_clear (Acc *a)
{
  mpq_clears (a->sum, a->sumsq, NULL);
}

/* _exact_ratio(x) added to the sums; TypeError for what has no ratio. */
static gboolean
acc_add (HsVM *vm, Acc *a, HsObject *x)
{
  mpq_t q;
  if (HS_ISINSTANCE (x, &hs_float_type))
    {
      double d = hs_float_value (x);
      a->is_float = TRUE;
      a->count++;
      if (!isfinite (d))
        {
          a->nonfinite = TRUE;
          a->special += d;
          return TRUE;
        }
      mpq_init (q);
      mpq_set_d (q, d);
    }
  else if (hs_int_check (x))
    {
      mpq_init (q);
      int_to_mpz (mpq_numref (q), x);
      a->count++;
    }
  else
    {
      hs_err_format (vm, &hs_exc_TypeError, "can't convert type '%s' to numerator/denominator",
                     hs_type_name (x));
      return FALSE;
    }
  mpq_add (a->sum, a->sum, q);
  mpq_mul (q, q, q);
  mpq_add (a->sumsq, a->sumsq, q);
  mpq_clear (q);
  return TRUE;
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
  return hs_module_add_functions (vm, dict, statistics_functions);
}
