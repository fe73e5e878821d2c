/* hs-float.c — float objects, their text forms, and the numeric builtins' helpers.
 *
 * Invariant: text conversions never depend on the process locale (g_ascii_* only), and
 * every digit string is correctly rounded by the C library's exact printf; layout rules
 * (where the exponent starts, ".0", '#') follow CPython's PyOS_double_to_string.
 */
#include "config.h"

#include <gmp.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "hs-float.h"
#include "hs-number-parts.h"
#include "hs-object-private.h"
#include "hs-format.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-int.h"
#include "hs-str.h"
#include "hs-vm-private.h"
#include "hs-tuple.h"
#include "hs-error.h"

HsObject *
hs_float_new (HsVM *vm, double v)
{
  HsFloat *f = (HsFloat *)hs_object_alloc_plain (vm, &hs_float_type, sizeof (HsFloat));
  if (f == NULL)
    return NULL;
  f->value = v;
  return &f->header;
}

/* x.name(arg) (arg NULL: x.name()) for a type that defines it, else NotImplemented: abs(),
 * divmod() and float() of what is not a number (a timedelta, a class with __abs__). */
static HsObject *
call_number_hook (HsVM *vm, HsObject *x, const char *name, HsObject *arg)
{
  HsObject *d = hs_type_lookup_borrow (x->type, hs_str_intern_cstr (name));
  if (d == NULL)
    return hs_incref (hs_NotImplemented);
  HsObject *fn = hs_object_getattr_cstr (vm, x, name);
  HsObject *r = fn != NULL ? hs_object_call (vm, fn, &arg, arg != NULL ? 1 : 0, NULL) : NULL;
  hs_xdecref (vm, fn);
  return r;
}

/* o.__float__() checked as PyNumber_Float checks it (a float of a derived class warned
 * about and copied), or NotImplemented when o's type has none. */
static HsObject *
float_from_hook (HsVM *vm, HsObject *o)
{
  HsObject *f = call_number_hook (vm, o, "__float__", NULL), *plain;

  if (f == NULL || f == hs_NotImplemented || HS_IS (f, &hs_float_type))
    return f;
  if (!HS_ISINSTANCE (f, &hs_float_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                     hs_type_name (o), hs_type_name (f));
      hs_decref (vm, f);
      return NULL;
    }
  hs_vm_warn_deprecated (vm,
                         "%s.__float__ returned non-float (type %s).  The ability to return an "
                         "instance of a strict subclass of float is deprecated, and may be "
                         "removed in a future version of Python.",
                         hs_type_name (o), hs_type_name (f));
  plain = hs_float_new (vm, hs_float_value (f));
  hs_decref (vm, f);
  return plain;
}

int
hs_number_as_double (HsVM *vm, HsObject *o, double *out)
{
  if (HS_ISINSTANCE (o, &hs_float_type))
    {
      *out = hs_float_value (o);
      return 0;
    }
  if (hs_int_check (o))
    return hs_int_as_double (vm, o, out);
  HsObject *f = float_from_hook (vm, o);
  if (f == NULL)
    return -1;
  if (f == hs_NotImplemented && hs_object_has_index (o))
    {
      /* no __float__ but an __index__ (PyFloat_AsDouble) */
      HsObject *i = hs_object_index (vm, o);
      int r = i != NULL ? hs_int_as_double (vm, i, out) : -1;
      hs_xdecref (vm, i);
      return r;
    }
  if (f == hs_NotImplemented)
    hs_err_format (vm, &hs_exc_TypeError, "must be real number, not %s", hs_type_name (o));
  else
    *out = hs_float_value (f);
  hs_decref (vm, f);
  return hs_err_occurred (vm) ? -1 : 0;
}

/* ---- text ------------------------------------------------------------------------- */

/* Decimal digits of |v| (no trailing zeros unless padded) and the position of the
 * decimal point: value = 0.DIGITS * 10**decpt. `ndig` significant digits, or the
 * shortest round-tripping string when ndig == 0. */
/* A double's exact decimal expansion has at most 767 significant digits and 1074 after
 * the point: digits asked for beyond these are zeros, appended without asking printf. */
#define EXACT_SIG_DIGITS 800
#define EXACT_FRAC_DIGITS 1100

/* The "%.Ne" text `buf` of a positive double one unit away in its last digit, upwards
 * (`up`) or down; FALSE when that would change the number of digits. */
