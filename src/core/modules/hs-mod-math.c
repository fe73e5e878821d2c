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

#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-str.h"
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
MATH_1 (acosh, acosh, FALSE)
MATH_1 (asinh, asinh, FALSE)
MATH_1 (atanh, atanh, FALSE)
MATH_1 (cbrt, cbrt, FALSE)
MATH_1 (cosh, cosh, TRUE)
MATH_1 (sinh, sinh, TRUE)
MATH_1 (tanh, tanh, FALSE)
MATH_1 (exp2, exp2, TRUE)
MATH_1 (expm1, expm1, TRUE)
MATH_1 (log1p, log1p, FALSE)

/* ---- gamma and lgamma: CPython's own Lanczos approximation (so the digits agree) ---- */

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N]
    = { 23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408 };
/* the denominator is x*(x+1)*...*(x+LANCZOS_N-2) */
static const double lanczos_den_coeffs[LANCZOS_N]
    = { 0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
        2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0 };
/* gamma of the positive integers 1 .. 23, exact */
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
  1.0,
  1.0,
  2.0,
  6.0,
  24.0,
  120.0,
  720.0,
  5040.0,
  40320.0,
  362880.0,
  3628800.0,
  39916800.0,
  479001600.0,
  6227020800.0,
  87178291200.0,
  1307674368000.0,
  20922789888000.0,
  355687428096000.0,
  6402373705728000.0,
  121645100408832000.0,
  2432902008176640000.0,
  51090942171709440000.0,
  1124000727777607680000.0,
};
static const double pi = 3.141592653589793238462643383279502884197;
static const double logpi = 1.144729885849400174143427351353058711647;

/* Lanczos' sum L_g(x) for x > 0; for large x rescaled as a rational function of 1/x,
 * which avoids overflow and is more accurate there */
static double
lanczos_sum (double x)
{
  double num = 0.0, den = 0.0;

  if (x < 5.0)
    for (int i = LANCZOS_N; --i >= 0;)
      {
        num = num * x + lanczos_num_coeffs[i];
        den = den * x + lanczos_den_coeffs[i];
      }
  else
    for (int i = 0; i < LANCZOS_N; i++)
      {
        num = num / x + lanczos_num_coeffs[i];
        den = den / x + lanczos_den_coeffs[i];
      }
  return num / den;
}

/* sin(pi * x) for a finite x, exact at the integers and half-integers */
static double
sinpi (double x)
{
  double y = fmod (fabs (x), 2.0), r;
  int n = (int)round (2.0 * y);

  switch (n)
    {
      case 0:
        r = sin (pi * y);
        break;
      case 1:
        r = cos (pi * (y - 0.5));
        break;
      case 2:
        r = sin (pi * (1.0 - y)); /* not -sin(pi*(y-1.0)): that is -0.0 at y == 1.0 */
        break;
      case 3:
        r = -cos (pi * (y - 1.5));
        break;
      default:
        r = sin (pi * (y - 2.0));
        break;
    }
  return copysign (1.0, x) * r;
}

