/* hs-mod-cmath.c — the `cmath` module: mathematics on complex numbers.
 *
 * Invariant: each function computes with CPython 3.11's formulas for finite arguments
 * (Kahan's branch cuts, the same rescaling near overflow and underflow), so results print
 * alike to the last digit; an argument with an infinite or NaN part takes C99's Annex G
 * values, which CPython's special-value tables hold. A flag stands in for CPython's errno:
 * EDOM gives ValueError "math domain error", ERANGE OverflowError "math range error".
 * Arguments are converted as PyComplex_AsCComplex does (a complex, __complex__, then a
 * real number: "must be real number, not str").
 */
#include "config.h"

#include <complex.h>
#include <errno.h>
#include <float.h>
#include <math.h>

#include "hs-cfunction.h"
#include "hs-complex.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  double real, imag;
} Cx;

typedef enum
{
  OK,
  EDOM_,
  ERANGE_,
} Status;

#define LARGE_DOUBLE (DBL_MAX / 4.)
#define SQRT_LARGE_DOUBLE 6.703903964971298e+153 /* sqrt (LARGE_DOUBLE) */
#define LOG_LARGE_DOUBLE 708.3964185322641       /* log (LARGE_DOUBLE) */
#define SQRT_DBL_MIN 1.4916681462400413e-154     /* sqrt (DBL_MIN) */
#define SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define SCALE_DOWN (-(SCALE_UP + 1) / 2)

static gboolean
is_finite (Cx z)
{
  return isfinite (z.real) && isfinite (z.imag);
}

static Cx
from_c (double complex c)
{
  return (Cx){ creal (c), cimag (c) };
}

/* A complex is laid out as double[2] (C11 6.2.5), which keeps an infinite or NaN part as
 * it is where x + y * I would not; CMPLX would too, but clang 14 (the fuzzing build's) and
 * glibc do not define it. */
static double complex
to_c (Cx z)
{
  union
  {
    double complex c;
    double parts[2];
  } u = { .parts = { z.real, z.imag } };
  return u.c;
}

static Cx
neg (Cx z)
{
  return (Cx){ -z.real, -z.imag };
}

/* ---- the functions, z finite unless said ---------------------------------------------- */

static Cx
c_sqrt (Cx z, Status *st)
{
  double s, d, ax, ay;
  (void)st;
  if (!is_finite (z))
    return from_c (csqrt (to_c (z)));
  if (z.real == 0. && z.imag == 0.)
    return (Cx){ 0., z.imag };
  ax = fabs (z.real);
  ay = fabs (z.imag);
  if (ax < DBL_MIN && ay < DBL_MIN)
    {
      /* hypot (ax, ay) would be subnormal */
      ax = ldexp (ax, SCALE_UP);
      s = ldexp (sqrt (ax + hypot (ax, ldexp (ay, SCALE_UP))), SCALE_DOWN);
    }
  else
    {
      ax /= 8.;
      s = 2. * sqrt (ax + hypot (ax, ay / 8.));
    }
  d = ay / (2. * s);
  if (z.real >= 0.)
    return (Cx){ s, copysign (d, z.imag) };
  return (Cx){ d, copysign (s, z.imag) };
}

static Cx
c_exp (Cx z, Status *st)
{
  double l;
  if (!is_finite (z))
    {
      Cx r;
      if (isinf (z.real) && isfinite (z.imag) && z.imag != 0.)
        r = z.real > 0
                ? (Cx){ copysign (INFINITY, cos (z.imag)), copysign (INFINITY, sin (z.imag)) }
                : (Cx){ copysign (0., cos (z.imag)), copysign (0., sin (z.imag)) };
      else if (z.real < 0 && isinf (z.real) && !isfinite (z.imag))
        r = (Cx){ 0., 0. };
      else
        r = from_c (cexp (to_c (z)));
      if (isinf (z.imag) && (isfinite (z.real) || (isinf (z.real) && z.real > 0)))
        *st = EDOM_;
      return r;
    }
  Cx r;
  if (z.real > LOG_LARGE_DOUBLE)
    {
      l = exp (z.real - 1.);
      r = (Cx){ l * cos (z.imag) * G_E, l * sin (z.imag) * G_E };
    }
  else
    {
      l = exp (z.real);
      r = (Cx){ l * cos (z.imag), l * sin (z.imag) };
    }
  if (isinf (r.real) || isinf (r.imag))
    *st = ERANGE_;
  return r;
}

