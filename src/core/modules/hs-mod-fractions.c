/* hs-mod-fractions.c — the `fractions` module: Fraction, as CPython 3.11's fractions.py.
 *
 * Invariant: a Fraction holds two ints, the references CPython's instance holds in its
 * __slots__ `_numerator` and `_denominator` (drawn as its two rows): in lowest terms with a
 * positive denominator, unless a program asked for _normalize=False. With an int or a
 * Fraction the arithmetic is exact (GMP rationals, whose canonical form is the one CPython's
 * gcd steps reach); with a float it is the float arithmetic of float(self), as CPython's
 * _operator_fallbacks; so results, messages and hashes are CPython's.
 */
#include "config.h"

#include <gmp.h>
#include <math.h>
#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-complex.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-number-parts.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject *num, *den; /* ints */
} HsFraction;

static HsType fraction_type;

#define NUM(o) (((HsFraction *)(o))->num)
#define DEN(o) (((HsFraction *)(o))->den)

static gboolean
is_fraction (const HsObject *o)
{
  return HS_ISINSTANCE (o, &fraction_type);
}

/* int, bool or Fraction: CPython's numbers.Rational among the types Heapscope has */
static gboolean
is_rational (const HsObject *o)
{
  return hs_int_check (o) || is_fraction (o);
}

/* ---- making one ------------------------------------------------------------------------ */

/* A Fraction of `type` holding num and den (taken; either may be NULL after a failure). */
static HsObject *
fraction_take (HsVM *vm, const HsType *type, HsObject *num, HsObject *den)
{
  HsFraction *f = NULL;
  gboolean heap = (type->type_flags & HS_TYPE_HEAP) != 0; /* a class derived from Fraction */
  if (num != NULL && den != NULL)
    f = (HsFraction *)hs_object_alloc (vm, type, heap ? type->basicsize : sizeof (HsFraction));
  if (f == NULL)
    {
      hs_xdecref (vm, num);
      hs_xdecref (vm, den);
      return NULL;
    }
  if (heap)
    hs_incref ((HsObject *)type);
  f->num = num;
  f->den = den;
  hs_gc_track (vm, &f->header);
  return &f->header;
}

static HsObject *
fraction_from_mpz (HsVM *vm, const HsType *type, mpz_srcptr n, mpz_srcptr d)
{
  return fraction_take (vm, type, hs_int_from_mpz (vm, n), hs_int_from_mpz (vm, d));
}

static HsObject *
fraction_from_mpq (HsVM *vm, mpq_srcptr q)
{
  return fraction_from_mpz (vm, &fraction_type, mpq_numref (q), mpq_denref (q));
}

/* The value of an int or a Fraction. */
static void
get_mpq (HsObject *o, mpq_ptr q)
{
  if (hs_int_check (o))
    {
      hs_int_get_mpz (o, mpq_numref (q));
      mpz_set_ui (mpq_denref (q), 1);
      return;
    }
  hs_int_get_mpz (NUM (o), mpq_numref (q));
  hs_int_get_mpz (DEN (o), mpq_denref (q));
  mpq_canonicalize (q); /* one made with _normalize=False */
}

/* The sign of the numerator, as CPython's ZeroDivisionError 'Fraction(1, 0)' shows it. */
static void
zero_denominator (HsVM *vm, mpz_srcptr numerator)
{
  char *n = mpz_get_str (NULL, 10, numerator);
  hs_err_format (vm, &hs_exc_ZeroDivisionError, "Fraction(%s, 0)", n);
  hs_int_gmp_free (n);
}

/* CPython's normalisation of numerator/denominator (ints), made a Fraction of `type`. */
static HsObject *
fraction_normalized (HsVM *vm, const HsType *type, HsObject *num, HsObject *den)
{
  mpz_t n, d, g;
  HsObject *r = NULL;
  mpz_inits (n, d, g, NULL);
  hs_int_get_mpz (num, n);
  hs_int_get_mpz (den, d);
  if (mpz_sgn (d) == 0)
    zero_denominator (vm, n);
  else
    {
      mpz_gcd (g, n, d);
      if (mpz_sgn (d) < 0)
        mpz_neg (g, g);
      mpz_divexact (n, n, g);
      mpz_divexact (d, d, g);
      r = fraction_from_mpz (vm, type, n, d);
    }
  mpz_clears (n, d, g, NULL);
  return r;
}

/* The Fraction of a string, as CPython's _RATIONAL_FORMAT reads it:
 * [sign] (digits [/ digits] | [digits] [. [digits]] [e [sign] digits]), digits grouped by
 * single underscores, whitespace around. */
static const char *
digits_end (const char *p)
{
  const char *start = p;
  while (g_ascii_isdigit (*p)
         || (*p == '_' && p > start && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1])))
    p++;
  return p;
}

/* The digits of [p, end) without their underscores into z (0 when empty). */
static void
digits_mpz (mpz_ptr z, const char *p, const char *end)
{
  g_autoptr (GString) s = g_string_new ("0");
  for (; p < end; p++)
    if (*p != '_')
      g_string_append_c (s, *p);
  mpz_set_str (z, s->str, 10);
}