static gboolean
next_decimal (char *buf, gboolean up)
{
  char *e = strchr (buf, 'e');

  for (char *p = e - 1; p >= buf; p--)
    {
      if (*p == '.')
        continue;
      if (up ? *p != '9' : *p != '0')
        {
          *p += up ? 1 : -1;
          return buf[0] != '0';
        }
      *p = up ? '0' : '9';
    }
  return FALSE;
}

static void
float_digits (double v, int ndig, GString *digits, int *decpt)
{
  char buf[EXACT_SIG_DIGITS + 32], fmt[16];
  const char *p;
  int exp10;

  /* the formats of the shortest repr's tries, written once (building each with g_snprintf
   * was a tenth of recording a trace of floats) */
  static const char *const shortest_fmts[]
      = { "%.0e", "%.1e",  "%.2e",  "%.3e",  "%.4e",  "%.5e",  "%.6e",  "%.7e", "%.8e",
          "%.9e", "%.10e", "%.11e", "%.12e", "%.13e", "%.14e", "%.15e", "%.16e" };

  v = fabs (v);
  if (ndig == 0)
    {
      /* Any decimal of <= 15 digits survives a round trip (DBL_DIG), so the 15-digit
       * rounding, stripped of zeros, is the shortest whenever one of <= 15 exists. */
      for (int prec = v < DBL_MIN ? 1 : 15; prec <= 17; prec++) /* subnormals: fewer digits */
        {
          double back;
          g_ascii_formatd (buf, sizeof buf, shortest_fmts[prec - 1], v);
          if (prec == 17 || (back = g_ascii_strtod (buf, NULL)) == v)
            break;
          /* a power of two's rounding interval is twice as wide above it as below: the
           * nearest text can miss it where its neighbour on v's other side is in it
           * (2**-24 is 5.960464477539063e-08, as CPython's shortest repr gives) */
          if (next_decimal (buf, back < v) && g_ascii_strtod (buf, NULL) == v)
            break;
        }
    }
  else
    {
      g_snprintf (fmt, sizeof fmt, "%%.%de", MIN (ndig, EXACT_SIG_DIGITS) - 1);
      g_ascii_formatd (buf, sizeof buf, fmt, v);
    }
  g_string_truncate (digits, 0);
  for (p = buf; *p != 'e'; p++)
    if (*p != '.')
      g_string_append_c (digits, *p);
  exp10 = atoi (p + 1);
  *decpt = exp10 + 1;
  while (digits->len > 1 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);
  if (v == 0)
    *decpt = 1;
}

static void
append_zeros (GString *out, gsize n)
{
  gsize at = out->len;
  g_string_set_size (out, at + n);
  memset (out->str + at, '0', n);
}

static void
layout (GString *out, const char *ds, int nd, int decpt, gboolean use_exp, gboolean alt,
        gboolean add_dot_0)
{
  if (use_exp)
    {
      int e = decpt - 1;
      g_string_append_c (out, ds[0]);
      if (nd > 1 || alt)
        {
          g_string_append_c (out, '.');
          g_string_append_len (out, ds + 1, nd - 1);
        }
      g_string_append_printf (out, "e%c%02d", e < 0 ? '-' : '+', ABS (e));
    }
  else if (decpt <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -decpt; i++)
        g_string_append_c (out, '0');
      g_string_append_len (out, ds, nd);
    }
  else if (decpt >= nd)
    {
      g_string_append_len (out, ds, nd);
      for (int i = nd; i < decpt; i++)
        g_string_append_c (out, '0');
      if (alt)
        g_string_append_c (out, '.');
      else if (add_dot_0)
        g_string_append (out, ".0");
    }
  else
    {
      g_string_append_len (out, ds, decpt);
      g_string_append_c (out, '.');
      g_string_append_len (out, ds + decpt, nd - decpt);
    }
}

