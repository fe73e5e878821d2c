/* hs-mod-math.c — the `math` module.
 *
 * Invariant: every function returns what CPython 3.11's math module returns for the
 * same arguments, with its errors: ValueError "math domain error" when the result is
 * not a number for a finite argument, OverflowError "math range error" when a finite
 * argument overflows, TypeError "must be real number, not str" for non-numbers and
 * "'float' object cannot be interpreted as an integer" where an int is required.
 * Integer functions (factorial, gcd, lcm, isqrt, comb, perm) are exact (GMP).
 */
#include "config.h"

#include <gmp.h>
#include <math.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-tuple.h"

static HsObject *
domain_error (HsVM *vm)
{
  hs_err_set_string (vm, &hs_exc_ValueError, "math domain error");
  return NULL;
}

static HsObject *
range_error (HsVM *vm)
{
  hs_err_set_string (vm, &hs_exc_OverflowError, "math range error");
  return NULL;
}

/* ---- float functions ---------------------------------------------------------------- */

/* CPython's math_1: nan from a non-nan argument is a domain error; inf from a finite one
 * is a range error when the function can overflow, else a domain error. */
static HsObject *
math_1 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
        double (*f) (double), gboolean can_overflow)
{
  HsObject *xo;
  double x, r;

  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!x", &xo)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  r = f (x);
  if (isnan (r) && !isnan (x))
    return domain_error (vm);
  if (isinf (r) && isfinite (x))
    return can_overflow ? range_error (vm) : domain_error (vm);
  return hs_float_new (vm, r);
}

#define MATH_1(pyname, cfunc, overflow)                                                            \
  static HsObject *math_##pyname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)       \
  {                                                                                                \
    return math_1 (vm, args, nargs, kwnames, "math." #pyname, cfunc, overflow);                    \
  }

MATH_1 (sqrt, sqrt, FALSE)
MATH_1 (exp, exp, TRUE)
MATH_1 (sin, sin, FALSE)
MATH_1 (cos, cos, FALSE)
MATH_1 (tan, tan, FALSE)
MATH_1 (asin, asin, FALSE)
MATH_1 (acos, acos, FALSE)
MATH_1 (atan, atan, FALSE)
MATH_1 (fabs, fabs, FALSE)

static double
to_degrees (double x)
{
  return x * (180.0 / G_PI);
}

static double
to_radians (double x)
{
  return x * (G_PI / 180.0);
}

/* degrees/radians have no error checks in CPython: a plain multiplication. */
static HsObject *
scaled (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
        double (*f) (double))
{
  HsObject *xo;
  double x;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!x", &xo)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  return hs_float_new (vm, f (x));
}

static HsObject *
math_degrees (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return scaled (vm, args, nargs, kwnames, "math.degrees", to_degrees);
}

static HsObject *
math_radians (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return scaled (vm, args, nargs, kwnames, "math.radians", to_radians);
}

static gboolean
two_doubles (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, double *x,
             double *y)
{
  HsObject *a, *b;
  return hs_parse_args (vm, name, args, nargs, kwnames, "x y /", &a, &b)
         && hs_number_as_double (vm, a, x) == 0 && hs_number_as_double (vm, b, y) == 0;
}

static HsObject *
math_atan2 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double y, x;
  if (!two_doubles (vm, args, nargs, kwnames, "atan2", &y, &x))
    return NULL;
  return hs_float_new (vm, atan2 (y, x));
}

/* CPython's math.pow: C99 pow plus its special cases and errno checks. */
static HsObject *
math_pow (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double x, y, r;
  if (!two_doubles (vm, args, nargs, kwnames, "pow", &x, &y))
    return NULL;
  if (isfinite (x) && isfinite (y))
    {
      if (x == 0.0 && y < 0.0)
        return domain_error (vm);
      if (x < 0.0 && y != floor (y))
        return domain_error (vm);
      r = pow (x, y);
      if (isinf (r))
        return range_error (vm);
      return hs_float_new (vm, r);
    }
  return hs_float_new (vm, pow (x, y)); /* C99 Annex F covers inf and nan */
}