static const char *
skip_space (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static gboolean
only_space (const char *p)
{
  return *skip_space (p) == '\0';
}

static HsObject *
fraction_from_str (HsVM *vm, const HsType *type, HsObject *text)
{
  g_autoptr (GString) ascii = hs_str_decimal_to_ascii (hs_str_utf8 (text), hs_str_byte_len (text));
  const char *p = skip_space (ascii != NULL ? ascii->str : hs_str_utf8 (text)), *num, *end;
  gboolean neg = FALSE, ok = FALSE;
  mpz_t n, d, t;
  HsObject *r = NULL;

  mpz_inits (n, d, t, NULL);
  mpz_set_ui (d, 1);
  if (*p == '+' || *p == '-')
    neg = *p++ == '-';
  if (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
    {
      num = p;
      p = digits_end (p);
      digits_mpz (n, num, p);
      if (*p == '/' && g_ascii_isdigit (p[1]))
        {
          end = digits_end (p + 1);
          digits_mpz (d, p + 1, end);
          p = end;
        }
      else
        {
          if (*p == '.')
            {
              end = digits_end (p + 1);
              digits_mpz (t, p + 1, end);
              for (const char *q = p + 1; q < end; q++)
                if (*q != '_')
                  {
                    mpz_mul_ui (n, n, 10);
                    mpz_mul_ui (d, d, 10);
                  }
              mpz_add (n, n, t);
              p = end;
            }
          if ((*p == 'e' || *p == 'E')
              && (g_ascii_isdigit (p[1])
                  || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
            {
              gboolean eneg = p[1] == '-';
              p += p[1] == '+' || p[1] == '-' ? 2 : 1;
              end = digits_end (p);
              digits_mpz (t, p, end);
              p = end;
              if (!mpz_fits_ulong_p (t))
                {
                  hs_err_set_string (vm, &hs_exc_MemoryError, "");
                  goto out;
                }
              mpz_ui_pow_ui (t, 10, mpz_get_ui (t));
              mpz_mul (eneg ? d : n, eneg ? d : n, t);
            }
        }
      ok = only_space (p);
    }
  if (!ok)
    {
      HsObject *rep = hs_object_repr (vm, text);
      if (rep != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "Invalid literal for Fraction: %s",
                       hs_str_utf8 (rep));
      hs_xdecref (vm, rep);
      goto out;
    }
  if (neg)
    mpz_neg (n, n);
  if (mpz_sgn (d) == 0)
    zero_denominator (vm, n);
  else
    {
      mpz_gcd (t, n, d);
      mpz_divexact (n, n, t);
      mpz_divexact (d, d, t);
      r = fraction_from_mpz (vm, type, n, d);
    }
out:
  mpz_clears (n, d, t, NULL);
  return r;
}

/* Fraction(x) of one argument. */
static HsObject *
fraction_of_one (HsVM *vm, const HsType *type, HsObject *x)
{
  if (HS_IS (x, &hs_int_type))
    return fraction_take (vm, type, hs_incref (x), hs_int_from_i64 (vm, 1));
  if (hs_int_check (x)) /* a bool: its numerator, an int */
    return fraction_take (vm, type, hs_int_from_i64 (vm, x == hs_True), hs_int_from_i64 (vm, 1));
  if (is_fraction (x))
    return fraction_take (vm, type, hs_incref (NUM (x)), hs_incref (DEN (x)));
  if (HS_ISINSTANCE (x, &hs_float_type))
    {
      HsObject *ratio = hs_float_as_integer_ratio (vm, &x, 1, NULL), *r;
      if (ratio == NULL)
        return NULL;
      r = fraction_take (vm, type, hs_incref (hs_tuple_get_borrow (ratio, 0)),
                         hs_incref (hs_tuple_get_borrow (ratio, 1)));
      hs_decref (vm, ratio);
      return r;
    }
  if (hs_str_check (x))
    return fraction_from_str (vm, type, x);
  hs_err_set_string (vm, &hs_exc_TypeError, "argument should be a string or a Rational instance");
  return NULL;
}

/* Fraction(num, den) of two ints: normalised, or as they are (_normalize=False) */
static HsObject *
fraction_of_ints (HsVM *vm, const HsType *type, HsObject *num, HsObject *den, gboolean norm)
{
  if (!norm && hs_int_sign (den) != 0)
    return fraction_take (vm, type, hs_incref (num), hs_incref (den));
  return fraction_normalized (vm, type, num, den);
}

/* Fraction(numerator=0, denominator=None, *, _normalize=True) */
static HsObject *
fraction_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *num = NULL, *den = NULL, *normalize = NULL;
  int norm = 1;
  mpq_t a, b;
  HsObject *n, *d, *r;

  if (nargs > 2) /* counting cls, as the message of a function written in Python */
    {
      hs_err_format (
          vm, &hs_exc_TypeError,
          "Fraction.__new__() takes from 1 to 3 positional arguments but %" G_GSIZE_FORMAT
          " were given",
          nargs + 1);
      return NULL;
    }
  if (!hs_parse_args (vm, "Fraction.__new__", args, nargs, kwnames,
                      "@|numerator denominator $_normalize", &num, &den, &normalize)
      || (normalize != NULL && (norm = hs_object_truth (vm, normalize)) < 0))
    return NULL;
  if (num == NULL)
    return fraction_take (vm, type, hs_int_from_i64 (vm, 0), hs_int_from_i64 (vm, 1));
  if (den == NULL || den == hs_None)
    return fraction_of_one (vm, type, num);
  if (!is_rational (num) || !is_rational (den))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "both arguments should be Rational instances");
      return NULL;
    }
  if (HS_IS (num, &hs_int_type) && HS_IS (den, &hs_int_type))
    return fraction_of_ints (vm, type, num, den, norm);
  /* n1 * d2 over n2 * d1 */
  mpq_inits (a, b, NULL);
  get_mpq (num, a);
  get_mpq (den, b);
  mpz_mul (mpq_numref (a), mpq_numref (a), mpq_denref (b));
  mpz_mul (mpq_denref (a), mpq_denref (a), mpq_numref (b));
  n = hs_int_from_mpz (vm, mpq_numref (a));
  d = n != NULL ? hs_int_from_mpz (vm, mpq_denref (a)) : NULL;
  r = d != NULL ? fraction_of_ints (vm, type, n, d, norm) : NULL;
  hs_xdecref (vm, n);
  hs_xdecref (vm, d);
  mpq_clears (a, b, NULL);
  return r;
}

/* ---- what it holds, how it prints ------------------------------------------------------ */

static void
fraction_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (NUM (self) != NULL)
    hs_visit_named (visit, NUM (self), HS_REF_ATTR, "_numerator", data);
  if (DEN (self) != NULL)
    hs_visit_named (visit, DEN (self), HS_REF_ATTR, "_denominator", data);
}