void
hs_float_format_append (GString *out, double v, char type, int precision, gboolean alt,
                        gboolean add_dot_0)
{
  g_autoptr (GString) ds = g_string_new (NULL);
  int decpt;

  if (signbit (v) && !isnan (v))
    g_string_append_c (out, '-');
  if (isnan (v) || isinf (v))
    {
      g_string_append (out, isnan (v) ? "nan" : "inf");
      return;
    }
  v = fabs (v);
  if (type == 'f' || type == 'e')
    {
      char fmt[16];
      int exact = MIN (precision, type == 'f' ? EXACT_FRAC_DIGITS : EXACT_SIG_DIGITS);
      gsize size = (type == 'f' ? 320 : 32) + (gsize)exact;
      g_autofree char *buf = g_malloc (size);
      char *e;
      g_snprintf (fmt, sizeof fmt, "%%%s.%d%c", alt ? "#" : "", exact, type);
      /* g_ascii_formatd rejects '#'; the decimal point is fixed up by hand below. */
      g_snprintf (buf, size, fmt, v);
      for (char *c = buf; *c; c++)
        if (!g_ascii_isdigit (*c) && *c != 'e' && *c != '+' && *c != '-')
          *c = '.';
      e = type == 'e' ? strchr (buf, 'e') : buf + strlen (buf);
      g_string_append_len (out, buf, e - buf);
      append_zeros (out, (gsize)(precision - exact));
      g_string_append (out, e);
      return;
    }
  if (type == 'r')
    {
      float_digits (v, 0, ds, &decpt);
      layout (out, ds->str, (int)ds->len, decpt, decpt <= -4 || decpt > 16, alt, add_dot_0);
      return;
    }
  /* 'g' */
  if (precision == 0)
    precision = 1;
  float_digits (v, precision, ds, &decpt);
  if (alt && (int)ds->len < precision)
    append_zeros (ds, (gsize)precision - ds->len);
  layout (out, ds->str, (int)ds->len, decpt,
          decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision), alt, add_dot_0);
}

gsize
hs_float_format_size (char type, int precision, gboolean alt)
{
  gsize digits = type == 'f'          ? 330 + (gsize)precision
                 : type == 'e' || alt ? 32 + (gsize)precision
                                      : 32 + EXACT_SIG_DIGITS;
  return digits * 2; /* the text and the digit string it is laid out from */
}

void
hs_float_repr_append (GString *out, double v)
{
  hs_float_format_append (out, v, 'r', 0, FALSE, TRUE);
}

static HsObject *
float_repr (HsVM *vm, HsObject *self)
{
  g_autoptr (GString) out = g_string_sized_new (32);
  hs_float_repr_append (out, hs_float_value (self));
  return hs_str_new (vm, out->str, out->len);
}

static gboolean
is_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* Python's float literal grammar (after the sign), underscores only between digits;
 * copies the text without underscores into `clean`. */
static gboolean
scan_float (const char *p, const char *end, GString *clean)
{
  gboolean digits = FALSE, frac_digits = FALSE;

#define SCAN_DIGITS(flag)                                                                          \
  while (p < end && (g_ascii_isdigit (*p) || *p == '_'))                                           \
    {                                                                                              \
      if (*p == '_' && (!(flag) || p + 1 >= end || !g_ascii_isdigit (p[1])))                       \
        return FALSE;                                                                              \
      if (*p != '_')                                                                               \
        {                                                                                          \
          g_string_append_c (clean, *p);                                                           \
          flag = TRUE;                                                                             \
        }                                                                                          \
      p++;                                                                                         \
    }

  SCAN_DIGITS (digits);
  if (p < end && *p == '.')
    {
      g_string_append_c (clean, *p++);
      SCAN_DIGITS (frac_digits);
    }
  if (!digits && !frac_digits)
    return FALSE;
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exp_digits = FALSE;
      g_string_append_c (clean, *p++);
      if (p < end && (*p == '+' || *p == '-'))
        g_string_append_c (clean, *p++);
      SCAN_DIGITS (exp_digits);
      if (!exp_digits)
        return FALSE;
    }
#undef SCAN_DIGITS
  return p == end;
}