static double
tgamma_checked (double x, int *err)
{
  double absx, r, y, z, sqrtpow;

  if (!isfinite (x))
    {
      if (isnan (x) || x > 0.0)
        return x;
      *err = EDOM;
      return NAN;
    }
  if (x == 0.0)
    {
      *err = EDOM;
      return copysign (INFINITY, x);
    }
  if (x == floor (x))
    {
      if (x < 0.0)
        {
          *err = EDOM;
          return NAN;
        }
      if (x <= NGAMMA_INTEGRAL)
        return gamma_integral[(int)x - 1];
    }
  absx = fabs (x);
  if (absx < 1e-20) /* tgamma(x) ~ 1/x near 0 */
    {
      r = 1.0 / x;
      if (isinf (r))
        *err = ERANGE;
      return r;
    }
  if (absx > 200.0) /* overflows, or underflows to ±0.0 */
    {
      if (x < 0.0)
        return 0.0 / sinpi (x);
      *err = ERANGE;
      return INFINITY;
    }
  y = absx + lanczos_g_minus_half;
  /* the error in y, computed in an order the compiler must keep */
  if (absx > lanczos_g_minus_half)
    {
      volatile double q = y - absx;
      z = q - lanczos_g_minus_half;
    }
  else
    {
      volatile double q = y - lanczos_g_minus_half;
      z = q - absx;
    }
  z = z * lanczos_g / y;
  if (x < 0.0)
    {
      r = -pi / sinpi (absx) / absx * exp (y) / lanczos_sum (absx);
      r -= z * r;
      if (absx < 140.0)
        r /= pow (y, absx - 0.5);
      else
        {
          sqrtpow = pow (y, absx / 2.0 - 0.25);
          r /= sqrtpow;
          r /= sqrtpow;
        }
    }
  else
    {
      r = lanczos_sum (absx) / exp (y);
      r += z * r;
      if (absx < 140.0)
        r *= pow (y, absx - 0.5);
      else
        {
          sqrtpow = pow (y, absx / 2.0 - 0.25);
          r *= sqrtpow;
          r *= sqrtpow;
        }
    }
  if (isinf (r))
    *err = ERANGE;
  return r;
}

static double
lgamma_checked (double x, int *err)
{
  double r, absx;

  if (!isfinite (x))
    return isnan (x) ? x : INFINITY;
  if (x == floor (x) && x <= 2.0)
    {
      if (x <= 0.0)
        {
          *err = EDOM;
          return INFINITY;
        }
      return 0.0;
    }
  absx = fabs (x);
  if (absx < 1e-20)
    return -log (absx);
  r = log (lanczos_sum (absx)) - lanczos_g;
  r += (absx - 0.5) * (log (absx + lanczos_g - 0.5) - 1);
  if (x < 0.0) /* the reflection formula */
    r = logpi - log (fabs (sinpi (absx))) - log (absx) - r;
  if (isinf (r))
    *err = ERANGE;
  return r;
}

/* CPython's math_1a: the function says what went wrong (EDOM, ERANGE or 0); a range error
 * whose result is small is an underflow, not an error. */
static HsObject *
math_1a (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
         double (*f) (double, int *))
{
  HsObject *xo;
  double x, r;
  int err = 0;

  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!x", &xo)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  r = f (x, &err);
  if (err == EDOM)
    return domain_error (vm);
  if (err == ERANGE && fabs (r) >= 1.5)
    return range_error (vm);
  return hs_float_new (vm, r);
}

static double
erf_checked (double x, int *err)
{
  return erf (x);
}

static double
erfc_checked (double x, int *err)
{
  return erfc (x);
}

#define MATH_1A(pyname, cfunc)                                                                     \
  static HsObject *math_##pyname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)       \
  {                                                                                                \
    return math_1a (vm, args, nargs, kwnames, "math." #pyname, cfunc);                             \
  }

MATH_1A (erf, erf_checked)
MATH_1A (erfc, erfc_checked)
MATH_1A (gamma, tgamma_checked)
MATH_1A (lgamma, lgamma_checked)

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

HS_CFUNCTION_VARIANT (math_degrees, scaled, "math.degrees", to_degrees)
HS_CFUNCTION_VARIANT (math_radians, scaled, "math.radians", to_radians)

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

/* (a, b), taking both (either may be NULL after a failed allocation) */
static HsObject *
pair_take (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *t = a != NULL && b != NULL ? hs_tuple_pack (vm, 2, a, b) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return t;
}

/* CPython's math_2: nan from non-nan arguments is a domain error, inf from finite ones a
 * range error. */
static HsObject *
math_2 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
        double (*f) (double, double))
{
  double x, y, r;
  if (!two_doubles (vm, args, nargs, kwnames, name, &x, &y))
    return NULL;
  r = f (x, y);
  if (isnan (r) && !isnan (x) && !isnan (y))
    return domain_error (vm);
  if (isinf (r) && isfinite (x) && isfinite (y))
    return range_error (vm);
  return hs_float_new (vm, r);
}