static void
fraction_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, NUM (self));
  HS_CLEAR (vm, DEN (self));
}

static HsObject *
fraction_repr (HsVM *vm, HsObject *self)
{
  HsObject *n = hs_int_to_str (vm, NUM (self)), *d = n ? hs_int_to_str (vm, DEN (self)) : NULL;
  HsObject *r = d != NULL ? hs_str_from_format (vm, "%s(%s, %s)", hs_type_name (self),
                                                hs_str_utf8 (n), hs_str_utf8 (d))
                          : NULL;
  hs_xdecref (vm, n);
  hs_xdecref (vm, d);
  return r;
}

static HsObject *
fraction_str (HsVM *vm, HsObject *self)
{
  gint64 d;
  HsObject *n, *ds, *r;
  if (hs_int_as_i64 (DEN (self), &d) && d == 1)
    return hs_int_to_str (vm, NUM (self));
  n = hs_int_to_str (vm, NUM (self));
  ds = n != NULL ? hs_int_to_str (vm, DEN (self)) : NULL;
  r = ds != NULL ? hs_str_from_format (vm, "%s/%s", hs_str_utf8 (n), hs_str_utf8 (ds)) : NULL;
  hs_xdecref (vm, n);
  hs_xdecref (vm, ds);
  return r;
}

/* CPython's hash of a rational: |n| * (d's inverse modulo 2**61 - 1), signed as n, so that
 * equal ints and floats hash alike. */
#define HASH_MODULUS ((G_GUINT64_CONSTANT (1) << 61) - 1)
#define HASH_INF 314159

static int
fraction_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  mpz_t n, d, p;
  gint64 h;
  mpz_inits (n, d, p, NULL);
  hs_int_get_mpz (NUM (self), n);
  hs_int_get_mpz (DEN (self), d);
  mpz_set_ui (p, HASH_MODULUS);
  if (mpz_invert (d, d, p) == 0)
    h = HASH_INF;
  else
    {
      mpz_abs (n, n);
      mpz_mod (n, n, p);
      mpz_mul (n, n, d);
      mpz_mod (n, n, p);
      h = (gint64)mpz_get_ui (n);
    }
  hs_int_get_mpz (NUM (self), n);
  if (mpz_sgn (n) < 0)
    h = -h;
  mpz_clears (n, d, p, NULL);
  *out = h == -1 ? -2 : h;
  return 0;
}

static int
fraction_truth (HsVM *vm, HsObject *self)
{
  return hs_int_sign (NUM (self)) != 0;
}

/* ---- comparisons --------------------------------------------------------------------- */

/* CPython's __eq__ and _richcmp: exact against an int, a Fraction or a finite float; an
 * infinite or NaN float compares as against 0.0. */
static HsObject *
fraction_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  mpq_t x, y;
  int c;
  if (!is_fraction (a))
    return hs_incref (hs_NotImplemented);
  if (HS_ISINSTANCE (b, &hs_float_type) && !isfinite (hs_float_value (b)))
    {
      double v = hs_float_value (b);
      if (isnan (v))
        return hs_bool_from (op == HS_CMP_NE);
      return hs_bool_from (hs_compare_holds (v > 0 ? -1 : 1, op));
    }
  if (!is_rational (b) && !HS_ISINSTANCE (b, &hs_float_type))
    return hs_incref (hs_NotImplemented);
  mpq_inits (x, y, NULL);
  get_mpq (a, x);
  if (is_rational (b))
    get_mpq (b, y);
  else
    mpq_set_d (y, hs_float_value (b));
  c = mpq_cmp (x, y);
  mpq_clears (x, y, NULL);
  return hs_bool_from (hs_compare_holds (c < 0 ? -1 : c > 0, op));
}

/* ---- arithmetic ----------------------------------------------------------------------- */