static HsObject *
math_hypot (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double sum = 0.0, max = 0.0, v;
  gboolean found_nan = FALSE;
  double *vals;

  if (!hs_parse_no_kwargs (vm, "hypot", kwnames))
    return NULL;
  vals = g_new (double, nargs + 1);
  for (gsize i = 0; i < nargs; i++)
    {
      if (hs_number_as_double (vm, args[i], &v) < 0)
        {
          g_free (vals);
          return NULL;
        }
      vals[i] = fabs (v);
      found_nan |= isnan (v);
      max = MAX (max, vals[i]);
    }
  if (isinf (max))
    v = max;
  else if (found_nan)
    v = NAN;
  else if (nargs == 2)
    v = hypot (vals[0], vals[1]);
  else if (max == 0.0 || nargs <= 1)
    v = max;
  else
    {
      for (gsize i = 0; i < nargs; i++)
        sum += (vals[i] / max) * (vals[i] / max);
      v = max * sqrt (sum);
    }
  g_free (vals);
  return hs_float_new (vm, v);
}

/* ---- rounding ------------------------------------------------------------------------- */

static HsObject *
rounding (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
          double (*f) (double))
{
  HsObject *xo;
  double x;

  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!x", &xo))
    return NULL;
  if (HS_IS (xo, &hs_bool_type))
    return hs_int_from_i64 (vm, xo == hs_True);
  if (hs_int_check (xo))
    return hs_incref (xo);
  if (hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  return hs_int_from_double (vm, f (x));
}

static HsObject *
math_floor (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return rounding (vm, args, nargs, kwnames, "math.floor", floor);
}

static HsObject *
math_ceil (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return rounding (vm, args, nargs, kwnames, "math.ceil", ceil);
}

static HsObject *
math_trunc (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return rounding (vm, args, nargs, kwnames, "math.trunc", trunc);
}

/* ---- logarithms ----------------------------------------------------------------------- */

/* CPython's loghelper: ints of any size (through frexp), domain error for x <= 0. */
static gboolean
log_of (HsVM *vm, HsObject *o, double (*f) (double), double *out)
{
  double x;

  if (hs_int_check (o))
    {
      HsInt *i = (HsInt *)o;
      if (hs_int_sign (o) <= 0)
        {
          domain_error (vm);
          return FALSE;
        }
      if (i->big != NULL)
        {
          long e;
          double m = mpz_get_d_2exp (&e, (mpz_ptr)i->big);
          *out = f (m) + f (2.0) * (double)e;
          return TRUE;
        }
      *out = f ((double)i->small);
      return TRUE;
    }
  if (hs_number_as_double (vm, o, &x) < 0)
    return FALSE;
  if (isnan (x) || (isinf (x) && x > 0))
    {
      *out = x;
      return TRUE;
    }
  if (x <= 0.0)
    {
      domain_error (vm);
      return FALSE;
    }
  *out = f (x);
  return TRUE;
}

static HsObject *
math_log (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *xo, *bo = NULL;
  double num, den;

  if (!hs_parse_args (vm, "log", args, nargs, kwnames, "x |base /", &xo, &bo)
      || !log_of (vm, xo, log, &num))
    return NULL;
  if (bo == NULL)
    return hs_float_new (vm, num);
  if (!log_of (vm, bo, log, &den))
    return NULL;
  if (den == 0.0)
    {
      hs_err_set_string (vm, &hs_exc_ZeroDivisionError, "float division by zero");
      return NULL;
    }
  return hs_float_new (vm, num / den);
}

static HsObject *
log_n (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
       double (*f) (double))
{
  HsObject *xo;
  double r;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!x", &xo) || !log_of (vm, xo, f, &r))
    return NULL;
  return hs_float_new (vm, r);
}

static HsObject *
math_log2 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return log_n (vm, args, nargs, kwnames, "math.log2", log2);
}

static HsObject *
math_log10 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return log_n (vm, args, nargs, kwnames, "math.log10", log10);
}

/* ---- predicates ----------------------------------------------------------------------- */