/* float(s) of ASCII text; an error shows `shown`, the text as the program gave it */
static HsObject *
float_from_ascii (HsVM *vm, const char *s, gsize len, const char *shown, gsize shown_len)
{
  const char *p = s, *end = s + len;
  gboolean negative = FALSE;
  g_autoptr (GString) clean = g_string_new (NULL);
  double v;

  while (p < end && is_space (*p))
    p++;
  while (end > p && is_space (end[-1]))
    end--;
  if (p < end && (*p == '+' || *p == '-'))
    negative = *p++ == '-';
  g_string_append_len (clean, p, end - p);
  if (g_ascii_strcasecmp (clean->str, "inf") == 0
      || g_ascii_strcasecmp (clean->str, "infinity") == 0)
    v = INFINITY;
  else if (g_ascii_strcasecmp (clean->str, "nan") == 0)
    v = NAN;
  else
    {
      g_string_truncate (clean, 0);
      if (!scan_float (p, end, clean))
        {
          HsObject *str = hs_str_new (vm, shown, shown_len);
          HsObject *r = str != NULL ? hs_object_repr (vm, str) : NULL;
          if (r != NULL)
            hs_err_format (vm, &hs_exc_ValueError, "could not convert string to float: %s",
                           hs_str_utf8 (r));
          hs_xdecref (vm, r);
          hs_xdecref (vm, str);
          return NULL;
        }
      v = g_ascii_strtod (clean->str, NULL);
    }
  return hs_float_new (vm, negative ? -v : v);
}

HsObject *
hs_float_from_str (HsVM *vm, const char *s, gsize len)
{
  g_autoptr (GString) ascii = hs_str_decimal_to_ascii (s, len);
  if (ascii != NULL)
    return float_from_ascii (vm, ascii->str, ascii->len, s, len);
  return float_from_ascii (vm, s, len, s, len);
}

/* ---- arithmetic ------------------------------------------------------------------- */

static gboolean
is_odd_integer (double y)
{
  return fmod (fabs (y), 2.0) == 1.0;
}

HsObject *
hs_float_pow (HsVM *vm, double x, double y)
{
  double r;
  gboolean negate = FALSE;

  if (y == 0)
    return hs_float_new (vm, 1.0);
  if (isnan (x) || isnan (y) || isinf (x) || isinf (y))
    return hs_float_new (vm, pow (x, y)); /* C99 pow matches Python here */
  if (x == 0)
    {
      if (y < 0)
        {
          hs_err_set_string (vm, &hs_exc_ZeroDivisionError,
                             "0.0 cannot be raised to a negative power");
          return NULL;
        }
      return hs_float_new (vm, is_odd_integer (y) ? x : 0.0);
    }
  if (x < 0)
    {
      if (y != floor (y))
        {
          /* a complex root, as CPython 3.11's float_pow hands it to complex */
          return hs_complex_pow_doubles (vm, x, y);
        }
      negate = is_odd_integer (y);
      x = -x;
    }
  r = pow (x, y);
  if (isinf (r))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "(34, 'Numerical result out of range')");
      return NULL;
    }
  return hs_float_new (vm, negate ? -r : r);
}

/* Python's divmod for doubles (wy != 0): the remainder has the divisor's sign. */
static void
float_divmod (double vx, double wx, double *floordiv, double *mod)
{
  double div, m = fmod (vx, wx);

  div = (vx - m) / wx;
  if (m != 0)
    {
      if ((wx < 0) != (m < 0))
        {
          m += wx;
          div -= 1.0;
        }
    }
  else
    m = copysign (0.0, wx);
  if (div != 0)
    {
      double fl = floor (div);
      if (div - fl > 0.5)
        fl += 1.0;
      div = fl;
    }
  else
    div = copysign (0.0, vx / wx);
  *floordiv = div;
  *mod = m;
}

static gboolean
is_number (HsObject *o)
{
  return HS_ISINSTANCE (o, &hs_float_type) || hs_int_check (o);
}

HsObject *
hs_float_arith (HsVM *vm, HsBinOp op, double x, double y)
{
  double q, m;

  g_assert (op < HS_BIN_LSHIFT);
  if (hs_float_arith_exact (op, x, y, &q))
    return hs_float_new (vm, q);
  if (op == HS_BIN_POW)
    return hs_float_pow (vm, x, y);
  if (y == 0)
    {
      hs_err_set_string (vm, &hs_exc_ZeroDivisionError,
                         op == HS_BIN_TRUEDIV    ? "float division by zero"
                         : op == HS_BIN_FLOORDIV ? "float floor division by zero"
                                                 : "float modulo");
      return NULL;
    }
  float_divmod (x, y, &q, &m);
  return hs_float_new (vm, op == HS_BIN_FLOORDIV ? q : m);
}

static HsObject *
float_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  double x, y;

  if (!is_number (a) || !is_number (b))
    return hs_incref (hs_NotImplemented);
  if (op >= HS_BIN_LSHIFT)
    return hs_incref (hs_NotImplemented);
  if (hs_number_as_double (vm, a, &x) < 0 || hs_number_as_double (vm, b, &y) < 0)
    return NULL;
  return hs_float_arith (vm, op, x, y);
}