/* float(f): its numerator / denominator, correctly rounded (numbers.Rational.__float__) */
static HsObject *
fraction_float (HsVM *vm, HsObject *f)
{
  return hs_int_binop (vm, HS_BIN_TRUEDIV, NUM (f), DEN (f));
}

/* An int result (new reference) of the mpz z */
static HsObject *
int_of (HsVM *vm, mpz_srcptr z)
{
  return hs_int_from_mpz (vm, z);
}

/* The Fraction rem / (da * db) of a remainder of rationals x and y. */
static HsObject *
remainder_over (HsVM *vm, HsObject *rem, mpq_srcptr x, mpq_srcptr y)
{
  mpz_t p;
  HsObject *dd, *r;
  mpz_init (p);
  mpz_mul (p, mpq_denref (x), mpq_denref (y));
  dd = int_of (vm, p);
  r = dd != NULL ? fraction_normalized (vm, &fraction_type, rem, dd) : NULL;
  hs_xdecref (vm, dd);
  mpz_clear (p);
  return r;
}

/* a // b (op HS_BIN_FLOORDIV), a % b (HS_BIN_MOD) or divmod(a, b) (any other op) of
 * rationals, through the ints CPython divides: (na * db) and (da * nb), so a zero divisor
 * raises int's ZeroDivisionError. */
static HsObject *
exact_divmod (HsVM *vm, HsObject *a, HsObject *b, HsBinOp op)
{
  mpq_t x, y;
  mpz_t p, q;
  HsObject *pi, *qi, *r = NULL;
  mpq_inits (x, y, NULL);
  mpz_inits (p, q, NULL);
  get_mpq (a, x);
  get_mpq (b, y);
  mpz_mul (p, mpq_numref (x), mpq_denref (y));
  mpz_mul (q, mpq_denref (x), mpq_numref (y));
  pi = int_of (vm, p);
  qi = pi != NULL ? int_of (vm, q) : NULL;
  if (qi != NULL)
    {
      if (op == HS_BIN_FLOORDIV)
        r = hs_int_binop (vm, HS_BIN_FLOORDIV, pi, qi);
      else if (op == HS_BIN_MOD)
        {
          HsObject *m = hs_int_binop (vm, HS_BIN_MOD, pi, qi);
          r = m != NULL ? remainder_over (vm, m, x, y) : NULL;
          hs_xdecref (vm, m);
        }
      else
        {
          HsObject *t = hs_int_divmod (vm, pi, qi), *m;
          m = t != NULL ? remainder_over (vm, hs_tuple_get_borrow (t, 1), x, y) : NULL;
          r = m != NULL ? hs_tuple_pack (vm, 2, hs_tuple_get_borrow (t, 0), m) : NULL;
          hs_xdecref (vm, m);
          hs_xdecref (vm, t);
        }
    }
  hs_xdecref (vm, pi);
  hs_xdecref (vm, qi);
  mpq_clears (x, y, NULL);
  mpz_clears (p, q, NULL);
  return r;
}

/* a / b of rationals; a zero b is CPython's ZeroDivisionError 'Fraction(1, 0)', its
 * numerator a's sign after _div's gcd steps. */
static HsObject *
exact_div (HsVM *vm, mpq_srcptr x, mpq_srcptr y)
{
  mpq_t q;
  HsObject *r;
  if (mpq_sgn (y) == 0)
    {
      mpz_t s;
      mpz_init_set_si (s, mpq_sgn (x));
      zero_denominator (vm, s);
      mpz_clear (s);
      return NULL;
    }
  mpq_init (q);
  mpq_div (q, x, y);
  r = fraction_from_mpq (vm, q);
  mpq_clear (q);
  return r;
}

/* a ** n, n an int: a Fraction, CPython's __pow__ for an integral exponent */
static HsObject *
exact_pow (HsVM *vm, HsObject *a, HsObject *n)
{
  gint64 e;
  mpq_t x;
  mpz_t num, den;
  HsObject *r = NULL;
  if (!hs_int_as_i64 (n, &e) || e > G_MAXINT32 || e < -G_MAXINT32)
    {
      hs_err_set_string (vm, &hs_exc_MemoryError, "");
      return NULL;
    }
  mpq_init (x);
  mpz_inits (num, den, NULL);
  get_mpq (a, x);
  mpz_pow_ui (num, mpq_numref (x), (unsigned long)ABS (e));
  mpz_pow_ui (den, mpq_denref (x), (unsigned long)ABS (e));
  if (e >= 0)
    r = fraction_from_mpz (vm, &fraction_type, num, den);
  else if (mpz_sgn (num) == 0)
    zero_denominator (vm, den);
  else
    {
      if (mpz_sgn (num) < 0)
        {
          mpz_neg (num, num);
          mpz_neg (den, den);
        }
      r = fraction_from_mpz (vm, &fraction_type, den, num);
    }
  mpq_clear (x);
  mpz_clears (num, den, NULL);
  return r;
}

/* The monomorphic operator of two rationals (ints or Fractions). */
static HsObject *
exact_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  mpq_t x, y, z;
  HsObject *r;
  if (op == HS_BIN_FLOORDIV || op == HS_BIN_MOD)
    return exact_divmod (vm, a, b, op);
  mpq_inits (x, y, z, NULL);
  get_mpq (a, x);
  get_mpq (b, y);
  switch (op)
    {
      case HS_BIN_ADD:
        mpq_add (z, x, y);
        break;
      case HS_BIN_SUB:
        mpq_sub (z, x, y);
        break;
      case HS_BIN_MUL:
        mpq_mul (z, x, y);
        break;
      default: /* HS_BIN_TRUEDIV */
        r = exact_div (vm, x, y);
        mpq_clears (x, y, z, NULL);
        return r;
    }
  r = fraction_from_mpq (vm, z);
  mpq_clears (x, y, z, NULL);
  return r;
}