static HsObject *
predicate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, int which)
{
  HsObject *xo;
  double x;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!x", &xo)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  return hs_bool_from (which == 0 ? isfinite (x) : which == 1 ? isinf (x) : isnan (x));
}

static HsObject *
math_isfinite (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return predicate (vm, args, nargs, kwnames, "math.isfinite", 0);
}

static HsObject *
math_isinf (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return predicate (vm, args, nargs, kwnames, "math.isinf", 1);
}

static HsObject *
math_isnan (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return predicate (vm, args, nargs, kwnames, "math.isnan", 2);
}

static HsObject *
math_isclose (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ao, *bo, *rto = NULL, *ato = NULL;
  double a, b, rel_tol = 1e-09, abs_tol = 0.0, diff;

  if (!hs_parse_args (vm, "isclose", args, nargs, kwnames, "a b | $ rel_tol abs_tol", &ao, &bo,
                      &rto, &ato)
      || hs_number_as_double (vm, ao, &a) < 0 || hs_number_as_double (vm, bo, &b) < 0
      || (rto != NULL && hs_number_as_double (vm, rto, &rel_tol) < 0)
      || (ato != NULL && hs_number_as_double (vm, ato, &abs_tol) < 0))
    return NULL;
  if (rel_tol < 0.0 || abs_tol < 0.0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "tolerances must be non-negative");
      return NULL;
    }
  if (a == b)
    return hs_True;
  if (isinf (a) || isinf (b))
    return hs_False;
  diff = fabs (b - a);
  return hs_bool_from (diff <= fabs (rel_tol * b) || diff <= fabs (rel_tol * a) || diff <= abs_tol);
}

/* ---- sums and products ---------------------------------------------------------------- */

/* CPython's fsum: Shewchuk's exact partial sums, then correct half-even rounding. */
static HsObject *
math_fsum (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *seq, *it, *item;
  GArray *p;
  double special_sum = 0.0, inf_sum = 0.0, hi = 0.0, lo = 0.0, x, y, t, yr;
  gsize n = 0;

  if (!hs_parse_args (vm, "math.fsum", args, nargs, kwnames, "!seq", &seq)
      || (it = hs_object_iter (vm, seq)) == NULL)
    return NULL;
  p = g_array_new (FALSE, FALSE, sizeof (double));
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      double xsave;
      gsize i = 0;
      int rc = hs_number_as_double (vm, item, &x);
      hs_decref (vm, item);
      if (rc < 0)
        goto fail;
      xsave = x;
      for (gsize j = 0; j < n; j++)
        {
          y = g_array_index (p, double, j);
          if (fabs (x) < fabs (y))
            {
              t = x;
              x = y;
              y = t;
            }
          hi = x + y;
          yr = hi - x;
          lo = y - yr;
          if (lo != 0.0)
            g_array_index (p, double, i++) = lo;
          x = hi;
        }
      n = i;
      g_array_set_size (p, n);
      if (x != 0.0)
        {
          if (!isfinite (x))
            {
              if (isfinite (xsave))
                {
                  hs_err_set_string (vm, &hs_exc_OverflowError, "intermediate overflow in fsum");
                  goto fail;
                }
              if (isinf (xsave))
                inf_sum += xsave;
              special_sum += xsave;
              n = 0;
              g_array_set_size (p, 0);
            }
          else
            {
              g_array_append_val (p, x);
              n++;
            }
        }
    }
  if (hs_err_occurred (vm))
    goto fail;
  hs_decref (vm, it);
  if (special_sum != 0.0)
    {
      g_array_unref (p);
      if (isnan (inf_sum))
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "-inf + inf in fsum");
          return NULL;
        }
      return hs_float_new (vm, special_sum);
    }
  hi = 0.0;
  if (n > 0)
    {
      double *ps = (double *)p->data;
      hi = ps[--n];
      while (n > 0)
        {
          x = hi;
          y = ps[--n];
          hi = x + y;
          yr = hi - x;
          lo = y - yr;
          if (lo != 0.0)
            break;
        }
      if (n > 0 && ((lo < 0.0 && ps[n - 1] < 0.0) || (lo > 0.0 && ps[n - 1] > 0.0)))
        {
          y = lo * 2.0;
          x = hi + y;
          yr = x - hi;
          if (y == yr)
            hi = x;
        }
    }
  g_array_unref (p);
  return hs_float_new (vm, hi);