/* fmod(x, ±inf) is x for a finite x, as CPython's */
static double
fmod_inf (double x, double y)
{
  return isinf (y) && isfinite (x) ? x : fmod (x, y);
}

#define MATH_2(pyname, cfunc)                                                                      \
  static HsObject *math_##pyname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)       \
  {                                                                                                \
    return math_2 (vm, args, nargs, kwnames, #pyname, cfunc);                                      \
  }

MATH_2 (copysign, copysign)
MATH_2 (remainder, remainder)
MATH_2 (fmod, fmod_inf)

static HsObject *
math_nextafter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double x, y;
  if (!two_doubles (vm, args, nargs, kwnames, "nextafter", &x, &y))
    return NULL;
  return hs_float_new (vm, nextafter (x, y));
}

static HsObject *
math_ulp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *xo;
  double x;
  if (!hs_parse_args (vm, "math.ulp", args, nargs, kwnames, "!x", &xo)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  if (isnan (x) || isinf (x))
    return hs_float_new (vm, fabs (x));
  x = fabs (x);
  if (x == DBL_MAX)
    return hs_float_new (vm, x - nextafter (x, 0.0));
  return hs_float_new (vm, nextafter (x, INFINITY) - x);
}

/* ---- a float's parts -------------------------------------------------------------------- */

static HsObject *
math_frexp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *xo;
  double x, m;
  int e = 0;
  if (!hs_parse_args (vm, "math.frexp", args, nargs, kwnames, "!x", &xo)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  m = isnan (x) || isinf (x) ? x : frexp (x, &e);
  return pair_take (vm, hs_float_new (vm, m), hs_int_from_i64 (vm, e));
}