/* Whether the rational x is integral (an int, or a Fraction over 1). */
static gboolean
is_integral (HsObject *x)
{
  gint64 d;
  return hs_int_check (x) || (hs_int_as_i64 (DEN (x), &d) && d == 1);
}

/* The int value of an integral rational (borrowed). */
static HsObject *
integral_value (HsObject *x)
{
  return hs_int_check (x) ? x : NUM (x);
}

/* op on float(x) and y, or on x and float(y): the float fallbacks (new reference). */
static HsObject *
float_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b, gboolean float_a)
{
  HsObject *f = fraction_float (vm, float_a ? a : b), *r;
  if (f == NULL)
    return NULL;
  r = float_a ? hs_number_binop (vm, op, f, b) : hs_number_binop (vm, op, a, f);
  hs_decref (vm, f);
  return r;
}

static gboolean
is_exact_op (HsBinOp op)
{
  return op == HS_BIN_ADD || op == HS_BIN_SUB || op == HS_BIN_MUL || op == HS_BIN_TRUEDIV
         || op == HS_BIN_FLOORDIV || op == HS_BIN_MOD;
}

/* a ** b with a Fraction a (CPython's __pow__): exact for an integral b, else a float. */
static HsObject *
fraction_pow (HsVM *vm, HsObject *a, HsObject *b)
{
  if (is_rational (b) && is_integral (b))
    return exact_pow (vm, a, integral_value (b));
  if (is_rational (b))
    {
      HsObject *fb = fraction_float (vm, b), *r;
      r = fb != NULL ? float_binop (vm, HS_BIN_POW, a, fb, TRUE) : NULL;
      hs_xdecref (vm, fb);
      return r;
    }
  return float_binop (vm, HS_BIN_POW, a, b, TRUE);
}

/* a ** b with a Fraction b and an a that is not one (CPython's __rpow__). */
static HsObject *
fraction_rpow (HsVM *vm, HsObject *a, HsObject *b)
{
  if (is_integral (b) && hs_int_sign (NUM (b)) >= 0)
    return hs_number_binop (vm, HS_BIN_POW, a, NUM (b));
  if (hs_int_check (a))
    return is_integral (b) ? exact_pow (vm, a, NUM (b)) : float_binop (vm, HS_BIN_POW, a, b, FALSE);
  if (is_integral (b))
    return hs_number_binop (vm, HS_BIN_POW, a, NUM (b));
  return float_binop (vm, HS_BIN_POW, a, b, FALSE);
}

/* Called with the operands in order, for either one's type: the forward operator when a
 * is the Fraction, else the reflected one (CPython's _operator_fallbacks). */
static HsObject *
fraction_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean forward = is_fraction (a);
  HsObject *other = forward ? b : a;
  if (op == HS_BIN_POW)
    return forward ? fraction_pow (vm, a, b) : fraction_rpow (vm, a, b);
  if (!is_exact_op (op))
    return hs_incref (hs_NotImplemented);
  if (is_rational (other))
    return exact_binop (vm, op, a, b);
  if (HS_ISINSTANCE (other, &hs_float_type) || hs_complex_check (other))
    return float_binop (vm, op, a, b, forward);
  return hs_incref (hs_NotImplemented);
}

static HsObject *
fraction_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  mpz_t n;
  HsObject *r;
  if (op == HS_UNARY_INVERT)
    return hs_incref (hs_NotImplemented);
  if (op == HS_UNARY_POS)
    return fraction_take (vm, &fraction_type, hs_incref (NUM (self)), hs_incref (DEN (self)));
  mpz_init (n);
  hs_int_get_mpz (NUM (self), n);
  mpz_neg (n, n);
  r = fraction_take (vm, &fraction_type, int_of (vm, n), hs_incref (DEN (self)));
  mpz_clear (n);
  return r;
}

/* ---- methods ---------------------------------------------------------------------------- */

static gboolean
no_args (HsVM *vm, const char *name, gsize nargs, HsObject *kwnames)
{
  return hs_parse_args (vm, name, NULL, nargs - 1, kwnames, "@");
}

static HsObject *
m_abs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  mpz_t n;
  HsObject *r;
  if (!no_args (vm, "Fraction.__abs__", nargs, kwnames))
    return NULL;
  mpz_init (n);
  hs_int_get_mpz (NUM (args[0]), n);
  mpz_abs (n, n);
  r = fraction_take (vm, &fraction_type, int_of (vm, n), hs_incref (DEN (args[0])));
  mpz_clear (n);
  return r;
}

/* n // d rounded by `div` (GMP's floor, ceiling or truncating division) */
static HsObject *
rounded (HsVM *vm, HsObject *f, void (*div) (mpz_ptr, mpz_srcptr, mpz_srcptr))
{
  mpz_t n, d;
  HsObject *r;
  mpz_inits (n, d, NULL);
  hs_int_get_mpz (NUM (f), n);
  hs_int_get_mpz (DEN (f), d);
  div (n, n, d);
  r = int_of (vm, n);
  mpz_clears (n, d, NULL);
  return r;
}