static Cx
c_log (Cx z, Status *st)
{
  double ax, ay, h, am, an;
  Cx r;
  if (!is_finite (z))
    return from_c (clog (to_c (z)));
  ax = fabs (z.real);
  ay = fabs (z.imag);
  if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE)
    r.real = log (hypot (ax / 2., ay / 2.)) + G_LN2;
  else if (ax < DBL_MIN && ay < DBL_MIN)
    {
      if (ax == 0. && ay == 0.)
        {
          *st = EDOM_;
          return (Cx){ -INFINITY, atan2 (z.imag, z.real) };
        }
      /* hypot (ax, ay) would be subnormal */
      r.real
          = log (hypot (ldexp (ax, DBL_MANT_DIG), ldexp (ay, DBL_MANT_DIG))) - DBL_MANT_DIG * G_LN2;
    }
  else
    {
      h = hypot (ax, ay);
      if (0.71 <= h && h <= 1.73)
        {
          am = ax > ay ? ax : ay;
          an = ax > ay ? ay : ax;
          r.real = log1p ((am - 1) * (am + 1) + an * an) / 2.;
        }
      else
        r.real = log (h);
    }
  r.imag = atan2 (z.imag, z.real);
  return r;
}

static Cx
c_log10 (Cx z, Status *st)
{
  Cx r = c_log (z, st);
  return (Cx){ r.real / G_LN10, r.imag / G_LN10 };
}

static Cx
c_acos (Cx z, Status *st)
{
  Cx s1, s2, r;
  if (isinf (z.real) && isnan (z.imag))
    return (Cx){ NAN, INFINITY };
  if (!is_finite (z))
    return from_c (cacos (to_c (z)));
  if (fabs (z.real) > LARGE_DOUBLE || fabs (z.imag) > LARGE_DOUBLE)
    {
      double l = log (hypot (z.real / 2., z.imag / 2.)) + G_LN2 * 2.;
      r.real = atan2 (fabs (z.imag), z.real);
      r.imag = z.real < 0. ? -copysign (l, z.imag) : copysign (l, -z.imag);
      return r;
    }
  s1 = c_sqrt ((Cx){ 1. - z.real, -z.imag }, st);
  s2 = c_sqrt ((Cx){ 1. + z.real, z.imag }, st);
  r.real = 2. * atan2 (s1.real, s2.real);
  r.imag = asinh (s2.real * s1.imag - s2.imag * s1.real);
  return r;
}

static Cx
c_acosh (Cx z, Status *st)
{
  Cx s1, s2;
  if (z.real == 0. && isnan (z.imag))
    return (Cx){ NAN, NAN };
  if (!is_finite (z))
    return from_c (cacosh (to_c (z)));
  if (fabs (z.real) > LARGE_DOUBLE || fabs (z.imag) > LARGE_DOUBLE)
    return (Cx){ log (hypot (z.real / 2., z.imag / 2.)) + G_LN2 * 2., atan2 (z.imag, z.real) };
  s1 = c_sqrt ((Cx){ z.real - 1., z.imag }, st);
  s2 = c_sqrt ((Cx){ z.real + 1., z.imag }, st);
  return (Cx){ asinh (s1.real * s2.real + s1.imag * s2.imag), 2. * atan2 (s1.imag, s2.real) };
}

static Cx
c_asinh (Cx z, Status *st)
{
  Cx s1, s2, r;
  if (isnan (z.real) && isinf (z.imag))
    return (Cx){ INFINITY, NAN };
  if (!is_finite (z))
    return from_c (casinh (to_c (z)));
  if (fabs (z.real) > LARGE_DOUBLE || fabs (z.imag) > LARGE_DOUBLE)
    {
      double l = log (hypot (z.real / 2., z.imag / 2.)) + G_LN2 * 2.;
      r.real = z.imag >= 0. ? copysign (l, z.real) : -copysign (l, -z.real);
      r.imag = atan2 (z.imag, fabs (z.real));
      return r;
    }
  s1 = c_sqrt ((Cx){ 1. + z.imag, -z.real }, st);
  s2 = c_sqrt ((Cx){ 1. - z.imag, z.real }, st);
  r.real = asinh (s1.real * s2.imag - s2.real * s1.imag);
  r.imag = atan2 (z.imag, s1.real * s2.real - s1.imag * s2.imag);
  return r;
}