static HsObject *
float_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  switch (op)
    {
      case HS_UNARY_NEG:
        return hs_float_new (vm, -hs_float_value (self));
      case HS_UNARY_POS:
        return HS_IS (self, &hs_float_type) ? hs_incref (self)
                                            : hs_float_new (vm, hs_float_value (self));
      default:
        hs_err_format (vm, &hs_exc_TypeError, "bad operand type for unary ~: '%s'",
                       hs_type_name (self));
        return NULL;
    }
}

static HsObject *
float_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  double x = hs_float_value (a);
  int c;

  if (HS_ISINSTANCE (b, &hs_float_type))
    {
      double y = hs_float_value (b);
      switch (op)
        {
          case HS_CMP_LT:
            return hs_bool_from (x < y);
          case HS_CMP_LE:
            return hs_bool_from (x <= y);
          case HS_CMP_EQ:
            return hs_bool_from (x == y);
          case HS_CMP_NE:
            return hs_bool_from (x != y);
          case HS_CMP_GT:
            return hs_bool_from (x > y);
          case HS_CMP_GE:
            return hs_bool_from (x >= y);
        }
    }
  if (!hs_int_check (b))
    return hs_incref (hs_NotImplemented);
  c = hs_int_compare_double (b, x);
  if (c == 2)
    return hs_bool_from (op == HS_CMP_NE);
  c = -c;
  return hs_bool_from (hs_compare_holds (c, op));
}

static int
float_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  *out = hs_hash_double (self, hs_float_value (self));
  return 0;
}

static int
float_truth (HsVM *vm, HsObject *self)
{
  return hs_float_value (self) != 0;
}

static HsObject *
float_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x;
  double d;

  if (kwnames != NULL && hs_tuple_len (kwnames) > 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "float() takes no keyword arguments");
      return NULL;
    }
  if (nargs > 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "float expected at most 1 argument, got %" G_GSIZE_FORMAT, nargs);
      return NULL;
    }
  if (nargs == 0)
    return hs_float_new (vm, 0.0);
  x = args[0];
  if (HS_IS (x, &hs_float_type))
    return hs_incref (x);
  if (HS_IS (x, &hs_str_type))
    return hs_float_from_str (vm, hs_str_utf8 (x), hs_str_byte_len (x));
  /* PyNumber_Float: __float__, then __index__, then a str's text */
  if (!is_number (x) && hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__float__")) != NULL)
    return float_from_hook (vm, x); /* the float it returns, itself */
  if (is_number (x) || hs_object_has_index (x))
    {
      if (hs_number_as_double (vm, x, &d) < 0)
        return NULL;
      return hs_float_new (vm, d);
    }
  if (HS_ISINSTANCE (x, &hs_str_type))
    return hs_float_from_str (vm, hs_str_utf8 (x), hs_str_byte_len (x));
  hs_err_format (vm, &hs_exc_TypeError,
                 "float() argument must be a string or a real number, not '%s'", hs_type_name (x));
  return NULL;
}

/* ---- rounding and the numeric builtins -------------------------------------------- */

/* round(x) for a double: half to even, as an int. */
static HsObject *
float_round_to_int (HsVM *vm, double x)
{
  double r = round (x);
  if (fabs (x - r) == 0.5)
    r = 2.0 * round (x / 2.0);
  return hs_int_from_double (vm, r);
}

/* round(x, n): exact decimal rounding of the double (half to even), then the nearest
 * double to that decimal — what CPython gets from dtoa. */