fail:
  hs_decref (vm, it);
  g_array_unref (p);
  return NULL;
}

static HsObject *
math_prod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *seq, *start = NULL, *it, *item, *acc;

  if (!hs_parse_args (vm, "prod", args, nargs, kwnames, "iterable / | $ start", &seq, &start)
      || (it = hs_object_iter (vm, seq)) == NULL)
    return NULL;
  acc = start != NULL ? hs_incref (start) : hs_int_from_i64 (vm, 1);
  while (acc != NULL && (item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *next = hs_number_binop (vm, HS_BIN_MUL, acc, item);
      hs_decref (vm, item);
      hs_decref (vm, acc);
      acc = next;
    }
  hs_decref (vm, it);
  if (acc != NULL && hs_err_occurred (vm))
    HS_CLEAR (vm, acc);
  return acc;
}

/* ---- integer functions ---------------------------------------------------------------- */

static gboolean
int_arg (HsVM *vm, HsObject *o, mpz_t out)
{
  HsInt *i = (HsInt *)o;
  if (!hs_int_check (o))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return FALSE;
    }
  if (i->big != NULL)
    mpz_set (out, (mpz_ptr)i->big);
  else
    mpz_set_si (out, (long)i->small);
  return TRUE;
}

static HsObject *
from_mpz (HsVM *vm, mpz_t z)
{
  mpz_ptr heap = g_new (__mpz_struct, 1);
  HsObject *r;
  *heap = *z; /* moves the limbs */
  r = hs_int_from_mpz_take (vm, heap);
  g_free (heap);
  return r;
}

static HsObject *
math_factorial (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *no;
  mpz_t n;

  if (!hs_parse_args (vm, "math.factorial", args, nargs, kwnames, "!n", &no))
    return NULL;
  mpz_init (n);
  if (!int_arg (vm, no, n))
    goto fail;
  if (mpz_sgn (n) < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "factorial() not defined for negative values");
      goto fail;
    }
  if (!mpz_fits_slong_p (n))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError,
                         "factorial() argument should not exceed 9223372036854775807");
      goto fail;
    }
  if (mpz_get_ui (n) > 100000)
    {
      hs_err_set_string (vm, &hs_exc_MemoryError, "factorial() too large for Heapscope");
      goto fail;
    }
  mpz_fac_ui (n, mpz_get_ui (n));
  return from_mpz (vm, n);
fail:
  mpz_clear (n);
  return NULL;
}

static HsObject *
gcd_lcm (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, gboolean lcm)
{
  mpz_t acc, x;

  if (!hs_parse_no_kwargs (vm, name, kwnames))
    return NULL;
  mpz_init_set_ui (acc, lcm && nargs == 0 ? 1 : 0);
  mpz_init (x);
  for (gsize i = 0; i < nargs; i++)
    {
      if (!int_arg (vm, args[i], x))
        {
          mpz_clear (acc);
          mpz_clear (x);
          return NULL;
        }
      if (i == 0)
        mpz_abs (acc, x);
      else if (lcm)
        mpz_lcm (acc, acc, x);
      else
        mpz_gcd (acc, acc, x);
    }
  mpz_clear (x);
  return from_mpz (vm, acc);
}

static HsObject *
math_gcd (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return gcd_lcm (vm, args, nargs, kwnames, "gcd", FALSE);
}

static HsObject *
math_lcm (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return gcd_lcm (vm, args, nargs, kwnames, "lcm", TRUE);
}

static HsObject *
math_isqrt (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *no;
  mpz_t n;

  if (!hs_parse_args (vm, "math.isqrt", args, nargs, kwnames, "!n", &no))
    return NULL;
  mpz_init (n);
  if (!int_arg (vm, no, n))
    goto fail;
  if (mpz_sgn (n) < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "isqrt() argument must be nonnegative");
      goto fail;
    }
  mpz_sqrt (n, n);
  return from_mpz (vm, n);