static HsObject *
m_rounded (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
           void (*div) (mpz_ptr, mpz_srcptr, mpz_srcptr))
{
  return no_args (vm, name, nargs, kwnames) ? rounded (vm, args[0], div) : NULL;
}

HS_CFUNCTION_VARIANT (m_floor, m_rounded, "Fraction.__floor__", mpz_fdiv_q)
HS_CFUNCTION_VARIANT (m_ceil, m_rounded, "Fraction.__ceil__", mpz_cdiv_q)
HS_CFUNCTION_VARIANT (m_trunc, m_rounded, "Fraction.__trunc__", mpz_tdiv_q)
HS_CFUNCTION_VARIANT (m_int, m_rounded, "Fraction.__int__", mpz_tdiv_q)

static HsObject *
m_float (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return no_args (vm, "Rational.__float__", nargs, kwnames) ? fraction_float (vm, args[0]) : NULL;
}

/* q rounded to an integer, half to even, into z */
static void
round_half_even (mpz_ptr z, mpq_srcptr q)
{
  mpz_t r, twice;
  mpz_inits (r, twice, NULL);
  mpz_fdiv_qr (z, r, mpq_numref (q), mpq_denref (q));
  mpz_mul_2exp (twice, r, 1);
  int c = mpz_cmp (twice, mpq_denref (q));
  if (c > 0 || (c == 0 && mpz_odd_p (z)))
    mpz_add_ui (z, z, 1);
  mpz_clears (r, twice, NULL);
}

/* __round__(ndigits=None): an int, or a Fraction rounded to 10**-ndigits, half to even */
static HsObject *
m_round (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *nd = NULL, *r = NULL;
  gint64 k;
  mpq_t q;
  mpz_t z, shift;
  if (!hs_parse_args (vm, "Fraction.__round__", args + 1, nargs - 1, kwnames, "@|ndigits", &nd))
    return NULL;
  if (nd != NULL && nd != hs_None && !hs_int_check (nd))
    {
      hs_err_format (vm, &hs_exc_TypeError, "bad operand type for abs(): '%s'", hs_type_name (nd));
      return NULL;
    }
  if (nd != NULL && nd != hs_None && (!hs_int_as_i64 (nd, &k) || k > G_MAXINT32 || k < -G_MAXINT32))
    {
      hs_err_set_string (vm, &hs_exc_MemoryError, "");
      return NULL;
    }
  mpq_init (q);
  mpz_inits (z, shift, NULL);
  get_mpq (args[0], q);
  if (nd == NULL || nd == hs_None)
    {
      round_half_even (z, q);
      r = int_of (vm, z);
    }
  else
    {
      mpz_ui_pow_ui (shift, 10, (unsigned long)ABS (k));
      if (k > 0)
        mpz_mul (mpq_numref (q), mpq_numref (q), shift);
      else
        mpz_mul (mpq_denref (q), mpq_denref (q), shift);
      mpq_canonicalize (q);
      round_half_even (z, q);
      if (k > 0)
        {
          mpq_set_num (q, z);
          mpq_set_den (q, shift);
        }
      else
        {
          mpz_mul (mpq_numref (q), z, shift);
          mpz_set_ui (mpq_denref (q), 1);
        }
      mpq_canonicalize (q);
      r = fraction_from_mpq (vm, q);
    }
  mpq_clear (q);
  mpz_clears (z, shift, NULL);
  return r;
}

static HsObject *
m_divmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean reflected)
{
  HsObject *a, *b, *other;
  if (!hs_parse_args (vm, reflected ? "Fraction.__rdivmod__" : "Fraction.__divmod__", args + 1,
                      nargs - 1, kwnames, "@other", &other))
    return NULL;
  a = reflected ? other : args[0];
  b = reflected ? args[0] : other;
  if (is_rational (other))
    return exact_divmod (vm, a, b, HS_BIN_COUNT);
  if (!HS_ISINSTANCE (other, &hs_float_type))
    return hs_incref (hs_NotImplemented);
  HsObject *f = fraction_float (vm, args[0]), *r;
  if (f == NULL)
    return NULL;
  r = hs_number_divmod (vm, reflected ? other : f, reflected ? f : other);
  hs_decref (vm, f);
  return r;
}

HS_CFUNCTION_VARIANT (m_divmod_fwd, m_divmod, FALSE)
HS_CFUNCTION_VARIANT (m_rdivmod, m_divmod, TRUE)

static HsObject *
m_as_integer_ratio (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!no_args (vm, "Fraction.as_integer_ratio", nargs, kwnames))
    return NULL;
  return hs_tuple_pack (vm, 2, NUM (args[0]), DEN (args[0]));
}

/* CPython's limit_denominator: the closest Fraction with a denominator at most `max`, from
 * the continued fraction's convergents and the best semiconvergent. */
