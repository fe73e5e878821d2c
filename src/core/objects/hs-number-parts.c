/* hs-number-parts.c — the parts of an int or a float a program asks for: real, imag,
 * numerator, denominator, as_integer_ratio(), float.hex() and float.fromhex().
 *
 * Invariant: every answer is exact, as CPython's: a float's ratio is its binary value as
 * a fraction in lowest terms (GMP), its hex text has CPython's 13 digits after the point,
 * and fromhex rounds as the C library's correctly rounded strtod does.
 */
#include "config.h"

#include "hs-number-parts.h"

#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-slot-wrapper.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* int(self) of an int, a bool or an int subclass's instance (True.numerator is 1, an int) */
static HsObject *
int_value (HsVM *vm, HsObject *self)
{
  HsInt *i = (HsInt *)self;
  if (HS_IS (self, &hs_int_type))
    return hs_incref (self);
  return i->big != NULL ? hs_int_from_mpz (vm, i->big) : hs_int_from_i64 (vm, i->small);
}

HsObject *
hs_int_part (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "real") || hs_str_equal_cstr (name, "numerator"))
    return int_value (vm, self);
  if (hs_str_equal_cstr (name, "imag"))
    return hs_int_from_i64 (vm, 0);
  if (hs_str_equal_cstr (name, "denominator"))
    return hs_int_from_i64 (vm, 1);
  return NULL;
}

HsObject *
hs_float_part (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "real"))
    return hs_float_new (vm, hs_float_value (self));
  if (hs_str_equal_cstr (name, "imag"))
    return hs_float_new (vm, 0.0);
  return NULL;
}

/* (a, b), taking both */
static HsObject *
pair_take (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *t = a != NULL && b != NULL ? hs_tuple_pack (vm, 2, a, b) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return t;
}

HsObject *
hs_int_as_integer_ratio (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "int.as_integer_ratio", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return pair_take (vm, int_value (vm, args[0]), hs_int_from_i64 (vm, 1));
}

HsObject *
hs_float_as_integer_ratio (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double x = hs_float_value (args[0]), m;
  int e;
  mpz_t num, den;
  HsObject *r;

  if (!hs_parse_args (vm, "float.as_integer_ratio", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (isinf (x))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "cannot convert Infinity to integer ratio");
      return NULL;
    }
  if (isnan (x))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "cannot convert NaN to integer ratio");
      return NULL;
    }
  /* x = m * 2**e with m an integer of at most 53 bits */
  m = frexp (x, &e);
  m = ldexp (m, DBL_MANT_DIG);
  e -= DBL_MANT_DIG;
  mpz_init_set_d (num, m);
  mpz_init_set_ui (den, 1);
  if (e > 0)
    mpz_mul_2exp (num, num, (mp_bitcnt_t)e);
  else if (e < 0)
    {
      /* lowest terms: drop the common factors of two */
      mp_bitcnt_t twos = mpz_sgn (num) != 0 ? mpz_scan1 (num, 0) : (mp_bitcnt_t)-e;
      mp_bitcnt_t shift = MIN (twos, (mp_bitcnt_t)-e);
      mpz_fdiv_q_2exp (num, num, shift);
      mpz_mul_2exp (den, den, (mp_bitcnt_t)-e - shift);
    }
  r = pair_take (vm, hs_int_from_mpz (vm, num), hs_int_from_mpz (vm, den));
  mpz_clear (num);
  mpz_clear (den);
  return r;
}

HsObject *
hs_float_hex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double x = hs_float_value (args[0]), m;
  int e, shift;
  GString *out;

  if (!hs_parse_args (vm, "float.hex", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (isnan (x) || isinf (x))
    return hs_str_from_cstr (vm, isnan (x) ? "nan" : x > 0 ? "inf" : "-inf");
  if (x == 0.0)
    return hs_str_from_cstr (vm, signbit (x) ? "-0x0.0p+0" : "0x0.0p+0");
  /* CPython's float_hex: a leading digit, then 13 hex digits of the 53-bit mantissa */
  m = frexp (fabs (x), &e);
  shift = 1 - MAX (DBL_MIN_EXP - e, 0);
  m = ldexp (m, shift);
  e -= shift;
  out = g_string_new (x < 0.0 ? "-0x" : "0x");
  g_string_append_c (out, "0123456789abcdef"[(int)m]);
  m -= (int)m;
  g_string_append_c (out, '.');
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++)
    {
      m *= 16.0;
      g_string_append_c (out, "0123456789abcdef"[(int)m]);
      m -= (int)m;
    }
  g_string_append_printf (out, "p%c%d", e < 0 ? '-' : '+', ABS (e));
  return hs_str_from_gstring (vm, out);
}

/* Python's grammar for fromhex: [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits],
 * or inf/infinity/nan; the C library does the correctly rounded conversion. */