/* asin z = -i asinh (iz) */
static Cx
c_asin (Cx z, Status *st)
{
  Cx s = c_asinh ((Cx){ -z.imag, z.real }, st);
  return (Cx){ s.imag, -s.real };
}

static Cx
c_atanh (Cx z, Status *st)
{
  double ay, h;
  if (isnan (z.real) && isinf (z.imag))
    return (Cx){ 0., copysign (G_PI / 2., z.imag) };
  if (!is_finite (z))
    return from_c (catanh (to_c (z)));
  if (z.real < 0.) /* atanh (z) = -atanh (-z) */
    return neg (c_atanh (neg (z), st));
  ay = fabs (z.imag);
  if (z.real > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE)
    {
      h = hypot (z.real / 2., z.imag / 2.);
      return (Cx){ z.real / 4. / h / h, -copysign (G_PI / 2., -z.imag) };
    }
  if (z.real == 1. && ay < SQRT_DBL_MIN)
    {
      if (ay == 0.)
        {
          *st = EDOM_;
          return (Cx){ INFINITY, z.imag };
        }
      return (Cx){ -log (sqrt (ay) / sqrt (hypot (ay, 2.))),
                   copysign (atan2 (2., -ay) / 2, z.imag) };
    }
  return (Cx){ log1p (4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.,
               -atan2 (-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2. };
}

/* atan z = -i atanh (iz) */
static Cx
c_atan (Cx z, Status *st)
{
  Cx s = c_atanh ((Cx){ -z.imag, z.real }, st);
  return (Cx){ s.imag, -s.real };
}

/* cosh, or sinh when `sinh_` */
static Cx
c_cosh_sinh (Cx z, Status *st, gboolean sinh_)
{
  Cx r;
  if (!is_finite (z))
    {
      if (isinf (z.real) && isfinite (z.imag) && z.imag != 0.)
        {
          double sgn = sinh_ && z.real < 0 ? -1. : 1.;
          if (sinh_)
            r = (Cx){ copysign (INFINITY, cos (z.imag)) * sgn, copysign (INFINITY, sin (z.imag)) };
          else
            r = (Cx){ copysign (INFINITY, cos (z.imag)),
                      copysign (INFINITY, sin (z.imag)) * copysign (1., z.real) };
        }
      else if (!sinh_ && isnan (z.real) && z.imag == 0.)
        r = (Cx){ NAN, 0. };
      else if (sinh_ && z.real == 0. && isnan (z.imag))
        r = (Cx){ 0., NAN };
      else
        r = from_c (sinh_ ? csinh (to_c (z)) : ccosh (to_c (z)));
      if (isinf (z.imag) && !isnan (z.real))
        *st = EDOM_;
      return r;
    }
  if (fabs (z.real) > LOG_LARGE_DOUBLE)
    {
      double x_minus_one = z.real - copysign (1., z.real);
      if (sinh_)
        r = (Cx){ cos (z.imag) * sinh (x_minus_one) * G_E,
                  sin (z.imag) * cosh (x_minus_one) * G_E };
      else
        r = (Cx){ cos (z.imag) * cosh (x_minus_one) * G_E,
                  sin (z.imag) * sinh (x_minus_one) * G_E };
    }
  else if (sinh_)
    r = (Cx){ cos (z.imag) * sinh (z.real), sin (z.imag) * cosh (z.real) };
  else
    r = (Cx){ cos (z.imag) * cosh (z.real), sin (z.imag) * sinh (z.real) };
  if (isinf (r.real) || isinf (r.imag))
    *st = ERANGE_;
  return r;
}

static Cx
c_cosh (Cx z, Status *st)
{
  return c_cosh_sinh (z, st, FALSE);
}

static Cx
c_sinh (Cx z, Status *st)
{
  return c_cosh_sinh (z, st, TRUE);
}

/* cos z = cosh (iz) */
static Cx
c_cos (Cx z, Status *st)
{
  return c_cosh ((Cx){ -z.imag, z.real }, st);
}

/* sin z = -i sinh (iz) */
static Cx
c_sin (Cx z, Status *st)
{
  Cx s = c_sinh ((Cx){ -z.imag, z.real }, st);
  return (Cx){ s.imag, -s.real };
}

static Cx
c_tanh (Cx z, Status *st)
{
  double tx, ty, cx, txty, denom;
  if (!is_finite (z))
    {
      Cx r;
      if (isinf (z.real) && isfinite (z.imag) && z.imag != 0.)
        r = (Cx){ copysign (1., z.real), copysign (0., 2. * sin (z.imag) * cos (z.imag)) };
      else if (isinf (z.real) && isinf (z.imag))
        r = (Cx){ copysign (1., z.real), 0. };
      else if (z.real == 0. && isnan (z.imag))
        r = (Cx){ NAN, NAN };
      else
        r = from_c (ctanh (to_c (z)));
      if (isinf (z.imag) && isfinite (z.real))
        *st = EDOM_;
      return r;
    }
  if (fabs (z.real) > LOG_LARGE_DOUBLE)
    return (Cx){ copysign (1., z.real),
                 4. * sin (z.imag) * cos (z.imag) * exp (-2. * fabs (z.real)) };
  tx = tanh (z.real);
  ty = tan (z.imag);
  cx = 1. / cosh (z.real);
  txty = tx * ty;
  denom = 1. + txty * txty;
  return (Cx){ tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx };
}

/* tan z = -i tanh (iz) */
static Cx
c_tan (Cx z, Status *st)
{
  Cx s = c_tanh ((Cx){ -z.imag, z.real }, st);
  return (Cx){ s.imag, -s.real };
}

/* ---- arguments and results ------------------------------------------------------------ */

/* PyComplex_AsCComplex: a complex's parts, __complex__'s result, or a real number. */
static int
as_complex (HsVM *vm, HsObject *o, Cx *out)
{
  HsObject *hook, *c;

  if (hs_complex_check (o))
    {
      *out = (Cx){ HS_COMPLEX (o)->real, HS_COMPLEX (o)->imag };
      return 0;
    }
  hook = hs_type_lookup_borrow (o->type, hs_str_intern_cstr ("__complex__"));
  if (hook == NULL)
    {
      out->imag = 0.;
      return hs_number_as_double (vm, o, &out->real);
    }
  if ((c = hs_object_call (vm, hook, &o, 1, NULL)) == NULL)
    return -1;
  if (!hs_complex_check (c))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__complex__ returned non-complex (type %s)",
                     hs_type_name (c));
      hs_decref (vm, c);
      return -1;
    }
  *out = (Cx){ HS_COMPLEX (c)->real, HS_COMPLEX (c)->imag };
  hs_decref (vm, c);
  return 0;
}