static HsObject *
m_limit_denominator (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *maxo = NULL, *r;
  mpz_t m, p0, q0, p1, q1, n, d, a, q2, t;
  mpq_t x, b1, b2;
  if (!hs_parse_args (vm, "Fraction.limit_denominator", args + 1, nargs - 1, kwnames,
                      "@|max_denominator", &maxo))
    return NULL;
  if (maxo != NULL && !hs_int_check (maxo))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'<' not supported between instances of '%s' and 'int'",
                     hs_type_name (maxo));
      return NULL;
    }
  mpz_inits (m, p0, q0, p1, q1, n, d, a, q2, t, NULL);
  mpq_inits (x, b1, b2, NULL);
  if (maxo != NULL)
    hs_int_get_mpz (maxo, m);
  else
    mpz_set_ui (m, 1000000);
  get_mpq (args[0], x);
  if (mpz_cmp_ui (m, 1) < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "max_denominator should be at least 1");
      r = NULL;
    }
  else if (mpz_cmp (mpq_denref (x), m) <= 0)
    r = fraction_take (vm, &fraction_type, hs_incref (NUM (args[0])), hs_incref (DEN (args[0])));
  else
    {
      mpz_set_ui (q0, 1);
      mpz_set_ui (p1, 1);
      mpz_set (n, mpq_numref (x));
      mpz_set (d, mpq_denref (x));
      for (;;)
        {
          mpz_fdiv_q (a, n, d);
          mpz_set (q2, q0);
          mpz_addmul (q2, a, q1);
          if (mpz_cmp (q2, m) > 0)
            break;
          mpz_set (t, p0); /* (p0, q0, p1, q1) = (p1, q1, p0 + a p1, q2) */
          mpz_addmul (t, a, p1);
          mpz_set (p0, p1);
          mpz_set (p1, t);
          mpz_set (q0, q1);
          mpz_set (q1, q2);
          mpz_set (t, n); /* (n, d) = (d, n - a d) */
          mpz_submul (t, a, d);
          mpz_set (n, d);
          mpz_set (d, t);
        }
      /* k = (max - q0) // q1; bound1 = (p0 + k p1) / (q0 + k q1), bound2 = p1 / q1 */
      mpz_sub (t, m, q0);
      mpz_fdiv_q (a, t, q1);
      mpz_set (mpq_numref (b1), p0);
      mpz_addmul (mpq_numref (b1), a, p1);
      mpz_set (mpq_denref (b1), q0);
      mpz_addmul (mpq_denref (b1), a, q1);
      mpq_canonicalize (b1);
      mpq_set_num (b2, p1);
      mpq_set_den (b2, q1);
      mpq_canonicalize (b2);
      {
        mpq_t e1, e2;
        mpq_inits (e1, e2, NULL);
        mpq_sub (e1, b1, x);
        mpq_abs (e1, e1);
        mpq_sub (e2, b2, x);
        mpq_abs (e2, e2);
        r = fraction_from_mpq (vm, mpq_cmp (e2, e1) <= 0 ? b2 : b1);
        mpq_clears (e1, e2, NULL);
      }
    }
  mpz_clears (m, p0, q0, p1, q1, n, d, a, q2, t, NULL);
  mpq_clears (x, b1, b2, NULL);
  return r;
}

/* cls(a) or cls(a, b) (b may be NULL): a derived class called, as CPython's class methods
 * do; Fraction itself made directly. */
static HsObject *
call_class (HsVM *vm, const HsType *cls, HsObject *a, HsObject *b)
{
  HsObject *args[2] = { a, b };
  if (!(cls->type_flags & HS_TYPE_HEAP))
    return fraction_construct (vm, (HsType *)cls, args, b != NULL ? 2 : 1, NULL);
  return hs_object_call (vm, (HsObject *)cls, args, b != NULL ? 2 : 1, NULL);
}

/* cls(*f.as_integer_ratio()) for a float f */
static HsObject *
call_class_ratio (HsVM *vm, const HsType *cls, HsObject *f)
{
  HsObject *ratio = hs_float_as_integer_ratio (vm, &f, 1, NULL), *r;
  if (ratio == NULL)
    return NULL;
  r = call_class (vm, cls, hs_tuple_get_borrow (ratio, 0), hs_tuple_get_borrow (ratio, 1));
  hs_decref (vm, ratio);
  return r;
}

/* Fraction.from_decimal(dec): an int as Decimal(int(dec)) would give, cls(int(dec), 1);
 * Heapscope has no decimal, so anything else is CPython's TypeError for a non-Decimal. */
static HsObject *
m_from_decimal (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *dec, *n, *one, *r;
  const HsType *cls = (const HsType *)args[0];
  if (!hs_parse_args (vm, "Fraction.from_decimal", args + 1, nargs - 1, kwnames, "@dec", &dec))
    return NULL;
  if (!hs_int_check (dec))
    {
      HsObject *rep = hs_object_repr (vm, dec);
      if (rep != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "%s.from_decimal() only takes Decimals, not %s (%s)",
                       cls->name, hs_str_utf8 (rep), hs_type_name (dec));
      hs_xdecref (vm, rep);
      return NULL;
    }
  n = hs_int_from_i64 (vm, 0);
  r = n != NULL ? hs_number_binop (vm, HS_BIN_ADD, n, dec) : NULL; /* int(dec) */
  hs_xdecref (vm, n);
  one = r != NULL ? hs_int_from_i64 (vm, 1) : NULL;
  n = one != NULL ? call_class (vm, cls, r, one) : NULL;
  hs_xdecref (vm, r);
  hs_xdecref (vm, one);
  return n;
}