static gboolean
parse_hex_float (const char *s, double *out, gboolean *overflow)
{
  g_autoptr (GString) c = g_string_new (NULL);
  const char *p = s;
  gboolean digits = FALSE;
  char *end;

  *overflow = FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+' || *p == '-')
    g_string_append_c (c, *p++);
  if (g_ascii_strncasecmp (p, "inf", 3) == 0 || g_ascii_strncasecmp (p, "nan", 3) == 0)
    {
      gsize n = g_ascii_strncasecmp (p, "infinity", 8) == 0 ? 8 : 3;
      g_string_append_len (c, p, n);
      p += n;
    }
  else
    {
      if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
      g_string_append (c, "0x");
      for (; g_ascii_isxdigit (*p); p++, digits = TRUE)
        g_string_append_c (c, *p);
      if (*p == '.')
        for (g_string_append_c (c, *p++); g_ascii_isxdigit (*p); p++, digits = TRUE)
          g_string_append_c (c, *p);
      if (!digits)
        return FALSE;
      if (*p == 'p' || *p == 'P')
        {
          g_string_append_c (c, *p++);
          if (*p == '+' || *p == '-')
            g_string_append_c (c, *p++);
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            g_string_append_c (c, *p++);
        }
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  errno = 0;
  *out = strtod (c->str, &end);
  *overflow = errno == ERANGE && isinf (*out);
  return *end == '\0';
}

HsObject *
hs_float_fromhex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s;
  double v;
  gboolean overflow;

  if (!hs_parse_args (vm, "float.fromhex", args + 1, nargs - 1, kwnames, "!string", &s))
    return NULL;
  if (!hs_str_check (s))
    {
      hs_err_format (vm, &hs_exc_TypeError, "bad argument type for built-in operation");
      return NULL;
    }
  if (strlen (hs_str_utf8 (s)) != hs_str_byte_len (s)
      || !parse_hex_float (hs_str_utf8 (s), &v, &overflow))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "invalid hexadecimal floating-point string");
      return NULL;
    }
  if (overflow)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError,
                         "hexadecimal value too large to represent as a float");
      return NULL;
    }
  return hs_float_new (vm, v);
}

/* ---- the dunders CPython's int and float have beyond the operator slots -------------- */

static gboolean
is_float (HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_float_type);
}

/* CPython's slot wrappers' checks: these are slot wrappers there */
static gboolean
no_args (HsVM *vm, const char *name, gsize nargs, HsObject *kwnames)
{
  if (kwnames == NULL || hs_tuple_len (kwnames) == 0)
    return hs_slot_wrapper_nargs (vm, nargs, 0);
  hs_err_format (vm, &hs_exc_TypeError, "wrapper %s() takes no keyword arguments", name);
  return FALSE;
}

HsObject *
hs_number_dunder_abs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return no_args (vm, "__abs__", nargs, kwnames) ? hs_number_abs (vm, args[0]) : NULL;
}

HsObject *
hs_number_dunder_round (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *nd = NULL;
  if (!hs_parse_args (vm, "__round__", args + 1, nargs - 1, kwnames, "| ndigits /", &nd))
    return NULL;
  if (nd == hs_None && !is_float (args[0]))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "'NoneType' object cannot be interpreted as an integer");
      return NULL;
    }
  return hs_number_round (vm, args[0], nd == hs_None ? NULL : nd);
}

/* __divmod__ and __rdivmod__: NotImplemented for an operand the type does not take (an
 * int takes ints, a float ints and floats), as CPython's nb_divmod. */
static HsObject *
divmod_dunder (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean reflected)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, reflected ? "__rdivmod__" : "__divmod__", args + 1, nargs - 1, kwnames,
                      "value /", &other))
    return NULL;
  gboolean takes = hs_int_check (other) || (is_float (args[0]) && is_float (other));
  if (!takes)
    return hs_incref (hs_NotImplemented);
  return reflected ? hs_number_divmod (vm, other, args[0]) : hs_number_divmod (vm, args[0], other);
}

HsObject *
hs_number_dunder_divmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return divmod_dunder (vm, args, nargs, kwnames, FALSE);
}

HsObject *
hs_number_dunder_rdivmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return divmod_dunder (vm, args, nargs, kwnames, TRUE);
}

HsObject *
hs_number_dunder_float (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  double d;
  if (!no_args (vm, "__float__", nargs, kwnames))
    return NULL;
  if (HS_IS (args[0], &hs_float_type))
    return hs_incref (args[0]);
  if (is_float (args[0]))
    return hs_float_new (vm, hs_float_value (args[0]));
  return hs_int_as_double (vm, args[0], &d) < 0 ? NULL : hs_float_new (vm, d);
}

/* __int__, __index__, __trunc__, __floor__ and __ceil__ of an int: its value as an int. */
HsObject *
hs_int_dunder_value (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return no_args (vm, "__int__", nargs, kwnames) ? int_value (vm, args[0]) : NULL;
}

/* __getnewargs__ of an int or a float: (its plain value,) */
HsObject *
hs_number_dunder_getnewargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v, *t;
  if (!no_args (vm, "__getnewargs__", nargs, kwnames))
    return NULL;
  v = is_float (args[0]) ? hs_float_new (vm, hs_float_value (args[0])) : int_value (vm, args[0]);
  t = v != NULL ? hs_tuple_pack (vm, 1, v) : NULL;
  hs_xdecref (vm, v);
  return t;
}

#define FLOAT_TO_INT(NAME, EXPR)                                                                   \
  HsObject *hs_float_dunder_##NAME (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)     \
  {                                                                                                \
    double v = hs_float_value (args[0]);                                                           \
    return no_args (vm, "__" #NAME "__", nargs, kwnames) ? hs_int_from_double (vm, EXPR) : NULL;   \
  }
FLOAT_TO_INT (trunc, v)
FLOAT_TO_INT (floor, floor (v))
FLOAT_TO_INT (ceil, ceil (v))