static HsObject *
math_modf (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *xo;
  double x, whole;
  if (!hs_parse_args (vm, "math.modf", args, nargs, kwnames, "!x", &xo)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  if (isinf (x))
    return pair_take (vm, hs_float_new (vm, copysign (0.0, x)), hs_float_new (vm, x));
  x = modf (x, &whole);
  return pair_take (vm, hs_float_new (vm, x), hs_float_new (vm, whole));
}

/* ldexp(x, i): i an int of any size (past a C long it only overflows or underflows) */
static HsObject *
math_ldexp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *xo, *io;
  double x, r;
  gint64 e;
  if (!hs_parse_args (vm, "ldexp", args, nargs, kwnames, "x i /", &xo, &io)
      || hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  if (!hs_int_check (io))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Expected an int as second argument to ldexp.");
      return NULL;
    }
  if (!hs_int_as_i64 (io, &e))
    e = hs_int_sign (io) > 0 ? G_MAXINT64 : G_MININT64;
  if (x == 0.0 || !isfinite (x))
    return hs_float_new (vm, x);
  if (e > INT_MAX)
    return range_error (vm);
  r = e < INT_MIN ? copysign (0.0, x) : ldexp (x, (int)e);
  if (isinf (r))
    return range_error (vm);
  return hs_float_new (vm, r);
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

/* The length of the vector of |coordinates| vals (max the largest, found_nan whether one
 * was nan), as hypot and dist compute it. */
static double
vector_norm (const double *vals, gsize n, double max, gboolean found_nan)
{
  double sum = 0.0;

  if (isinf (max))
    return max;
  if (found_nan)
    return NAN;
  if (n == 2)
    return hypot (vals[0], vals[1]);
  if (max == 0.0 || n <= 1)
    return max;
  for (gsize i = 0; i < n; i++)
    sum += (vals[i] / max) * (vals[i] / max);
  return max * sqrt (sum);
}

/* Adds |v| to vals, updating max and found_nan. */
static void
add_coordinate (double *vals, gsize i, double v, double *max, gboolean *found_nan)
{
  vals[i] = fabs (v);
  *found_nan |= isnan (v);
  *max = MAX (*max, vals[i]);
}

static HsObject *
math_hypot (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double max = 0.0, v;
  gboolean found_nan = FALSE;
  g_autofree double *vals = NULL;

  if (!hs_parse_no_kwargs (vm, "hypot", kwnames))
    return NULL;
  vals = g_new (double, nargs + 1);
  for (gsize i = 0; i < nargs; i++)
    {
      if (hs_number_as_double (vm, args[i], &v) < 0)
        return NULL;
      add_coordinate (vals, i, v, &max, &found_nan);
    }
  return hs_float_new (vm, vector_norm (vals, nargs, max, found_nan));
}

/* dist(p, q): the distance between two points given as iterables of coordinates */
static HsObject *
math_dist (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *po, *qo, *p = NULL, *q = NULL, *r = NULL;
  double max = 0.0, a, b;
  gboolean found_nan = FALSE;
  g_autofree double *vals = NULL;
  gsize n;

  if (!hs_parse_args (vm, "dist", args, nargs, kwnames, "p q /", &po, &qo)
      || (p = hs_tuple_from_iterable (vm, po)) == NULL
      || (q = hs_tuple_from_iterable (vm, qo)) == NULL)
    goto out;
  n = hs_tuple_len (p);
  if (hs_tuple_len (q) != n)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "both points must have the same number of dimensions");
      goto out;
    }
  vals = g_new (double, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      if (hs_number_as_double (vm, hs_tuple_get_borrow (p, i), &a) < 0
          || hs_number_as_double (vm, hs_tuple_get_borrow (q, i), &b) < 0)
        goto out;
      add_coordinate (vals, i, a - b, &max, &found_nan);
    }
  r = hs_float_new (vm, vector_norm (vals, n, max, found_nan));
out:
  hs_xdecref (vm, p);
  hs_xdecref (vm, q);
  return r;
}

/* ---- rounding ------------------------------------------------------------------------- */

/* math.floor, ceil and trunc: the number's own `dunder` (a Fraction's __floor__), else
 * f of its float; trunc has no fallback, as CPython's. */
static HsObject *
rounding (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
          double (*f) (double), const char *dunder)
{
  HsObject *xo;
  double x;

  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!x", &xo))
    return NULL;
  if (HS_IS (xo, &hs_bool_type))
    return hs_int_from_i64 (vm, xo == hs_True);
  if (hs_int_check (xo))
    return hs_incref (xo);
  if (!HS_IS (xo, &hs_float_type)
      && hs_type_lookup_borrow (xo->type, hs_str_intern_cstr (dunder)) != NULL)
    return hs_object_call_method (vm, xo, dunder, NULL, 0, NULL);
  if (f == trunc && !HS_ISINSTANCE (xo, &hs_float_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "type %s doesn't define __trunc__ method",
                     hs_type_name (xo));
      return NULL;
    }
  if (hs_number_as_double (vm, xo, &x) < 0)
    return NULL;
  return hs_int_from_double (vm, f (x));
}

HS_CFUNCTION_VARIANT (math_floor, rounding, "math.floor", floor, "__floor__")
HS_CFUNCTION_VARIANT (math_ceil, rounding, "math.ceil", ceil, "__ceil__")
HS_CFUNCTION_VARIANT (math_trunc, rounding, "math.trunc", trunc, "__trunc__")

/* ---- logarithms ----------------------------------------------------------------------- */