fail:
  mpz_clear (n);
  return NULL;
}

/* n and k for comb/perm: non-negative ints that fit an unsigned long. */
static gboolean
n_k_args (HsVM *vm, HsObject *no, HsObject *ko, gulong *n, gulong *k, gboolean *k_given)
{
  mpz_t a;
  gboolean ok = FALSE;

  mpz_init (a);
  if (!int_arg (vm, no, a))
    goto out;
  if (mpz_sgn (a) < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "n must be a non-negative integer");
      goto out;
    }
  if (!mpz_fits_ulong_p (a) || mpz_get_ui (a) > 1000000)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "n too large for Heapscope");
      goto out;
    }
  *n = mpz_get_ui (a);
  *k = *n;
  *k_given = ko != NULL && ko != hs_None;
  if (*k_given)
    {
      if (!int_arg (vm, ko, a))
        goto out;
      if (mpz_sgn (a) < 0)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "k must be a non-negative integer");
          goto out;
        }
      *k = mpz_fits_ulong_p (a) ? mpz_get_ui (a) : G_MAXULONG;
    }
  ok = TRUE;
out:
  mpz_clear (a);
  return ok;
}

static HsObject *
math_comb (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *no, *ko;
  gulong n, k;
  gboolean given;
  mpz_t r;

  if (!hs_parse_args (vm, "comb", args, nargs, kwnames, "n k /", &no, &ko)
      || !n_k_args (vm, no, ko, &n, &k, &given))
    return NULL;
  mpz_init (r);
  if (k <= n)
    mpz_bin_uiui (r, n, k);
  return from_mpz (vm, r);
}

static HsObject *
math_perm (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *no, *ko = NULL;
  gulong n, k;
  gboolean given;
  mpz_t r;

  if (!hs_parse_args (vm, "perm", args, nargs, kwnames, "n |k /", &no, &ko)
      || !n_k_args (vm, no, ko, &n, &k, &given))
    return NULL;
  mpz_init_set_ui (r, k <= n ? 1 : 0);
  for (gulong i = 0; k <= n && i < k; i++)
    mpz_mul_ui (r, r, n - i);
  return from_mpz (vm, r);
}

static const HsMethodDef math_functions[] = {
  { "acos", math_acos },
  { "asin", math_asin },
  { "atan", math_atan },
  { "atan2", math_atan2 },
  { "ceil", math_ceil },
  { "comb", math_comb },
  { "cos", math_cos },
  { "degrees", math_degrees },
  { "exp", math_exp },
  { "fabs", math_fabs },
  { "factorial", math_factorial },
  { "floor", math_floor },
  { "fsum", math_fsum },
  { "gcd", math_gcd },
  { "hypot", math_hypot },
  { "isclose", math_isclose },
  { "isfinite", math_isfinite },
  { "isinf", math_isinf },
  { "isnan", math_isnan },
  { "isqrt", math_isqrt },
  { "lcm", math_lcm },
  { "log", math_log },
  { "log10", math_log10 },
  { "log2", math_log2 },
  { "perm", math_perm },
  { "pow", math_pow },
  { "prod", math_prod },
  { "radians", math_radians },
  { "sin", math_sin },
  { "sqrt", math_sqrt },
  { "tan", math_tan },
  { "trunc", math_trunc },
  { NULL, NULL },
};

int
hs_mod_math_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, math_functions) < 0
      || hs_module_add_take (vm, dict, "pi", hs_float_new (vm, G_PI)) < 0
      || hs_module_add_take (vm, dict, "e", hs_float_new (vm, G_E)) < 0
      || hs_module_add_take (vm, dict, "tau", hs_float_new (vm, 2 * G_PI)) < 0
      || hs_module_add_take (vm, dict, "inf", hs_float_new (vm, INFINITY)) < 0
      || hs_module_add_take (vm, dict, "nan", hs_float_new (vm, NAN)) < 0)
    return -1;
  return 0;
}