static HsObject *
float_round_ndigits (HsVM *vm, double x, gint64 n)
{
  int e;
  double mant;
  mpz_t num, den, q, r;
  HsObject *a, *b, *res;

  if (n > 323 || isnan (x) || isinf (x) || x == 0)
    return hs_float_new (vm, x);
  if (n < -308)
    return hs_float_new (vm, 0.0 * x);
  mant = frexp (fabs (x), &e);
  mpz_inits (num, den, q, r, NULL);
  mpz_set_d (num, ldexp (mant, DBL_MANT_DIG));
  e -= DBL_MANT_DIG;
  mpz_set_ui (den, 1);
  if (e > 0)
    mpz_mul_2exp (num, num, e);
  else
    mpz_mul_2exp (den, den, -e);
  if (n > 0)
    {
      mpz_ui_pow_ui (r, 10, n);
      mpz_mul (num, num, r);
    }
  else
    {
      mpz_ui_pow_ui (r, 10, -n);
      mpz_mul (den, den, r);
    }
  mpz_fdiv_qr (q, r, num, den);
  mpz_mul_2exp (r, r, 1);
  if (mpz_cmp (r, den) > 0 || (mpz_cmp (r, den) == 0 && mpz_odd_p (q)))
    mpz_add_ui (q, q, 1);
  /* value = q * 10**-n */
  mpz_set_ui (den, 1);
  if (n > 0)
    mpz_ui_pow_ui (den, 10, n);
  else
    {
      mpz_ui_pow_ui (r, 10, -n);
      mpz_mul (q, q, r);
    }
  if (x < 0)
    mpz_neg (q, q);
  a = hs_int_from_mpz_take (vm, q);
  b = hs_int_from_mpz_take (vm, den);
  mpz_clears (num, r, NULL);
  if (a == NULL || b == NULL)
    {
      hs_xdecref (vm, a);
      hs_xdecref (vm, b);
      return NULL;
    }
  if (hs_int_sign (a) == 0)
    res = hs_float_new (vm, copysign (0.0, x));
  else
    res = hs_int_binop (vm, HS_BIN_TRUEDIV, a, b);
  hs_decref (vm, a);
  hs_decref (vm, b);
  if (res == NULL && hs_err_matches (vm, &hs_exc_OverflowError))
    {
      hs_err_clear (vm);
      hs_err_set_string (vm, &hs_exc_OverflowError, "rounded value too large to represent");
    }
  return res;
}

HsObject *
hs_number_round (HsVM *vm, HsObject *x, HsObject *ndigits)
{
  gint64 n;

  if (ndigits != NULL && ndigits != hs_None && !hs_int_check (ndigits)
      && hs_object_has_index (ndigits))
    {
      HsObject *i = hs_number_index (vm, ndigits), *r;
      r = i != NULL ? hs_number_round (vm, x, i) : NULL;
      hs_xdecref (vm, i);
      return r;
    }
  if (ndigits != NULL && ndigits != hs_None && !hs_int_check (ndigits))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (ndigits));
      return NULL;
    }
  if (hs_int_check (x))
    return hs_int_round (vm, x, ndigits);
  if (!HS_ISINSTANCE (x, &hs_float_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "type %s doesn't define __round__ method",
                     hs_type_name (x));
      return NULL;
    }
  if (ndigits == NULL || ndigits == hs_None)
    return float_round_to_int (vm, hs_float_value (x));
  if (!hs_int_as_i64 (ndigits, &n))
    n = hs_int_sign (ndigits) > 0 ? G_MAXINT64 : G_MININT64;
  return float_round_ndigits (vm, hs_float_value (x), n);
}

HsObject *
hs_number_abs (HsVM *vm, HsObject *x)
{
  if (hs_int_check (x))
    return hs_int_abs (vm, x);
  if (HS_ISINSTANCE (x, &hs_float_type))
    return hs_float_new (vm, fabs (hs_float_value (x)));
  if (hs_complex_check (x))
    return hs_complex_abs (vm, x);
  HsObject *r = call_number_hook (vm, x, "__abs__", NULL);
  if (r != hs_NotImplemented)
    return r;
  hs_decref (vm, r);
  hs_err_format (vm, &hs_exc_TypeError, "bad operand type for abs(): '%s'", hs_type_name (x));
  return NULL;
}