/* CPython's loghelper: ints of any size (through frexp when too large for a float), domain
 * error for x <= 0. */
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
      if (i->big != NULL && hs_int_as_double (vm, o, &x) == 0)
        {
          *out = f (x);
          return TRUE;
        }
      if (i->big != NULL)
        {
          long e;
          hs_err_clear (vm); /* OverflowError: the log is still finite */
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

HS_CFUNCTION_VARIANT (math_log2, log_n, "math.log2", log2)
HS_CFUNCTION_VARIANT (math_log10, log_n, "math.log10", log10)

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

HS_CFUNCTION_VARIANT (math_isfinite, predicate, "math.isfinite", 0)
HS_CFUNCTION_VARIANT (math_isinf, predicate, "math.isinf", 1)
HS_CFUNCTION_VARIANT (math_isnan, predicate, "math.isnan", 2)

gboolean
hs_math_isclose_args (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames,
                      int (*convert) (HsVM *, HsObject *, double[2]), double a[2], double b[2],
                      double *rel_tol, double *abs_tol)
{
  HsObject *ao, *bo, *rto = NULL, *ato = NULL;

  *rel_tol = 1e-09;
  *abs_tol = 0.0;
  if (!hs_parse_args (vm, "isclose", args, nargs, kwnames, "a b | $ rel_tol abs_tol", &ao, &bo,
                      &rto, &ato)
      || convert (vm, ao, a) < 0 || convert (vm, bo, b) < 0
      || (rto != NULL && hs_number_as_double (vm, rto, rel_tol) < 0)
      || (ato != NULL && hs_number_as_double (vm, ato, abs_tol) < 0))
    return FALSE;
  if (*rel_tol < 0.0 || *abs_tol < 0.0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "tolerances must be non-negative");
      return FALSE;
    }
  return TRUE;
}

static int
real_pair (HsVM *vm, HsObject *o, double out[2])
{
  out[1] = 0.0;
  return hs_number_as_double (vm, o, &out[0]);
}

static HsObject *
math_isclose (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double a[2], b[2], rel_tol, abs_tol, diff;

  if (!hs_math_isclose_args (vm, args, nargs, kwnames, real_pair, a, b, &rel_tol, &abs_tol))
    return NULL;
  if (a[0] == b[0])
    return hs_True;
  if (isinf (a[0]) || isinf (b[0]))
    return hs_False;
  diff = fabs (b[0] - a[0]);
  return hs_bool_from (diff <= fabs (rel_tol * b[0]) || diff <= fabs (rel_tol * a[0])
                       || diff <= abs_tol);
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
  if (!hs_int_check (o) && hs_object_has_index (o))
    {
      HsObject *v = hs_number_index (vm, o);
      gboolean ok = v != NULL && int_arg (vm, v, out);
      hs_xdecref (vm, v);
      return ok;
    }
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
  /* log2(n!) < n * log2(n) */
  if (!hs_int_check_bits (vm, mpz_get_d (n) * (double)mpz_sizeinbase (n, 2)))
    goto fail;
  mpz_fac_ui (n, mpz_get_ui (n));
  return hs_int_from_mpz_take (vm, n);
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
  return hs_int_from_mpz_take (vm, acc);
}

HS_CFUNCTION_VARIANT (math_gcd, gcd_lcm, "gcd", FALSE)
HS_CFUNCTION_VARIANT (math_lcm, gcd_lcm, "lcm", TRUE)

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
  return hs_int_from_mpz_take (vm, n);
fail:
  mpz_clear (n);
  return NULL;
}

/* comb's and perm's n and k: both converted before either's sign is looked at, as in
 * CPython; any size. */
static gboolean
n_k_args (HsVM *vm, HsObject *no, HsObject *ko, mpz_t n, mpz_t k)
{
  if (!int_arg (vm, no, n) || !int_arg (vm, ko, k))
    return FALSE;
  if (mpz_sgn (n) < 0 || mpz_sgn (k) < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         mpz_sgn (n) < 0 ? "n must be a non-negative integer"
                                         : "k must be a non-negative integer");
      return FALSE;
    }
  return TRUE;
}