static gboolean
status_error (HsVM *vm, Status st)
{
  if (st == EDOM_)
    hs_err_set_string (vm, &hs_exc_ValueError, "math domain error");
  else if (st == ERANGE_)
    hs_err_set_string (vm, &hs_exc_OverflowError, "math range error");
  return st != OK;
}

static HsObject *
cmath_1 (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
         Cx (*f) (Cx, Status *))
{
  HsObject *zo;
  Status st = OK;
  Cx z;

  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!z", &zo) || as_complex (vm, zo, &z) < 0)
    return NULL;
  z = f (z, &st);
  return status_error (vm, st) ? NULL : hs_complex_new (vm, z.real, z.imag);
}

#define CMATH_1(pyname)                                                                            \
  static HsObject *cmath_##pyname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)      \
  {                                                                                                \
    return cmath_1 (vm, "cmath." #pyname, args, nargs, kwnames, c_##pyname);                       \
  }

CMATH_1 (acos)
CMATH_1 (acosh)
CMATH_1 (asin)
CMATH_1 (asinh)
CMATH_1 (atan)
CMATH_1 (atanh)
CMATH_1 (cos)
CMATH_1 (cosh)
CMATH_1 (exp)
CMATH_1 (log10)
CMATH_1 (sin)
CMATH_1 (sinh)
CMATH_1 (sqrt)
CMATH_1 (tan)
CMATH_1 (tanh)

/* log(x[, base]): log x / log base by Smith's quotient; as in CPython, only the last
 * log's status and the quotient's count (log(0, 2) is (-inf+nanj)). */
static HsObject *
cmath_log (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *xo, *bo = NULL;
  Status st = OK;
  Cx x, b;

  if (!hs_parse_args (vm, "log", args, nargs, kwnames, "x |base /", &xo, &bo)
      || as_complex (vm, xo, &x) < 0)
    return NULL;
  x = c_log (x, &st);
  if (bo != NULL)
    {
      if (as_complex (vm, bo, &b) < 0)
        return NULL;
      st = OK;
      b = c_log (b, &st);
      if (!hs_complex_quot (x.real, x.imag, b.real, b.imag, &x.real, &x.imag))
        st = EDOM_;
    }
  return status_error (vm, st) ? NULL : hs_complex_new (vm, x.real, x.imag);
}

static HsObject *
cmath_phase (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *zo;
  Cx z;
  double phi;
  if (!hs_parse_args (vm, "cmath.phase", args, nargs, kwnames, "!z", &zo)
      || as_complex (vm, zo, &z) < 0)
    return NULL;
  /* CPython reports libm's errno: an underflowing atan2 is "math range error" */
  errno = 0;
  phi = atan2 (z.imag, z.real);
  if (status_error (vm, errno == EDOM ? EDOM_ : errno == ERANGE ? ERANGE_ : OK))
    return NULL;
  return hs_float_new (vm, phi);
}

static HsObject *
cmath_polar (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *zo, *items[2], *t;
  double r;
  Cx z;
  if (!hs_parse_args (vm, "cmath.polar", args, nargs, kwnames, "!z", &zo)
      || as_complex (vm, zo, &z) < 0)
    return NULL;
  /* _Py_c_abs: inf from finite parts is ERANGE; an infinite part wins over a NaN */
  if (!is_finite (z) && (isinf (z.real) || isinf (z.imag)))
    r = INFINITY;
  else
    r = hypot (z.real, z.imag);
  if (isinf (r) && is_finite (z))
    {
      status_error (vm, ERANGE_);
      return NULL;
    }
  items[0] = hs_float_new (vm, r);
  items[1] = hs_float_new (vm, atan2 (z.imag, z.real));
  t = items[0] && items[1] ? hs_tuple_from_array (vm, items, 2) : NULL;
  hs_xdecref (vm, items[0]);
  hs_xdecref (vm, items[1]);
  return t;
}

static HsObject *
cmath_rect (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ro, *po;
  double r, phi;
  Status st = OK;
  Cx z;

  if (!hs_parse_args (vm, "rect", args, nargs, kwnames, "r phi /", &ro, &po)
      || hs_number_as_double (vm, ro, &r) < 0 || hs_number_as_double (vm, po, &phi) < 0)
    return NULL;
  if (!isfinite (r) || !isfinite (phi))
    {
      if (isinf (r) && isfinite (phi) && phi != 0.)
        z = r > 0 ? (Cx){ copysign (INFINITY, cos (phi)), copysign (INFINITY, sin (phi)) }
                  : (Cx){ -copysign (INFINITY, cos (phi)), -copysign (INFINITY, sin (phi)) };
      else if (isinf (r) && phi == 0.)
        z = (Cx){ r, r > 0 ? phi : -phi };
      else if (isnan (r))
        z = (Cx){ NAN, phi == 0. ? 0. : NAN };
      else if (isnan (phi) && r == 0.)
        z = (Cx){ 0., 0. };
      else if (isinf (phi) && r == 0.)
        z = (Cx){ 0., 0. };
      else if (isinf (r))
        z = (Cx){ INFINITY, NAN };
      else
        z = (Cx){ NAN, NAN };
      if (r != 0. && !isnan (r) && isinf (phi))
        st = EDOM_;
    }
  else if (phi == 0.)
    z = (Cx){ r, r * phi };
  else
    z = (Cx){ r * cos (phi), r * sin (phi) };
  return status_error (vm, st) ? NULL : hs_complex_new (vm, z.real, z.imag);
}

static HsObject *
cmath_test (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
            int (*test) (Cx))
{
  HsObject *zo;
  Cx z;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!z", &zo) || as_complex (vm, zo, &z) < 0)
    return NULL;
  return hs_bool_from (test (z));
}

static int
test_finite (Cx z)
{
  return is_finite (z);
}

static int
test_inf (Cx z)
{
  return isinf (z.real) || isinf (z.imag);
}

static int
test_nan (Cx z)
{
  return isnan (z.real) || isnan (z.imag);
}

static HsObject *
cmath_isfinite (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return cmath_test (vm, "cmath.isfinite", args, nargs, kwnames, test_finite);
}

static HsObject *
cmath_isinf (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return cmath_test (vm, "cmath.isinf", args, nargs, kwnames, test_inf);
}

static HsObject *
cmath_isnan (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return cmath_test (vm, "cmath.isnan", args, nargs, kwnames, test_nan);
}

static double
c_abs (Cx z)
{
  if (!is_finite (z) && (isinf (z.real) || isinf (z.imag)))
    return INFINITY;
  return hypot (z.real, z.imag);
}

static int
complex_pair (HsVM *vm, HsObject *o, double out[2])
{
  Cx z;
  if (as_complex (vm, o, &z) < 0)
    return -1;
  out[0] = z.real;
  out[1] = z.imag;
  return 0;
}

static HsObject *
cmath_isclose (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double pa[2], pb[2], rel_tol, abs_tol, diff;
  Cx a, b;

  if (!hs_math_isclose_args (vm, args, nargs, kwnames, complex_pair, pa, pb, &rel_tol, &abs_tol))
    return NULL;
  a = (Cx){ pa[0], pa[1] };
  b = (Cx){ pb[0], pb[1] };
  if (a.real == b.real && a.imag == b.imag)
    return hs_True;
  if (test_inf (a) || test_inf (b))
    return hs_False;
  diff = c_abs ((Cx){ a.real - b.real, a.imag - b.imag });
  return hs_bool_from (diff <= rel_tol * c_abs (b) || diff <= rel_tol * c_abs (a)
                       || diff <= abs_tol);
}

static const HsMethodDef cmath_functions[] = {
  { "acos", cmath_acos },       { "acosh", cmath_acosh },       { "asin", cmath_asin },
  { "asinh", cmath_asinh },     { "atan", cmath_atan },         { "atanh", cmath_atanh },
  { "cos", cmath_cos },         { "cosh", cmath_cosh },         { "exp", cmath_exp },
  { "isclose", cmath_isclose }, { "isfinite", cmath_isfinite }, { "isinf", cmath_isinf },
  { "isnan", cmath_isnan },     { "log", cmath_log },           { "log10", cmath_log10 },
  { "phase", cmath_phase },     { "polar", cmath_polar },       { "rect", cmath_rect },
  { "sin", cmath_sin },         { "sinh", cmath_sinh },         { "sqrt", cmath_sqrt },
  { "tan", cmath_tan },         { "tanh", cmath_tanh },         { NULL, NULL },
};

int
hs_mod_cmath_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, cmath_functions) < 0
      || hs_module_add_take (vm, dict, "pi", hs_float_new (vm, G_PI)) < 0
      || hs_module_add_take (vm, dict, "e", hs_float_new (vm, G_E)) < 0
      || hs_module_add_take (vm, dict, "tau", hs_float_new (vm, 2 * G_PI)) < 0
      || hs_module_add_take (vm, dict, "inf", hs_float_new (vm, INFINITY)) < 0
      || hs_module_add_take (vm, dict, "infj", hs_complex_new (vm, 0., INFINITY)) < 0
      || hs_module_add_take (vm, dict, "nan", hs_float_new (vm, NAN)) < 0
      || hs_module_add_take (vm, dict, "nanj", hs_complex_new (vm, 0., NAN)) < 0)
    return -1;
  return 0;
}