HsObject *
hs_number_divmod (HsVM *vm, HsObject *a, HsObject *b)
{
  double x, y, q, m;
  HsObject *t;

  if (!is_number (a) || !is_number (b))
    {
      t = call_number_hook (vm, a, "__divmod__", b);
      if (t != hs_NotImplemented)
        return t;
      hs_decref (vm, t);
      t = call_number_hook (vm, b, "__rdivmod__", a);
      if (t != hs_NotImplemented)
        return t;
      hs_decref (vm, t);
      hs_err_format (vm, &hs_exc_TypeError,
                     "unsupported operand type(s) for divmod(): '%s' and '%s'", hs_type_name (a),
                     hs_type_name (b));
      return NULL;
    }
  if (hs_int_check (a) && hs_int_check (b))
    return hs_int_divmod (vm, a, b);
  if (hs_number_as_double (vm, a, &x) < 0 || hs_number_as_double (vm, b, &y) < 0)
    return NULL;
  if (y == 0)
    {
      hs_err_set_string (vm, &hs_exc_ZeroDivisionError, "float divmod()");
      return NULL;
    }
  float_divmod (x, y, &q, &m);
  t = hs_tuple_new (vm, 2);
  if (t == NULL)
    return NULL;
  hs_tuple_items (t)[0] = hs_float_new (vm, q);
  hs_tuple_items (t)[1] = hs_float_new (vm, m);
  if (hs_tuple_items (t)[0] == NULL || hs_tuple_items (t)[1] == NULL)
    {
      hs_decref (vm, t);
      return NULL;
    }
  return t;
}

/* Which nb_power CPython's type has: one C function per kind (every class defining
 * __pow__ or __rpow__ shares slot_nb_power), so that pow() tries each distinct one once. */
typedef enum
{
  POW_NONE,
  POW_INT,
  POW_FLOAT,
  POW_COMPLEX,
  POW_CLASS,
} PowSlot;

static gboolean
defines_in_python (const HsType *t, const char *name)
{
  HsObject *f = hs_type_lookup_borrow (t, hs_str_intern_cstr (name));
  return f != NULL && f != hs_None && !hs_method_descr_check (f);
}

static PowSlot
pow_slot (const HsType *t)
{
  if ((t->type_flags & HS_TYPE_HEAP)
      && (defines_in_python (t, "__pow__") || defines_in_python (t, "__rpow__")))
    return POW_CLASS;
  if (hs_type_is_subtype (t, &hs_int_type))
    return POW_INT;
  if (hs_type_is_subtype (t, &hs_float_type))
    return POW_FLOAT;
  return hs_type_is_subtype (t, &hs_complex_type) ? POW_COMPLEX : POW_NONE;
}

static gboolean
is_real (HsObject *o)
{
  return hs_int_check (o) || hs_type_is_subtype (o->type, &hs_float_type);
}

/* nb_power(v, w, z) of the kind s with a modulus: long_pow, float_pow, complex_pow,
 * slot_nb_power (which calls v's __pow__(w, z) when v's class has that slot). */
static HsObject *
pow_call (HsVM *vm, PowSlot s, HsObject *v, HsObject *w, HsObject *z)
{
  switch (s)
    {
      case POW_INT:
        if (hs_int_check (v) && hs_int_check (w) && hs_int_check (z))
          return hs_int_pow_mod (vm, v, w, z);
        break;
      case POW_FLOAT:
        if (!is_real (v) || !is_real (w))
          break;
        hs_err_set_string (vm, &hs_exc_TypeError,
                           "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
      case POW_COMPLEX:
        if (!(is_real (v) || hs_complex_check (v)) || !(is_real (w) || hs_complex_check (w)))
          break;
        hs_err_set_string (vm, &hs_exc_ValueError, "complex modulo");
        return NULL;
      case POW_CLASS:
        {
          HsObject *fn = pow_slot (v->type) == POW_CLASS
                             ? hs_type_lookup_borrow (v->type, hs_str_intern_cstr ("__pow__"))
                             : NULL;
          HsObject *bound = fn != NULL ? hs_descr_get (vm, fn, v, v->type) : NULL, *r;
          if (fn == NULL)
            break;
          if (bound == NULL)
            return NULL;
          r = hs_object_call (vm, bound, (HsObject *[]){ w, z }, 2, NULL);
          hs_decref (vm, bound);
          return r;
        }
      case POW_NONE:
        break;
    }
  return hs_incref (hs_NotImplemented);
}

HsObject *
hs_number_pow_slot (HsVM *vm, HsObject *self, HsObject *v, HsObject *w, HsObject *z)
{
  return pow_call (vm, pow_slot (self->type), v, w, z);
}

/* CPython's ternary_op for pow(v, w, z): v's slot (w's first when w's class derives from
 * v's), then w's, then z's, each distinct one once, until one gives other than
 * NotImplemented. */
static HsObject *
pow_ternary (HsVM *vm, HsObject *v, HsObject *w, HsObject *z)
{
  PowSlot sv = pow_slot (v->type), sw = pow_slot (w->type), sz = pow_slot (z->type);
  HsObject *x;

  if (w->type == v->type || sw == sv)
    sw = POW_NONE;
  if (sv != POW_NONE)
    {
      if (sw != POW_NONE && hs_type_is_subtype (w->type, v->type))
        {
          if ((x = pow_call (vm, sw, v, w, z)) != hs_NotImplemented)
            return x;
          hs_decref (vm, x);
          sw = POW_NONE;
        }
      if ((x = pow_call (vm, sv, v, w, z)) != hs_NotImplemented)
        return x;
      hs_decref (vm, x);
    }
  if (sw != POW_NONE)
    {
      if ((x = pow_call (vm, sw, v, w, z)) != hs_NotImplemented)
        return x;
      hs_decref (vm, x);
    }
  if (sz != POW_NONE && sz != sv && sz != sw)
    {
      if ((x = pow_call (vm, sz, v, w, z)) != hs_NotImplemented)
        return x;
      hs_decref (vm, x);
    }
  hs_err_format (vm, &hs_exc_TypeError,
                 "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", hs_type_name (v),
                 hs_type_name (w), hs_type_name (z));
  return NULL;
}

HsObject *
hs_number_pow (HsVM *vm, HsObject *a, HsObject *b, HsObject *mod)
{
  if (mod == NULL || mod == hs_None)
    return hs_number_binop (vm, HS_BIN_POW, a, b);
  return pow_ternary (vm, a, b, mod);
}

/* ---- methods ---------------------------------------------------------------------- */

static HsObject *
float_is_integer (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double v = hs_float_value (args[0]);
  if (nargs != 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "float.is_integer() takes no arguments (%" G_GSIZE_FORMAT " given)",
                     nargs - 1);
      return NULL;
    }
  return hs_bool_from (isfinite (v) && floor (v) == v);
}