/* Fraction.from_float(f): exact; an int as Fraction(f) */
static HsObject *
m_from_float (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f;
  const HsType *cls = (const HsType *)args[0];
  if (!hs_parse_args (vm, "Fraction.from_float", args + 1, nargs - 1, kwnames, "@f", &f))
    return NULL;
  if (!hs_int_check (f) && !HS_ISINSTANCE (f, &hs_float_type))
    {
      HsObject *rep = hs_object_repr (vm, f);
      if (rep != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "%s.from_float() only takes floats, not %s (%s)",
                       cls->name, hs_str_utf8 (rep), hs_type_name (f));
      hs_xdecref (vm, rep);
      return NULL;
    }
  if (!(cls->type_flags & HS_TYPE_HEAP))
    return fraction_of_one (vm, cls, f);
  return hs_int_check (f) ? call_class (vm, cls, f, NULL) : call_class_ratio (vm, cls, f);
}

/* Fraction.__new__(cls, numerator=0, denominator=None, *, _normalize=True), which a derived
 * class's __new__ reaches through super() */
static HsObject *
m_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *cls = hs_class_new_target (vm, "Fraction", args, nargs);
  if (cls == NULL)
    return NULL;
  if (!hs_type_is_subtype (cls, &fraction_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "super(type, obj): obj must be an instance or subtype of type");
      return NULL;
    }
  return fraction_construct (vm, cls, args + 1, nargs - 1, kwnames);
}

/* self, or for a derived class's instance its class called with the two parts, as
 * CPython's __copy__ and __deepcopy__ */
static HsObject *
copy_of (HsVM *vm, HsObject *self)
{
  if (HS_IS (self, &fraction_type))
    return hs_incref (self);
  return hs_object_call (vm, (HsObject *)self->type, (HsObject *[]){ NUM (self), DEN (self) }, 2,
                         NULL);
}

/* __copy__ and __deepcopy__(memo): a Fraction is immutable, its own copy */
static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return no_args (vm, "Fraction.__copy__", nargs, kwnames) ? copy_of (vm, args[0]) : NULL;
}

static HsObject *
m_deepcopy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *memo;
  if (!hs_parse_args (vm, "Fraction.__deepcopy__", args + 1, nargs - 1, kwnames, "@memo", &memo))
    return NULL;
  return copy_of (vm, args[0]);
}

static const HsMethodDef fraction_methods[] = {
  { "limit_denominator", m_limit_denominator },
  { "as_integer_ratio", m_as_integer_ratio },
  { "from_float", m_from_float, HS_METH_CLASS },
  { "from_decimal", m_from_decimal, HS_METH_CLASS },
  { "__abs__", m_abs },
  { "__round__", m_round },
  { "__floor__", m_floor },
  { "__ceil__", m_ceil },
  { "__trunc__", m_trunc },
  { "__int__", m_int },
  { "__float__", m_float },
  { "__divmod__", m_divmod_fwd },
  { "__rdivmod__", m_rdivmod },
  { "__copy__", m_copy },
  { "__deepcopy__", m_deepcopy },
  { NULL, NULL },
};

/* numerator and denominator (CPython's properties), _numerator and _denominator (its slots) */
static HsObject *
fraction_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  const char *n = hs_str_utf8 (name);
  if (n[0] == '_' && n[1] != '_')
    n++;
  if (strcmp (n, "numerator") == 0)
    return hs_incref (NUM (self));
  if (strcmp (n, "denominator") == 0)
    return hs_incref (DEN (self));
  return hs_object_generic_getattr (vm, self, name);
}

static int
fraction_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "numerator") == 0 || strcmp (n, "denominator") == 0)
    hs_err_format (vm, &hs_exc_AttributeError, "property '%s' of 'Fraction' object has no %s", n,
                   value != NULL ? "setter" : "deleter");
  else
    hs_err_format (vm, &hs_exc_AttributeError, "'Fraction' object has no attribute '%s'", n);
  return -1;
}

static HsType fraction_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Fraction",
  .module = "fractions",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_DRAWN_AS_INSTANCE | HS_TYPE_BASETYPE | HS_TYPE_PYTHON_CLASS,
  .basicsize = sizeof (HsFraction),
  .dealloc = fraction_clear,
  .refs = fraction_refs,
  .clear = fraction_clear,
  .repr = fraction_repr,
  .str = fraction_str,
  .hash = fraction_hash,
  .richcompare = fraction_richcompare,
  .binop = fraction_binop,
  .unaryop = fraction_unaryop,
  .truth = fraction_truth,
  .getattr = fraction_getattr,
  .setattr = fraction_setattr,
  .construct = fraction_construct,
  .methods = fraction_methods,
};

void
hs_mod_fractions_runtime_init (void)
{
  static const HsMethodDef new_def = { "__new__", m_new };
  hs_type_ready (&fraction_type);
  hs_dict_set_item (NULL, fraction_type.dict, hs_str_intern_cstr ("__new__"),
                    hs_cfunction_new (NULL, &new_def, NULL));
}

HsObject *
hs_mod_fractions_type (void)
{
  return (HsObject *)&fraction_type;
}

int
hs_mod_fractions_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_take (vm, dict, "Fraction", hs_incref ((HsObject *)&fraction_type));
}