/* The k factors of n's size that comb and perm multiply, k <= n: CPython's OverflowError
 * past LLONG_MAX of them, MemoryError when the product, at most n**k (and, for comb with
 * k <= n / 2, at most 2**n), would not fit under the heap cap. */
static gboolean
factors_arg (HsVM *vm, mpz_t n, mpz_t k, const char *overflow, gboolean comb, gulong *out)
{
  double bits = mpz_get_d (k) * (double)mpz_sizeinbase (n, 2);

  if (!mpz_fits_slong_p (k))
    {
      hs_err_format (vm, &hs_exc_OverflowError, "%s must not exceed %" G_GINT64_FORMAT, overflow,
                     G_MAXINT64);
      return FALSE;
    }
  if (!hs_int_check_bits (vm, comb ? MIN (bits, mpz_get_d (n)) : bits))
    return FALSE;
  *out = mpz_get_ui (k);
  return TRUE;
}

static HsObject *
math_comb (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *no, *ko;
  gulong k;
  mpz_t n, kz, r;

  if (!hs_parse_args (vm, "comb", args, nargs, kwnames, "n k /", &no, &ko))
    return NULL;
  mpz_inits (n, kz, r, NULL);
  if (!n_k_args (vm, no, ko, n, kz))
    goto fail;
  if (mpz_cmp (kz, n) <= 0)
    {
      /* comb(n, k) == comb(n, n - k): the fewer factors */
      mpz_sub (r, n, kz);
      if (mpz_cmp (r, kz) < 0)
        mpz_swap (r, kz);
      if (!factors_arg (vm, n, kz, "min(n - k, k)", TRUE, &k))
        goto fail;
      mpz_bin_ui (r, n, k);
    }
  else
    mpz_set_ui (r, 0);
  mpz_clears (n, kz, NULL);
  return hs_int_from_mpz_take (vm, r);
fail:
  mpz_clears (n, kz, r, NULL);
  return NULL;
}

static HsObject *
math_perm (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *no, *ko = NULL;
  gulong k;
  mpz_t n, kz, r;

  if (!hs_parse_args (vm, "perm", args, nargs, kwnames, "n |k /", &no, &ko))
    return NULL;
  if (ko == NULL || ko == hs_None)
    return math_factorial (vm, &no, 1, NULL);
  mpz_inits (n, kz, r, NULL);
  if (!n_k_args (vm, no, ko, n, kz))
    goto fail;
  if (mpz_cmp (kz, n) <= 0)
    {
      if (!factors_arg (vm, n, kz, "k", FALSE, &k))
        goto fail;
      /* n! / (n - k)! as comb(n, k) * k!: GMP's fast ways for both */
      mpz_bin_ui (r, n, k);
      mpz_fac_ui (kz, k);
      mpz_mul (r, r, kz);
    }
  else
    mpz_set_ui (r, 0);
  mpz_clears (n, kz, NULL);
  return hs_int_from_mpz_take (vm, r);
fail:
  mpz_clears (n, kz, r, NULL);
  return NULL;
}

static const HsMethodDef math_functions[] = {
  { "acos", math_acos },
  { "acosh", math_acosh },
  { "asinh", math_asinh },
  { "atanh", math_atanh },
  { "cbrt", math_cbrt },
  { "copysign", math_copysign },
  { "cosh", math_cosh },
  { "dist", math_dist },
  { "erf", math_erf },
  { "erfc", math_erfc },
  { "exp2", math_exp2 },
  { "expm1", math_expm1 },
  { "fmod", math_fmod },
  { "frexp", math_frexp },
  { "gamma", math_gamma },
  { "ldexp", math_ldexp },
  { "lgamma", math_lgamma },
  { "log1p", math_log1p },
  { "modf", math_modf },
  { "nextafter", math_nextafter },
  { "remainder", math_remainder },
  { "sinh", math_sinh },
  { "tanh", math_tanh },
  { "ulp", math_ulp },
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