static HsObject *
float_conjugate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_float_new (vm, hs_float_value (args[0]));
}

/* real and imag, then the methods */
static HsObject *
float_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *part = hs_float_part (vm, self, name);
  return part != NULL || hs_err_occurred (vm) ? part : hs_object_generic_getattr (vm, self, name);
}

/* float.__getformat__(typestr): how the machine stores a C double or float, as CPython
 * reports it on the little-endian IEEE machines Heapscope runs on. */
static HsObject *
float_getformat (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *typestr;
  if (!hs_parse_args (vm, "float.__getformat__", args + 1, nargs - 1, kwnames, "!typestr",
                      &typestr))
    return NULL;
  if (!hs_str_check (typestr))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__getformat__() argument must be str, not %s",
                     hs_type_name (typestr));
      return NULL;
    }
  if (strcmp (hs_str_utf8 (typestr), "double") != 0 && strcmp (hs_str_utf8 (typestr), "float") != 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "__getformat__() argument 1 must be 'double' or 'float'");
      return NULL;
    }
  return hs_str_from_cstr (vm, "IEEE, little-endian");
}

static const HsMethodDef float_methods[] = {
  { "__getformat__", float_getformat, HS_METH_CLASS },
  { "__format__", hs_format_dunder },
  { "__abs__", hs_number_dunder_abs, HS_METH_SLOT },
  { "__round__", hs_number_dunder_round },
  { "__divmod__", hs_number_dunder_divmod, HS_METH_SLOT },
  { "__rdivmod__", hs_number_dunder_rdivmod, HS_METH_SLOT },
  { "__float__", hs_number_dunder_float, HS_METH_SLOT },
  { "__getnewargs__", hs_number_dunder_getnewargs },
  { "__int__", hs_float_dunder_trunc, HS_METH_SLOT },
  { "__trunc__", hs_float_dunder_trunc },
  { "__floor__", hs_float_dunder_floor },
  { "__ceil__", hs_float_dunder_ceil },
  { "as_integer_ratio", hs_float_as_integer_ratio },
  { "hex", hs_float_hex },
  { "fromhex", hs_float_fromhex, HS_METH_CLASS },
  { "is_integer", float_is_integer },
  { "conjugate", float_conjugate },
  { NULL, NULL },
};

HsType hs_float_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "float",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsFloat),
  .repr = float_repr,
  .hash = float_hash,
  .richcompare = float_richcompare,
  .binop = float_binop,
  .unaryop = float_unaryop,
  .truth = float_truth,
  .construct = float_construct,
  .getattr = float_getattr,
  .methods = float_methods,
};
