/* hs-mod-decimal.c — the `decimal` module: Decimal, Context, localcontext and the signals,
 * following the General Decimal Arithmetic specification as CPython 3.11's decimal does.
 *
 * Invariant: a Decimal is a sign, a kind (finite, infinity, quiet or signalling NaN), an
 * exponent and a coefficient (a GMP integer, never negative; a NaN's payload); its value is
 * (-1)**sign * coefficient * 10**exponent. Operations compute the exact result and round it
 * once to the current context's precision with its rounding, as the specification asks. The
 * current context lives in the module's dict (hidden name); the signals are classes made when
 * the module is imported (some have two bases, as CPython's), raised when trapped with
 * CPython's message, the list of the conditions that occurred: [<class 'decimal.X'>].
 */
#include "config.h"

#include <gmp.h>
#include <math.h>
#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

#include "hs-decimal.h"

const char *const hs_decimal_rounding_names[8]
    = { "ROUND_UP",      "ROUND_DOWN",      "ROUND_CEILING",   "ROUND_FLOOR",
        "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_05UP" };
const char *const hs_decimal_signal_names[9]
    = { "InvalidOperation", "FloatOperation", "DivisionByZero", "Overflow", "Underflow",
        "Subnormal",        "Inexact",        "Rounded",        "Clamped" };

static gboolean
is_decimal (const HsObject *o)
{
  return HS_ISINSTANCE (o, &hs_decimal_type);
}

/* ---- numbers ---------------------------------------------------------------------------- */

void
hs_decimal_num_init (Num *n)
{
  n->sign = 0;
  n->kind = K_FINITE;
  n->exp = 0;
  mpz_init (n->c);
}

static void
num_clear (Num *n)
{
  mpz_clear (n->c);
}

void
hs_decimal_num_set (Num *d, const Num *s)
{
  d->sign = s->sign;
  d->kind = s->kind;
  d->exp = s->exp;
  mpz_set (d->c, s->c);
}

static gboolean
is_nan (const Num *n)
{
  return n->kind == K_NAN || n->kind == K_SNAN;
}

/* The number of decimal digits of z (1 for 0). */
static gint64
ndigits (mpz_srcptr z)
{
  gint64 n;
  mpz_t p;
  if (mpz_sgn (z) == 0)
    return 1;
  n = (gint64)mpz_sizeinbase (z, 10);
  mpz_init (p);
  mpz_ui_pow_ui (p, 10, (unsigned long)(n - 1));
  if (mpz_cmpabs (z, p) < 0)
    n--;
  mpz_clear (p);
  return n;
}

static void
mul_pow10 (mpz_ptr z, gint64 k)
{
  mpz_t p;
  if (k <= 0)
    return;
  mpz_init (p);
  mpz_ui_pow_ui (p, 10, (unsigned long)k);
  mpz_mul (z, z, p);
  mpz_clear (p);
}

/* Drops k > 0 digits of n's coefficient, rounding by `mode`; returns the signals that
 * raises (Rounded, and Inexact when a dropped digit was not 0). */
static guint
drop_digits (Num *n, gint64 k, int mode)
{
  mpz_t p, r;
  int cmp, up = 0;
  guint sig = S_ROUNDED;
  if (k <= 0)
    return 0;
  mpz_inits (p, r, NULL);
  mpz_ui_pow_ui (p, 10, (unsigned long)k);
  mpz_tdiv_qr (n->c, r, n->c, p);
  if (mpz_sgn (r) != 0)
    sig |= S_INEXACT;
  mpz_mul_2exp (r, r, 1);
  cmp = mpz_sgn (r) == 0 ? -2 : mpz_cmp (r, p); /* -2: exact */
  switch (mode)
    {
      case R_DOWN:
        break;
      case R_UP:
        up = cmp != -2;
        break;
      case R_CEILING:
        up = cmp != -2 && !n->sign;
        break;
      case R_FLOOR:
        up = cmp != -2 && n->sign;
        break;
      case R_HALF_UP:
        up = cmp >= 0;
        break;
      case R_HALF_DOWN:
        up = cmp > 0;
        break;
      case R_HALF_EVEN:
        up = cmp > 0 || (cmp == 0 && mpz_odd_p (n->c));
        break;
      default: /* R_05UP */
        up = cmp != -2 && (mpz_fdiv_ui (n->c, 5) == 0);
        break;
    }
  if (up)
    mpz_add_ui (n->c, n->c, 1);
  n->exp += k;
  mpz_clears (p, r, NULL);
  return sig;
}

/* ---- objects ---------------------------------------------------------------------------- */

static void
decimal_dealloc (HsVM *vm, HsObject *self)
{
  num_clear (NUM (self));
}

/* A Decimal of n's value (n left as it was). */
static HsObject *
decimal_from_num (HsVM *vm, const Num *n)
{
  HsDecimal *d = (HsDecimal *)hs_object_alloc (vm, &hs_decimal_type, sizeof (HsDecimal));
  if (d == NULL)
    return NULL;
  hs_decimal_num_init (&d->n);
  hs_decimal_num_set (&d->n, n);
  return &d->header;
}

/* ---- the context and the signals --------------------------------------------------------- */

HsObject *
hs_decimal_module_dict (HsVM *vm)
{
  HsObject *m
      = vm->modules != NULL ? hs_dict_get_item_cstr_borrow (vm, vm->modules, "decimal") : NULL;
  return m != NULL ? ((HsModuleObject *)m)->dict : NULL;
}

HsObject *
hs_decimal_context_new (HsVM *vm)
{
  HsContext *c = (HsContext *)hs_object_alloc (vm, &hs_decimal_context_type, sizeof (HsContext));
  if (c == NULL)
    return NULL;
  c->prec = 28;
  c->emin = -999999;
  c->emax = 999999;
  c->rounding = R_HALF_EVEN;
  c->capitals = 1;
  c->clamp = 0;
  c->flags = 0;
  c->traps = S_INVALID | S_DIVZERO | S_OVERFLOW;
  return &c->header;
}

HsObject *
hs_decimal_context_copy (HsVM *vm, HsObject *src)
{
  HsObject *c = hs_decimal_context_new (vm);
  if (c != NULL)
    {
      HsObject saved = *c;
      memcpy (c, src, sizeof (HsContext));
      *c = saved;
    }
  return c;
}

int
hs_decimal_module_store (HsVM *vm, HsObject *dict, const char *name, HsObject *value)
{
  HsObject *old = hs_dict_get_item_cstr_borrow (vm, dict, name);
  if (old != NULL)
    hs_object_mark_dirty (vm, old);
  value->flags |= HS_FLAG_NAMESPACE;
  hs_object_mark_dirty (vm, value);
  return hs_dict_set_item (vm, dict, hs_str_intern_cstr (name), value);
}

/* The current context (borrowed): the module's, made on first use. */
HsContext *
hs_decimal_current (HsVM *vm)
{
  HsObject *d = hs_decimal_module_dict (vm), *c;
  static HsContext fallback;
  if (d == NULL)
    goto none;
  c = hs_dict_get_item_cstr_borrow (vm, d, CONTEXT_KEY);
  if (c != NULL && HS_ISINSTANCE (c, &hs_decimal_context_type))
    return CTX (c);
  /* a copy of DefaultContext, as CPython's first getcontext() of a thread */
  c = hs_dict_get_item_cstr_borrow (vm, d, "DefaultContext");
  c = c != NULL && HS_ISINSTANCE (c, &hs_decimal_context_type) ? hs_decimal_context_copy (vm, c)
                                                               : hs_decimal_context_new (vm);
  if (c == NULL)
    goto none;
  /* not hs_module_add_take: the program's context is no immortal part of the module */
  int r = hs_decimal_module_store (vm, d, CONTEXT_KEY, c);
  hs_decref (vm, c);
  if (r == 0)
    return CTX (c);
none:
  hs_err_clear (vm);
  fallback.prec = 28;
  fallback.rounding = R_HALF_EVEN;
  fallback.traps = S_INVALID | S_DIVZERO | S_OVERFLOW;
  fallback.capitals = 1;
  return &fallback;
}

/* Raises `signal` (a name) with the condition `cond` when ctx traps it, after noting it in
 * the flags; returns FALSE when it raised. */
static gboolean
signal_raise (HsVM *vm, HsContext *ctx, guint sig, const char *cond)
{
  int i = 0;
  ctx->flags |= sig;
  if (!(ctx->traps & sig))
    return TRUE;
  while (!(sig & (1u << i)))
    i++;
  HsObject *d = hs_decimal_module_dict (vm);
  HsObject *cls
      = d != NULL ? hs_dict_get_item_cstr_borrow (vm, d, hs_decimal_signal_names[i]) : NULL;
  HsObject *cond_cls
      = d != NULL
            ? hs_dict_get_item_cstr_borrow (vm, d, cond != NULL ? cond : hs_decimal_signal_names[i])
            : NULL;
  if (cls == NULL || !HS_ISINSTANCE (cls, &hs_type_type) || cond_cls == NULL)
    {
      hs_err_format (vm, &hs_exc_ArithmeticError, "[<class 'decimal.%s'>]",
                     cond != NULL ? cond : hs_decimal_signal_names[i]);
      return FALSE;
    }
  /* CPython's args: a list of the conditions' classes */
  HsObject *list = hs_list_from_array (vm, &cond_cls, 1);
  HsObject *args = list != NULL ? hs_tuple_pack (vm, 1, list) : NULL;
  HsObject *exc = args != NULL ? hs_exception_new (vm, (HsType *)cls, args) : NULL;
  if (exc != NULL)
    hs_err_set_object (vm, exc);
  hs_xdecref (vm, exc);
  hs_xdecref (vm, args);
  hs_xdecref (vm, list);
  return FALSE;
}

/* Notes the signals of a rounding (Inexact also raises when trapped). */
static gboolean
signal_all (HsVM *vm, HsContext *ctx, guint sig)
{
  if ((sig & S_INEXACT) && !signal_raise (vm, ctx, S_INEXACT, NULL))
    return FALSE;
  if ((sig & S_ROUNDED) && !signal_raise (vm, ctx, S_ROUNDED, NULL))
    return FALSE;
  return TRUE;
}

/* n rounded to the context's precision (with `mode`, -1 the context's); FALSE if it raised */
static gboolean
round_to (HsVM *vm, HsContext *ctx, Num *n, gint64 prec, int mode)
{
  gint64 nd;
  guint sig = 0;
  if (n->kind != K_FINITE)
    return TRUE;
  nd = ndigits (n->c);
  if (nd > prec)
    {
      sig = drop_digits (n, nd - prec, mode < 0 ? ctx->rounding : mode);
      if (ndigits (n->c) > prec)
        drop_digits (n, 1, R_DOWN);
    }
  return signal_all (vm, ctx, sig);
}

gboolean
hs_decimal_finish (HsVM *vm, HsContext *ctx, Num *n)
{
  return round_to (vm, ctx, n, ctx->prec, -1);
}

/* A quiet NaN result of an invalid operation, or FALSE when InvalidOperation is trapped */
static gboolean
invalid (HsVM *vm, HsContext *ctx, Num *r, const char *cond)
{
  r->kind = K_NAN;
  r->sign = 0;
  mpz_set_ui (r->c, 0);
  return signal_raise (vm, ctx, S_INVALID, cond);
}

/* The NaN result of an operation with a NaN operand (the first's, a signalling one
 * first): TRUE in *done when there was one; FALSE when it raised. */
static gboolean
nan_operands (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *r, gboolean *done)
{
  const Num *pick = NULL;
  *done = FALSE;
  if (a->kind == K_SNAN)
    pick = a;
  else if (b != NULL && b->kind == K_SNAN)
    pick = b;
  else if (a->kind == K_NAN)
    pick = a;
  else if (b != NULL && b->kind == K_NAN)
    pick = b;
  if (pick == NULL)
    return TRUE;
  *done = TRUE;
  hs_decimal_num_set (r, pick);
  if (pick->kind == K_SNAN)
    {
      r->kind = K_NAN;
      return signal_raise (vm, ctx, S_INVALID, NULL);
    }
  return TRUE;
}

/* ---- conversions into a Num ----------------------------------------------------------------- */

/* An exact float's value into n */
static void
num_from_double (Num *n, double v)
{
  mpq_t q;
  n->sign = signbit (v) ? 1 : 0;
  if (isnan (v))
    {
      n->kind = K_NAN;
      n->sign = 0;
      mpz_set_ui (n->c, 0);
      return;
    }
  if (isinf (v))
    {
      n->kind = K_INF;
      mpz_set_ui (n->c, 0);
      return;
    }
  n->kind = K_FINITE;
  mpq_init (q);
  mpq_set_d (q, fabs (v));
  gint64 k = (gint64)mpz_scan1 (mpq_denref (q), 0); /* the denominator is 2**k */
  mpz_set (n->c, mpq_numref (q));
  if (k > 0)
    {
      mpz_t p;
      mpz_init (p);
      mpz_ui_pow_ui (p, 5, (unsigned long)k);
      mpz_mul (n->c, n->c, p);
      mpz_clear (p);
    }
  n->exp = -k;
  mpq_clear (q);
}

static void
num_from_int (Num *n, HsObject *o)
{
  n->kind = K_FINITE;
  n->exp = 0;
  hs_int_get_mpz (o, n->c);
  n->sign = mpz_sgn (n->c) < 0;
  mpz_abs (n->c, n->c);
}

/* Digits with single underscores between them from p: the end, and their value in z */
static const char *
read_digits (const char *p, mpz_ptr z, gint64 *count)
{
  GString *s = g_string_new (NULL);
  while (g_ascii_isdigit (*p) || (*p == '_' && s->len > 0 && g_ascii_isdigit (p[1])))
    {
      if (*p != '_')
        g_string_append_c (s, *p);
      p++;
    }
  *count = (gint64)s->len;
  if (s->len > 0)
    mpz_set_str (z, s->str, 10);
  else
    mpz_set_ui (z, 0);
  g_string_free (s, TRUE);
  return p;
}

/* The specification's numeric string (with Python's underscores and surrounding
 * whitespace) into n; FALSE when it is not one. */
static gboolean
num_from_text (Num *n, const char *text)
{
  const char *p = text, *end;
  gint64 count, frac = 0, edigits;
  mpz_t t;
  gboolean ok = FALSE;

  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  end = p + strlen (p);
  while (end > p)
    {
      const char *prev = g_utf8_find_prev_char (p, end);
      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  g_autofree char *s = g_strndup (p, (gsize)(end - p));
  p = s;
  n->sign = 0;
  n->exp = 0;
  mpz_set_ui (n->c, 0);
  if (*p == '+' || *p == '-')
    n->sign = *p++ == '-';
  if (g_ascii_strcasecmp (p, "inf") == 0 || g_ascii_strcasecmp (p, "infinity") == 0)
    {
      n->kind = K_INF;
      return TRUE;
    }
  if (g_ascii_strncasecmp (p, "nan", 3) == 0 || g_ascii_strncasecmp (p, "snan", 4) == 0)
    {
      n->kind = g_ascii_tolower (*p) == 's' ? K_SNAN : K_NAN;
      p += n->kind == K_SNAN ? 4 : 3;
      if (*p == '\0')
        return TRUE;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      p = read_digits (p, n->c, &count);
      return *p == '\0';
    }
  n->kind = K_FINITE;
  mpz_init (t);
  p = read_digits (p, n->c, &count);
  if (*p == '.')
    {
      p = read_digits (p + 1, t, &frac);
      mul_pow10 (n->c, frac);
      mpz_add (n->c, n->c, t);
      count += frac;
    }
  if (count > 0 && (*p == 'e' || *p == 'E'))
    {
      gboolean eneg = FALSE;
      p++;
      if (*p == '+' || *p == '-')
        eneg = *p++ == '-';
      if (g_ascii_isdigit (*p))
        {
          p = read_digits (p, t, &edigits);
          if (mpz_fits_slong_p (t) && mpz_get_si (t) < G_MAXINT32)
            {
              n->exp = eneg ? -mpz_get_si (t) : mpz_get_si (t);
              ok = *p == '\0';
            }
        }
    }
  else
    ok = count > 0 && *p == '\0';
  n->exp -= frac;
  mpz_clear (t);
  return ok;
}

/* An operand of an arithmetic operation: a Decimal or an int; FALSE for anything else */
static gboolean
operand (HsObject *o, Num *n)
{
  if (is_decimal (o))
    {
      hs_decimal_num_set (n, NUM (o));
      return TRUE;
    }
  if (hs_int_check (o))
    {
      num_from_int (n, o);
      return TRUE;
    }
  return FALSE;
}

/* ---- str and repr ------------------------------------------------------------------------- */

/* The plain (non-exponent) digits of a finite n into out */
static void
plain_digits (const Num *n, GString *out)
{
  char *digits = mpz_get_str (NULL, 10, n->c);
  gint64 len = (gint64)strlen (digits);
  if (n->exp >= 0)
    {
      g_string_append (out, digits);
      if (mpz_sgn (n->c) != 0)
        for (gint64 i = 0; i < n->exp; i++)
          g_string_append_c (out, '0');
    }
  else if (len > -n->exp)
    {
      g_string_append_len (out, digits, len + n->exp);
      g_string_append_c (out, '.');
      g_string_append (out, digits + len + n->exp);
    }
  else
    {
      g_string_append (out, "0.");
      for (gint64 i = 0; i < -n->exp - len; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  free (digits);
}

/* The specification's to-scientific-string into out */
static void
num_to_string (const Num *n, gboolean caps, GString *out)
{
  if (n->sign)
    g_string_append_c (out, '-');
  if (n->kind == K_INF)
    {
      g_string_append (out, "Infinity");
      return;
    }
  if (is_nan (n))
    {
      g_string_append (out, n->kind == K_SNAN ? "sNaN" : "NaN");
      if (mpz_sgn (n->c) != 0)
        {
          char *d = mpz_get_str (NULL, 10, n->c);
          g_string_append (out, d);
          free (d);
        }
      return;
    }
  char *digits = mpz_get_str (NULL, 10, n->c);
  gint64 len = (gint64)strlen (digits), adjusted = n->exp + len - 1;
  if (n->exp <= 0 && adjusted >= -6)
    plain_digits (n, out);
  else
    {
      g_string_append_c (out, digits[0]);
      if (len > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "%c%s%" G_GINT64_FORMAT, caps ? 'E' : 'e',
                              adjusted >= 0 ? "+" : "", adjusted);
    }
  free (digits);
}

static HsObject *
decimal_str (HsVM *vm, HsObject *self)
{
  GString *s = g_string_new (NULL);
  num_to_string (NUM (self), hs_decimal_current (vm)->capitals, s);
  HsObject *r = hs_str_new (vm, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

static HsObject *
decimal_repr (HsVM *vm, HsObject *self)
{
  GString *s = g_string_new ("Decimal('");
  num_to_string (NUM (self), hs_decimal_current (vm)->capitals, s);
  g_string_append (s, "')");
  HsObject *r = hs_str_new (vm, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

/* ---- construction ------------------------------------------------------------------------ */

static gboolean
num_from_tuple (HsVM *vm, HsObject *t, Num *n)
{
  HsObject *sign, *digits, *exp;
  gint64 s, d;
  if (hs_tuple_len (t) != 3)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "argument must be a sequence of length 3");
      return FALSE;
    }
  sign = hs_tuple_get_borrow (t, 0);
  digits = hs_tuple_get_borrow (t, 1);
  exp = hs_tuple_get_borrow (t, 2);
  if (!hs_int_check (sign) || !hs_int_as_i64 (sign, &s) || (s != 0 && s != 1))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "sign must be an integer with the value 0 or 1");
      return FALSE;
    }
  n->sign = (int)s;
  n->kind = K_FINITE;
  if (hs_str_check (exp))
    {
      const char *e = hs_str_utf8 (exp);
      n->kind = strcmp (e, "F") == 0 ? K_INF : strcmp (e, "n") == 0 ? K_NAN : K_SNAN;
      if (strcmp (e, "F") != 0 && strcmp (e, "n") != 0 && strcmp (e, "N") != 0)
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "string argument in the third position must be 'F', 'n' or 'N'");
          return FALSE;
        }
    }
  else if (!hs_int_check (exp) || !hs_int_as_i64 (exp, &n->exp))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "exponent must be an integer");
      return FALSE;
    }
  if (!HS_ISINSTANCE (digits, &hs_tuple_type))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "coefficient must be a tuple of digits");
      return FALSE;
    }
  mpz_set_ui (n->c, 0);
  for (gsize i = 0; i < hs_tuple_len (digits); i++)
    {
      HsObject *x = hs_tuple_get_borrow (digits, i);
      if (!hs_int_check (x) || !hs_int_as_i64 (x, &d) || d < 0 || d > 9)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "coefficient must be a tuple of digits");
          return FALSE;
        }
      mpz_mul_ui (n->c, n->c, 10);
      mpz_add_ui (n->c, n->c, (unsigned long)d);
    }
  if (n->kind == K_INF)
    mpz_set_ui (n->c, 0);
  return TRUE;
}

HsObject *
hs_decimal_of (HsVM *vm, HsObject *value)
{
  Num n;
  HsObject *r = NULL;
  hs_decimal_num_init (&n);
  if (value == NULL)
    r = decimal_from_num (vm, &n);
  else if (is_decimal (value))
    r = decimal_from_num (vm, NUM (value));
  else if (hs_int_check (value))
    {
      num_from_int (&n, value);
      r = decimal_from_num (vm, &n);
    }
  else if (HS_ISINSTANCE (value, &hs_float_type))
    {
      num_from_double (&n, hs_float_value (value));
      if (signal_raise (vm, hs_decimal_current (vm), S_FLOAT, NULL))
        r = decimal_from_num (vm, &n);
    }
  else if (hs_str_check (value))
    {
      if (num_from_text (&n, hs_str_utf8 (value)))
        r = decimal_from_num (vm, &n);
      else if (invalid (vm, hs_decimal_current (vm), &n, "ConversionSyntax"))
        r = decimal_from_num (vm, &n);
    }
  else if (HS_ISINSTANCE (value, &hs_tuple_type) || hs_list_check (value))
    {
      HsObject *t = hs_list_check (value) ? hs_list_as_tuple (vm, value) : hs_incref (value);
      if (t != NULL && num_from_tuple (vm, t, &n))
        r = decimal_from_num (vm, &n);
      hs_xdecref (vm, t);
    }
  else
    hs_err_format (vm, &hs_exc_TypeError, "conversion from %s to Decimal is not supported",
                   hs_type_name (value));
  num_clear (&n);
  return r;
}

static HsObject *
decimal_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *value = NULL, *context = NULL;
  if (!hs_parse_args (vm, "Decimal", args, nargs, kwnames, "|value context", &value, &context))
    return NULL;
  return hs_decimal_of (vm, value);
}

/* ---- arithmetic ---------------------------------------------------------------------------- */

static gboolean
num_add (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, gboolean negate_b, Num *r)
{
  gboolean done;
  int sb = b->sign ^ (negate_b ? 1 : 0);
  if (!nan_operands (vm, ctx, a, b, r, &done) || done)
    return !done || !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if (a->kind == K_INF && b->kind == K_INF && a->sign != sb)
        return invalid (vm, ctx, r, NULL);
      r->kind = K_INF;
      r->sign = a->kind == K_INF ? a->sign : sb;
      mpz_set_ui (r->c, 0);
      return TRUE;
    }
  mpz_t x, y;
  gint64 e = MIN (a->exp, b->exp);
  mpz_inits (x, y, NULL);
  mpz_set (x, a->c);
  mul_pow10 (x, a->exp - e);
  if (a->sign)
    mpz_neg (x, x);
  mpz_set (y, b->c);
  mul_pow10 (y, b->exp - e);
  if (sb)
    mpz_neg (y, y);
  mpz_add (x, x, y);
  r->kind = K_FINITE;
  r->exp = e;
  if (mpz_sgn (x) == 0)
    r->sign = (a->sign && sb) || (a->sign != sb && ctx->rounding == R_FLOOR);
  else
    r->sign = mpz_sgn (x) < 0;
  mpz_abs (r->c, x);
  mpz_clears (x, y, NULL);
  return hs_decimal_finish (vm, ctx, r);
}

static gboolean
num_mul (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *r)
{
  gboolean done;
  if (!nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if ((a->kind == K_FINITE && mpz_sgn (a->c) == 0)
          || (b->kind == K_FINITE && mpz_sgn (b->c) == 0))
        return invalid (vm, ctx, r, NULL);
      r->kind = K_INF;
      r->sign = a->sign ^ b->sign;
      mpz_set_ui (r->c, 0);
      return TRUE;
    }
  r->kind = K_FINITE;
  r->sign = a->sign ^ b->sign;
  r->exp = a->exp + b->exp;
  mpz_mul (r->c, a->c, b->c);
  return hs_decimal_finish (vm, ctx, r);
}

/* Removes trailing zeros of an exact result while its exponent is below `ideal`. */
static void
reduce_to_ideal (Num *r, gint64 ideal)
{
  while (r->exp < ideal && mpz_sgn (r->c) != 0 && mpz_divisible_ui_p (r->c, 10))
    {
      mpz_divexact_ui (r->c, r->c, 10);
      r->exp++;
    }
  if (mpz_sgn (r->c) == 0 && r->exp < ideal)
    r->exp = ideal;
}

/* Division by zero: 0/0 undefined, x/0 a signed infinity (DivisionByZero). */
static gboolean
divide_by_zero (HsVM *vm, HsContext *ctx, const Num *a, int sign, Num *r)
{
  if (a->kind == K_FINITE && mpz_sgn (a->c) == 0)
    return invalid (vm, ctx, r, "DivisionUndefined");
  r->kind = K_INF;
  r->sign = sign;
  mpz_set_ui (r->c, 0);
  return signal_raise (vm, ctx, S_DIVZERO, NULL);
}

/* a / b rounded to prec digits (the context's rounding) */
static gboolean
num_div (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *r)
{
  gboolean done;
  int sign = a->sign ^ b->sign;
  if (!nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if (a->kind == K_INF && b->kind == K_INF)
        return invalid (vm, ctx, r, "DivisionUndefined");
      r->sign = sign;
      mpz_set_ui (r->c, 0);
      if (a->kind == K_INF)
        r->kind = K_INF;
      else
        {
          r->kind = K_FINITE;
          r->exp = ctx->emin - ctx->prec + 1; /* Etiny: 0E-1000026 */
          return signal_raise (vm, ctx, S_CLAMPED, NULL);
        }
      return TRUE;
    }
  if (mpz_sgn (b->c) == 0)
    return divide_by_zero (vm, ctx, a, sign, r);
  r->kind = K_FINITE;
  r->sign = sign;
  gint64 ideal = a->exp - b->exp;
  if (mpz_sgn (a->c) == 0)
    {
      mpz_set_ui (r->c, 0);
      r->exp = ideal;
      return TRUE;
    }
  gint64 shift = ctx->prec + ndigits (b->c) - ndigits (a->c) + 2;
  mpz_t x, y, rem;
  mpz_inits (x, y, rem, NULL);
  mpz_set (x, a->c);
  mpz_set (y, b->c);
  if (shift > 0)
    mul_pow10 (x, shift);
  else
    mul_pow10 (y, -shift);
  mpz_tdiv_qr (r->c, rem, x, y);
  r->exp = ideal - shift;
  if (mpz_sgn (rem) != 0)
    {
      mpz_mul_ui (r->c, r->c, 10); /* a sticky digit below the ones rounding looks at */
      mpz_add_ui (r->c, r->c, 1);
      r->exp--;
    }
  else
    reduce_to_ideal (r, ideal);
  mpz_clears (x, y, rem, NULL);
  return hs_decimal_finish (vm, ctx, r);
}

/* a // b (truncated towards zero) into q and a % b (sign of a) into m; either may be NULL */
static gboolean
num_divmod (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *q, Num *m)
{
  gboolean done;
  Num scratch;
  int sign = a->sign ^ b->sign;
  hs_decimal_num_init (&scratch);
  if (q == NULL)
    q = &scratch;
  if (!nan_operands (vm, ctx, a, b, q, &done) || done)
    {
      if (m != NULL && !hs_err_occurred (vm))
        hs_decimal_num_set (m, q);
      num_clear (&scratch);
      return !hs_err_occurred (vm);
    }
  gboolean ok = TRUE;
  if (a->kind == K_INF || b->kind == K_INF || mpz_sgn (b->c) == 0)
    {
      if (a->kind == K_INF && b->kind != K_INF && m == NULL)
        {
          q->kind = K_INF;
          q->sign = sign;
          mpz_set_ui (q->c, 0);
        }
      else if (a->kind != K_INF && b->kind == K_INF)
        {
          q->kind = K_FINITE;
          q->sign = sign;
          q->exp = 0;
          mpz_set_ui (q->c, 0);
          if (m != NULL)
            hs_decimal_num_set (m, a);
        }
      else if (b->kind != K_INF && mpz_sgn (b->c) == 0 && a->kind != K_INF && m == NULL)
        ok = divide_by_zero (vm, ctx, a, sign, q);
      else
        {
          const char *cond = a->kind == K_FINITE && b->kind == K_FINITE && mpz_sgn (a->c) == 0
                                 ? "DivisionUndefined"
                                 : NULL;
          ok = invalid (vm, ctx, q, cond);
          if (ok && m != NULL)
            hs_decimal_num_set (m, q);
        }
      num_clear (&scratch);
      return ok;
    }
  mpz_t x, y, rem;
  gint64 e = MIN (a->exp, b->exp);
  mpz_inits (x, y, rem, NULL);
  mpz_set (x, a->c);
  mul_pow10 (x, a->exp - e);
  mpz_set (y, b->c);
  mul_pow10 (y, b->exp - e);
  mpz_tdiv_qr (q->c, rem, x, y);
  q->kind = K_FINITE;
  q->sign = sign;
  q->exp = 0;
  if (ndigits (q->c) > ctx->prec)
    ok = invalid (vm, ctx, q, "DivisionImpossible");
  else if (m != NULL)
    {
      m->kind = K_FINITE;
      m->sign = a->sign;
      m->exp = e;
      mpz_set (m->c, rem);
      ok = hs_decimal_finish (vm, ctx, m);
    }
  if (!ok && m != NULL && !hs_err_occurred (vm))
    hs_decimal_num_set (m, q);
  mpz_clears (x, y, rem, NULL);
  num_clear (&scratch);
  return ok;
}

/* a ** b for an integral b: the exact power rounded once */
static gboolean
num_pow (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *r)
{
  gboolean done;
  if (!nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  mpz_t e;
  mpz_init (e);
  gboolean integral = b->kind == K_FINITE;
  if (integral)
    {
      mpz_set (e, b->c);
      if (b->exp >= 0)
        mul_pow10 (e, b->exp);
      else
        {
          mpz_t p;
          mpz_init (p);
          mpz_ui_pow_ui (p, 10, (unsigned long)-b->exp);
          integral = mpz_divisible_p (e, p);
          mpz_divexact (e, e, integral ? p : e);
          mpz_clear (p);
        }
      if (b->sign)
        mpz_neg (e, e);
    }
  gboolean a_zero = a->kind == K_FINITE && mpz_sgn (a->c) == 0;
  if (!integral || !mpz_fits_slong_p (e))
    {
      mpz_clear (e);
      if (a->sign && !a_zero)
        return invalid (vm, ctx, r, NULL);
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "Heapscope's decimal computes only integral powers");
      return FALSE;
    }
  long n = mpz_get_si (e);
  mpz_clear (e);
  int sign = a->sign && (n % 2 != 0);
  if (a_zero && n == 0)
    return invalid (vm, ctx, r, NULL);
  if (a_zero || a->kind == K_INF)
    {
      gboolean big = (a->kind == K_INF) == (n > 0);
      r->sign = sign;
      mpz_set_ui (r->c, 0);
      r->kind = big ? K_INF : K_FINITE;
      r->exp = 0;
      if (n == 0)
        {
          r->kind = K_FINITE;
          mpz_set_ui (r->c, 1);
        }
      return TRUE;
    }
  Num p;
  hs_decimal_num_init (&p);
  p.sign = sign;
  p.exp = a->exp * ABS (n);
  mpz_pow_ui (p.c, a->c, (unsigned long)ABS (n));
  gboolean ok;
  if (n >= 0)
    {
      hs_decimal_num_set (r, &p);
      ok = hs_decimal_finish (vm, ctx, r);
    }
  else
    {
      Num one;
      hs_decimal_num_init (&one);
      mpz_set_ui (one.c, 1);
      ok = num_div (vm, ctx, &one, &p, r);
      num_clear (&one);
    }
  num_clear (&p);
  return ok;
}

/* a rescaled to exponent exp with `mode` (no precision check) */
static guint
rescale (Num *n, gint64 exp, int mode)
{
  if (n->kind != K_FINITE)
    return 0;
  if (exp < n->exp)
    {
      mul_pow10 (n->c, n->exp - exp);
      n->exp = exp;
      return 0;
    }
  if (exp == n->exp)
    return 0;
  gint64 nd = ndigits (n->c), k = exp - n->exp;
  guint sig;
  if (k > nd + 1) /* only the rounding of a tiny remainder matters */
    {
      mpz_set_ui (n->c, mpz_sgn (n->c) != 0 ? 1 : 0);
      n->exp = exp - 2;
      k = 2;
    }
  sig = drop_digits (n, k, mode);
  return sig;
}

static gboolean
num_quantize (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, int mode, Num *r)
{
  gboolean done;
  if (!nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if (a->kind == K_INF && b->kind == K_INF)
        {
          hs_decimal_num_set (r, a);
          return TRUE;
        }
      return invalid (vm, ctx, r, NULL);
    }
  hs_decimal_num_set (r, a);
  guint sig = rescale (r, b->exp, mode < 0 ? ctx->rounding : mode);
  if (ndigits (r->c) > ctx->prec)
    return invalid (vm, ctx, r, NULL);
  return signal_all (vm, ctx, sig);
}

static gboolean
num_sqrt (HsVM *vm, HsContext *ctx, const Num *a, Num *r)
{
  gboolean done;
  if (!nan_operands (vm, ctx, a, NULL, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->sign && !(a->kind == K_FINITE && mpz_sgn (a->c) == 0))
    return invalid (vm, ctx, r, NULL);
  hs_decimal_num_set (r, a);
  if (a->kind == K_INF)
    return TRUE;
  gint64 ideal = a->exp >= 0 ? a->exp / 2 : -((-a->exp + 1) / 2);
  if (mpz_sgn (a->c) == 0)
    {
      r->exp = ideal;
      return TRUE;
    }
  mpz_t x, rem;
  mpz_inits (x, rem, NULL);
  mpz_set (x, a->c);
  gint64 e = a->exp;
  if (e % 2 != 0)
    {
      mpz_mul_ui (x, x, 10);
      e--;
    }
  gint64 k = ctx->prec + 1 - (ndigits (x) + 1) / 2;
  if (k < 0)
    k = 0;
  mul_pow10 (x, 2 * k);
  mpz_sqrtrem (r->c, rem, x);
  r->exp = e / 2 - k;
  r->sign = 0;
  if (mpz_sgn (rem) != 0)
    {
      mpz_mul_ui (r->c, r->c, 10);
      mpz_add_ui (r->c, r->c, 1);
      r->exp--;
    }
  else
    reduce_to_ideal (r, ideal);
  mpz_clears (x, rem, NULL);
  return round_to (vm, ctx, r, ctx->prec, R_HALF_EVEN);
}

/* ---- slots ------------------------------------------------------------------------------- */

static HsObject *
decimal_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  Num x, y, r;
  HsObject *res = NULL;
  gboolean ok = FALSE;
  HsContext *ctx;
  if (op > HS_BIN_POW)
    return hs_incref (hs_NotImplemented);
  hs_decimal_num_init (&x);
  hs_decimal_num_init (&y);
  hs_decimal_num_init (&r);
  if (!operand (a, &x) || !operand (b, &y))
    {
      num_clear (&x);
      num_clear (&y);
      num_clear (&r);
      return hs_incref (hs_NotImplemented);
    }
  ctx = hs_decimal_current (vm);
  switch (op)
    {
      case HS_BIN_ADD:
      case HS_BIN_SUB:
        ok = num_add (vm, ctx, &x, &y, op == HS_BIN_SUB, &r);
        break;
      case HS_BIN_MUL:
        ok = num_mul (vm, ctx, &x, &y, &r);
        break;
      case HS_BIN_TRUEDIV:
        ok = num_div (vm, ctx, &x, &y, &r);
        break;
      case HS_BIN_FLOORDIV:
        ok = num_divmod (vm, ctx, &x, &y, &r, NULL);
        break;
      case HS_BIN_MOD:
        {
          Num q;
          hs_decimal_num_init (&q);
          ok = num_divmod (vm, ctx, &x, &y, &q, &r);
          num_clear (&q);
        }
        break;
      default:
        ok = num_pow (vm, ctx, &x, &y, &r);
        break;
    }
  if (ok)
    res = decimal_from_num (vm, &r);
  num_clear (&x);
  num_clear (&y);
  num_clear (&r);
  return res;
}

static HsObject *
decimal_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  Num r, zero;
  HsObject *res = NULL;
  HsContext *ctx = hs_decimal_current (vm);
  if (op == HS_UNARY_INVERT)
    return hs_incref (hs_NotImplemented);
  hs_decimal_num_init (&r);
  hs_decimal_num_init (&zero);
  zero.exp = NUM (self)->kind == K_FINITE ? NUM (self)->exp : 0;
  gboolean ok;
  if (NUM (self)->kind == K_FINITE && mpz_sgn (NUM (self)->c) == 0)
    {
      hs_decimal_num_set (&r, NUM (self));
      r.sign = ctx->rounding == R_FLOOR && (op == HS_UNARY_NEG ? !r.sign : r.sign);
      ok = TRUE;
    }
  else if (op == HS_UNARY_NEG)
    ok = num_add (vm, ctx, &zero, NUM (self), TRUE, &r);
  else
    ok = num_add (vm, ctx, &zero, NUM (self), FALSE, &r);
  if (ok)
    res = decimal_from_num (vm, &r);
  num_clear (&r);
  num_clear (&zero);
  return res;
}

static int
decimal_truth (HsVM *vm, HsObject *self)
{
  return NUM (self)->kind != K_FINITE || mpz_sgn (NUM (self)->c) != 0;
}

/* The exact rational value of a finite n */
static void
num_to_mpq (const Num *n, mpq_ptr q)
{
  mpz_set (mpq_numref (q), n->c);
  mpz_set_ui (mpq_denref (q), 1);
  if (n->exp >= 0)
    mul_pow10 (mpq_numref (q), n->exp);
  else
    mul_pow10 (mpq_denref (q), -n->exp);
  if (n->sign)
    mpz_neg (mpq_numref (q), mpq_numref (q));
  mpq_canonicalize (q);
}

/* A Fraction's value into q; FALSE if o is not one */
static gboolean
fraction_mpq (HsVM *vm, HsObject *o, mpq_ptr q)
{
  if (!HS_ISINSTANCE (o, (HsType *)hs_mod_fractions_type ()))
    return FALSE;
  HsObject *n = hs_object_getattr_cstr (vm, o, "numerator");
  HsObject *d = n != NULL ? hs_object_getattr_cstr (vm, o, "denominator") : NULL;
  gboolean ok = d != NULL && hs_int_check (n) && hs_int_check (d);
  if (ok)
    {
      hs_int_get_mpz (n, mpq_numref (q));
      hs_int_get_mpz (d, mpq_denref (q));
      mpq_canonicalize (q);
    }
  hs_err_clear (vm);
  hs_xdecref (vm, n);
  hs_xdecref (vm, d);
  return ok;
}

static HsObject *
decimal_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  Num x, y;
  mpq_t qx, qy;
  gboolean ordering = op != HS_CMP_EQ && op != HS_CMP_NE, fraction = FALSE;
  HsObject *res = NULL;
  int c;
  if (!is_decimal (a))
    return hs_incref (hs_NotImplemented);
  hs_decimal_num_init (&x);
  hs_decimal_num_init (&y);
  mpq_inits (qx, qy, NULL);
  hs_decimal_num_set (&x, NUM (a));
  if (operand (b, &y))
    ;
  else if (HS_ISINSTANCE (b, &hs_float_type))
    {
      num_from_double (&y, hs_float_value (b));
      if (ordering && !signal_raise (vm, hs_decimal_current (vm), S_FLOAT, NULL))
        goto out;
      if (!ordering)
        hs_decimal_current (vm)->flags |= S_FLOAT;
    }
  else if (fraction_mpq (vm, b, qy))
    fraction = TRUE;
  else
    {
      res = hs_incref (hs_NotImplemented);
      goto out;
    }
  if (is_nan (&x) || (!fraction && is_nan (&y)))
    {
      if (ordering || x.kind == K_SNAN || (!fraction && y.kind == K_SNAN))
        {
          if (!signal_raise (vm, hs_decimal_current (vm), S_INVALID, NULL))
            goto out;
        }
      res = hs_bool_from (op == HS_CMP_NE);
      goto out;
    }
  if (x.kind == K_INF || (!fraction && y.kind == K_INF))
    {
      int vx = x.kind == K_INF ? (x.sign ? -1 : 1) : 0;
      int vy = !fraction && y.kind == K_INF ? (y.sign ? -1 : 1) : 0;
      c = vx != vy ? (vx < vy ? -1 : 1) : 0;
      if (vx == 0 || vy == 0)
        c = vx != 0 ? vx : -vy;
    }
  else
    {
      num_to_mpq (&x, qx);
      if (!fraction)
        num_to_mpq (&y, qy);
      c = mpq_cmp (qx, qy);
    }
  res = hs_bool_from (hs_compare_holds (c < 0 ? -1 : c > 0, op));
out:
  num_clear (&x);
  num_clear (&y);
  mpq_clears (qx, qy, NULL);
  return res;
}

#define HASH_MODULUS ((G_GUINT64_CONSTANT (1) << 61) - 1)
#define HASH_INF 314159

static int
decimal_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  const Num *n = NUM (self);
  if (n->kind == K_SNAN)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Cannot hash a signaling NaN value");
      return -1;
    }
  if (n->kind == K_NAN)
    {
      *out = hs_hash_double (self, NAN);
      return 0;
    }
  if (n->kind == K_INF)
    {
      *out = n->sign ? -HASH_INF : HASH_INF;
      return 0;
    }
  mpz_t p, m, t;
  mpz_inits (p, m, t, NULL);
  mpz_set_ui (p, HASH_MODULUS);
  mpz_set_ui (t, 10);
  mpz_set_ui (m, (unsigned long)(n->exp >= 0 ? n->exp : -n->exp));
  mpz_powm (t, t, m, p);
  if (n->exp < 0)
    mpz_invert (t, t, p);
  mpz_mod (m, n->c, p);
  mpz_mul (m, m, t);
  mpz_mod (m, m, p);
  gint64 h = (gint64)mpz_get_ui (m);
  if (n->sign)
    h = -h;
  mpz_clears (p, m, t, NULL);
  *out = h == -1 ? -2 : h;
  return 0;
}

/* ---- methods ---------------------------------------------------------------------------- */

gboolean
hs_decimal_no_args (HsVM *vm, const char *name, gsize nargs, HsObject *kwnames)
{
  return hs_parse_args (vm, name, NULL, nargs - 1, kwnames, "");
}

/* The rounding named by o (a str among the modes); -1 with TypeError otherwise */
int
hs_decimal_rounding_of (HsVM *vm, HsObject *o)
{
  if (o != NULL && hs_str_check (o))
    for (int i = 0; i < (int)G_N_ELEMENTS (hs_decimal_rounding_names); i++)
      if (strcmp (hs_str_utf8 (o), hs_decimal_rounding_names[i]) == 0)
        return i;
  hs_err_set_string (vm, &hs_exc_TypeError,
                     "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, "
                     "ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   "
                     "ROUND_05UP]");
  return -1;
}

/* The context argument: the current one for None/NULL */
static HsContext *
context_arg (HsVM *vm, HsObject *o)
{
  if (o == NULL || o == hs_None)
    return hs_decimal_current (vm);
  if (!HS_ISINSTANCE (o, &hs_decimal_context_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "optional argument must be a context");
      return NULL;
    }
  return CTX (o);
}

/* A Decimal of r when ok, r cleared either way */
HsObject *
hs_decimal_result (HsVM *vm, gboolean ok, Num *r)
{
  HsObject *o = ok ? decimal_from_num (vm, r) : NULL;
  num_clear (r);
  return o;
}

static HsObject *
m_quantize (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *exp, *rnd = NULL, *ctxo = NULL;
  Num e, r;
  int mode = -1;
  HsContext *ctx;
  if (!hs_parse_args (vm, "quantize", args + 1, nargs - 1, kwnames, "exp|rounding context", &exp,
                      &rnd, &ctxo))
    return NULL;
  if ((ctx = context_arg (vm, ctxo)) == NULL)
    return NULL;
  if (rnd != NULL && rnd != hs_None && (mode = hs_decimal_rounding_of (vm, rnd)) < 0)
    return NULL;
  hs_decimal_num_init (&e);
  hs_decimal_num_init (&r);
  if (!operand (exp, &e))
    {
      num_clear (&e);
      num_clear (&r);
      hs_err_format (vm, &hs_exc_TypeError, "conversion from %s to Decimal is not supported",
                     hs_type_name (exp));
      return NULL;
    }
  gboolean ok = num_quantize (vm, ctx, NUM (args[0]), &e, mode, &r);
  num_clear (&e);
  return hs_decimal_result (vm, ok, &r);
}

/* r set to self's value to work on (TRUE), or to the NaN hs_decimal_result (FALSE, *ok) */
static gboolean
unary_start (HsVM *vm, HsContext *ctx, HsObject *self, Num *r, gboolean *ok)
{
  gboolean done;
  hs_decimal_num_init (r);
  *ok = nan_operands (vm, ctx, NUM (self), NULL, r, &done);
  if (!*ok || done)
    return FALSE;
  hs_decimal_num_set (r, NUM (self));
  return TRUE;
}

static HsObject *
m_to_integral (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *rnd = NULL, *ctxo = NULL;
  Num r;
  int mode = -1;
  gboolean ok;
  HsContext *ctx;
  if (!hs_parse_args (vm, "to_integral_value", args + 1, nargs - 1, kwnames, "|rounding context",
                      &rnd, &ctxo))
    return NULL;
  if ((ctx = context_arg (vm, ctxo)) == NULL)
    return NULL;
  if (rnd != NULL && rnd != hs_None && (mode = hs_decimal_rounding_of (vm, rnd)) < 0)
    return NULL;
  if (unary_start (vm, ctx, args[0], &r, &ok) && r.kind == K_FINITE && r.exp < 0)
    rescale (&r, 0, mode < 0 ? ctx->rounding : mode);
  return hs_decimal_result (vm, ok, &r);
}

/* The context of a method whose only parameter is `context`, or NULL */
static HsContext *
context_only (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ctxo = NULL;
  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "|context", &ctxo))
    return NULL;
  return context_arg (vm, ctxo);
}

static HsObject *
m_normalize (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsContext *ctx = context_only (vm, "normalize", args, nargs, kwnames);
  Num r;
  gboolean ok;
  if (ctx == NULL)
    return NULL;
  if (unary_start (vm, ctx, args[0], &r, &ok))
    {
      ok = hs_decimal_finish (vm, ctx, &r);
      if (ok && r.kind == K_FINITE && mpz_sgn (r.c) == 0)
        r.exp = 0;
      else if (ok && r.kind == K_FINITE)
        reduce_to_ideal (&r, G_MAXINT64);
    }
  return hs_decimal_result (vm, ok, &r);
}

static HsObject *
m_sqrt (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsContext *ctx = context_only (vm, "sqrt", args, nargs, kwnames);
  Num r;
  if (ctx == NULL)
    return NULL;
  hs_decimal_num_init (&r);
  return hs_decimal_result (vm, num_sqrt (vm, ctx, NUM (args[0]), &r), &r);
}

static HsObject *
m_as_tuple (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  const Num *n = NUM (args[0]);
  if (!hs_decimal_no_args (vm, "as_tuple", nargs, kwnames))
    return NULL;
  HsObject *d = hs_decimal_module_dict (vm);
  HsObject *cls = d != NULL ? hs_dict_get_item_cstr_borrow (vm, d, "DecimalTuple") : NULL;
  char *s = mpz_get_str (NULL, 10, n->c);
  gsize len = strlen (s);
  gboolean none = n->kind == K_INF || (is_nan (n) && mpz_sgn (n->c) == 0);
  HsObject *digits = hs_tuple_new (vm, none ? (n->kind == K_INF) : len), *exp, *r = NULL;
  if (digits != NULL)
    {
      if (n->kind == K_INF)
        hs_tuple_set_take (digits, 0, hs_int_from_i64 (vm, 0));
      else if (!none)
        for (gsize i = 0; i < len; i++)
          hs_tuple_set_take (digits, i, hs_int_from_i64 (vm, s[i] - '0'));
    }
  free (s);
  exp = n->kind == K_INF    ? hs_str_from_cstr (vm, "F")
        : n->kind == K_NAN  ? hs_str_from_cstr (vm, "n")
        : n->kind == K_SNAN ? hs_str_from_cstr (vm, "N")
                            : hs_int_from_i64 (vm, n->exp);
  HsObject *sign = hs_int_from_i64 (vm, n->sign);
  if (digits != NULL && exp != NULL && sign != NULL)
    {
      HsObject *items[3] = { sign, digits, exp };
      r = cls != NULL ? hs_object_call (vm, cls, items, 3, NULL)
                      : hs_tuple_pack (vm, 3, sign, digits, exp);
    }
  hs_xdecref (vm, sign);
  hs_xdecref (vm, digits);
  hs_xdecref (vm, exp);
  return r;
}

static HsObject *
m_predicate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, int which)
{
  static const char *const names[]
      = { "is_zero", "is_nan", "is_signed", "is_infinite", "is_finite", "is_snan", "is_qnan" };
  const Num *n = NUM (args[0]);
  gboolean v;
  if (!hs_decimal_no_args (vm, names[which], nargs, kwnames))
    return NULL;
  switch (which)
    {
      case 0:
        v = n->kind == K_FINITE && mpz_sgn (n->c) == 0;
        break;
      case 1:
        v = is_nan (n);
        break;
      case 2:
        v = n->sign;
        break;
      case 3:
        v = n->kind == K_INF;
        break;
      case 4:
        v = n->kind == K_FINITE;
        break;
      case 5:
        v = n->kind == K_SNAN;
        break;
      default:
        v = n->kind == K_NAN;
        break;
    }
  return hs_bool_from (v);
}

HS_CFUNCTION_VARIANT (m_is_zero, m_predicate, 0)
HS_CFUNCTION_VARIANT (m_is_nan, m_predicate, 1)
HS_CFUNCTION_VARIANT (m_is_signed, m_predicate, 2)
HS_CFUNCTION_VARIANT (m_is_infinite, m_predicate, 3)
HS_CFUNCTION_VARIANT (m_is_finite, m_predicate, 4)
HS_CFUNCTION_VARIANT (m_is_snan, m_predicate, 5)
HS_CFUNCTION_VARIANT (m_is_qnan, m_predicate, 6)

static HsObject *
m_copy_sign_op (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, int which)
{
  Num r;
  if (!hs_decimal_no_args (vm, which == 0 ? "copy_abs" : "copy_negate", nargs, kwnames))
    return NULL;
  hs_decimal_num_init (&r);
  hs_decimal_num_set (&r, NUM (args[0]));
  r.sign = which == 0 ? 0 : !r.sign;
  return hs_decimal_result (vm, TRUE, &r);
}

HS_CFUNCTION_VARIANT (m_copy_abs, m_copy_sign_op, 0)
HS_CFUNCTION_VARIANT (m_copy_negate, m_copy_sign_op, 1)

static HsObject *
m_adjusted (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  const Num *n = NUM (args[0]);
  if (!hs_decimal_no_args (vm, "adjusted", nargs, kwnames))
    return NULL;
  return hs_int_from_i64 (
      vm, n->kind == K_FINITE && mpz_sgn (n->c) != 0 ? n->exp + ndigits (n->c) - 1 : 0);
}

static HsObject *
m_abs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_decimal_no_args (vm, "__abs__", nargs, kwnames))
    return NULL;
  if (NUM (args[0])->sign)
    return decimal_unaryop (vm, HS_UNARY_NEG, args[0]);
  return decimal_unaryop (vm, HS_UNARY_POS, args[0]);
}

/* The integral value of n by `mode` as an int; FALSE with CPython's errors for NaN and
 * infinity. */
static HsObject *
to_int (HsVM *vm, const Num *n, int mode)
{
  Num r;
  if (is_nan (n))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "cannot convert NaN to integer");
      return NULL;
    }
  if (n->kind == K_INF)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "cannot convert Infinity to integer");
      return NULL;
    }
  hs_decimal_num_init (&r);
  hs_decimal_num_set (&r, n);
  if (r.exp < 0)
    rescale (&r, 0, mode);
  else
    mul_pow10 (r.c, r.exp);
  if (r.sign)
    mpz_neg (r.c, r.c);
  HsObject *o = hs_int_from_mpz (vm, r.c);
  num_clear (&r);
  return o;
}

static HsObject *
m_int_by (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, int mode)
{
  return hs_decimal_no_args (vm, name, nargs, kwnames) ? to_int (vm, NUM (args[0]), mode) : NULL;
}

HS_CFUNCTION_VARIANT (m_int, m_int_by, "__int__", R_DOWN)
HS_CFUNCTION_VARIANT (m_trunc, m_int_by, "__trunc__", R_DOWN)
HS_CFUNCTION_VARIANT (m_floor, m_int_by, "__floor__", R_FLOOR)
HS_CFUNCTION_VARIANT (m_ceil, m_int_by, "__ceil__", R_CEILING)

static HsObject *
m_float (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  const Num *n = NUM (args[0]);
  if (!hs_decimal_no_args (vm, "__float__", nargs, kwnames))
    return NULL;
  if (n->kind == K_SNAN)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "cannot convert signaling NaN to float");
      return NULL;
    }
  if (is_nan (n))
    return hs_float_new (vm, n->sign ? -NAN : NAN);
  GString *s = g_string_new (NULL);
  num_to_string (n, TRUE, s);
  HsObject *r = hs_float_from_str (vm, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

static HsObject *
m_round (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *nd = NULL;
  gint64 k;
  if (!hs_parse_args (vm, "__round__", args + 1, nargs - 1, kwnames, "|ndigits /", &nd))
    return NULL;
  if (nd == NULL || nd == hs_None)
    return to_int (vm, NUM (args[0]), R_HALF_EVEN);
  if (!hs_int_check (nd))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "optional arg must be an integer");
      return NULL;
    }
  if (!hs_int_as_i64 (nd, &k) || k > G_MAXINT32 || k < -G_MAXINT32)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C ssize_t");
      return NULL;
    }
  Num e, r;
  hs_decimal_num_init (&e);
  hs_decimal_num_init (&r);
  mpz_set_ui (e.c, 1);
  e.exp = -k;
  gboolean ok = num_quantize (vm, hs_decimal_current (vm), NUM (args[0]), &e, -1, &r);
  num_clear (&e);
  return hs_decimal_result (vm, ok, &r);
}

static HsObject *
m_divmod_dunder (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean reflected)
{
  HsObject *other;
  Num x, y, q, m;
  if (!hs_parse_args (vm, reflected ? "__rdivmod__" : "__divmod__", args + 1, nargs - 1, kwnames,
                      "other /", &other))
    return NULL;
  hs_decimal_num_init (&x);
  hs_decimal_num_init (&y);
  hs_decimal_num_init (&q);
  hs_decimal_num_init (&m);
  HsObject *r = NULL;
  if (!operand (reflected ? other : args[0], &x) || !operand (reflected ? args[0] : other, &y))
    r = hs_incref (hs_NotImplemented);
  else if (num_divmod (vm, hs_decimal_current (vm), &x, &y, &q, &m))
    {
      HsObject *a = decimal_from_num (vm, &q), *b = a != NULL ? decimal_from_num (vm, &m) : NULL;
      r = b != NULL ? hs_tuple_pack (vm, 2, a, b) : NULL;
      hs_xdecref (vm, a);
      hs_xdecref (vm, b);
    }
  num_clear (&x);
  num_clear (&y);
  num_clear (&q);
  num_clear (&m);
  return r;
}

HS_CFUNCTION_VARIANT (m_divmod, m_divmod_dunder, FALSE)
HS_CFUNCTION_VARIANT (m_rdivmod, m_divmod_dunder, TRUE)

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_incref (args[0]);
}

static HsObject *
m_as_integer_ratio (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  const Num *n = NUM (args[0]);
  if (!hs_decimal_no_args (vm, "as_integer_ratio", nargs, kwnames))
    return NULL;
  if (n->kind != K_FINITE)
    {
      hs_err_set_string (vm, is_nan (n) ? &hs_exc_ValueError : &hs_exc_OverflowError,
                         is_nan (n) ? "cannot convert NaN to integer ratio"
                                    : "cannot convert Infinity to integer ratio");
      return NULL;
    }
  mpq_t q;
  mpq_init (q);
  num_to_mpq (n, q);
  HsObject *a = hs_int_from_mpz (vm, mpq_numref (q));
  HsObject *b = a != NULL ? hs_int_from_mpz (vm, mpq_denref (q)) : NULL;
  HsObject *r = b != NULL ? hs_tuple_pack (vm, 2, a, b) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  mpq_clear (q);
  return r;
}

/* ---- format ------------------------------------------------------------------------------- */

/* Groups the digits of the integer part of body (from its start to the point or end) by
 * threes with sep. */
static void
group_digits (GString *body, char sep)
{
  gsize end = 0;
  while (end < body->len && g_ascii_isdigit (body->str[end]))
    end++;
  for (gssize i = (gssize)end - 3; i > 0; i -= 3)
    g_string_insert_c (body, i, sep);
}

static HsObject *
m_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *spec_o;
  if (!hs_parse_args (vm, "__format__", args + 1, nargs - 1, kwnames, "format_spec /", &spec_o))
    return NULL;
  if (!hs_str_check (spec_o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "format arg must be str");
      return NULL;
    }
  const char *spec = hs_str_utf8 (spec_o), *p = spec;
  g_autofree gunichar *fillbuf = NULL;
  gunichar fill = ' ';
  char align = 0, sign = '-', type = 0, sep = 0;
  gboolean zero = FALSE;
  gint64 width = -1, prec = -1;
  HsContext *ctx = hs_decimal_current (vm);

  if (*p != '\0' && strchr ("<>=^", *g_utf8_next_char (p)) != NULL && *g_utf8_next_char (p) != '\0')
    {
      fill = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      align = *p++;
    }
  else if (*p != '\0' && strchr ("<>=^", *p) != NULL)
    align = *p++;
  if (*p == '+' || *p == '-' || *p == ' ')
    sign = *p++;
  if (*p == '0')
    {
      zero = TRUE;
      p++;
    }
  if (g_ascii_isdigit (*p))
    {
      width = 0;
      while (g_ascii_isdigit (*p))
        width = width * 10 + (*p++ - '0');
    }
  if (*p == ',')
    sep = *p++;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      p++;
      prec = 0;
      while (g_ascii_isdigit (*p))
        prec = prec * 10 + (*p++ - '0');
    }
  if (*p != '\0' && strchr ("fF%", *p) != NULL)
    type = *p++;
  if (*p != '\0' || (type == 0 && prec >= 0))
    {
      if (*p != '\0' && strchr ("eEgGn", *p) != NULL)
        hs_err_set_string (vm, &hs_exc_NotImplementedError,
                           "Heapscope's Decimal formats only with the types f, F and %");
      else
        hs_err_set_string (vm, &hs_exc_ValueError, "invalid format string");
      return NULL;
    }
  if (zero && align == 0)
    {
      fill = '0';
      align = '=';
    }
  if (align == 0)
    align = '>';

  Num n;
  hs_decimal_num_init (&n);
  hs_decimal_num_set (&n, NUM (args[0]));
  GString *body = g_string_new (NULL);
  if (n.kind == K_INF)
    g_string_append (body, "Infinity");
  else if (is_nan (&n))
    g_string_append (body, n.kind == K_SNAN ? "sNaN" : "NaN");
  else
    {
      if (type == '%')
        n.exp += 2;
      if (type != 0 && prec >= 0)
        rescale (&n, -prec, ctx->rounding);
      if (type == 0)
        num_to_string (&n, ctx->capitals, body);
      else
        plain_digits (&n, body);
      if (body->str[0] == '-')
        g_string_erase (body, 0, 1);
      if (sep != 0)
        group_digits (body, sep);
    }
  if (type == '%')
    g_string_append_c (body, '%');
  GString *out = g_string_new (NULL);
  const char *sgn = n.sign ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
  gint64 len = (gint64)strlen (sgn) + (gint64)g_utf8_strlen (body->str, -1);
  gint64 pad = width > len ? width - len : 0;
  gint64 left = align == '<' ? 0 : align == '^' ? pad / 2 : align == '=' ? 0 : pad;
  char fb[8];
  int fl = g_unichar_to_utf8 (fill, fb);
  if (align == '=')
    g_string_append (out, sgn);
  for (gint64 i = 0; i < left; i++)
    g_string_append_len (out, fb, fl);
  if (align != '=')
    g_string_append (out, sgn);
  if (align == '=')
    for (gint64 i = 0; i < pad; i++)
      g_string_append_len (out, fb, fl);
  g_string_append (out, body->str);
  if (align != '=')
    for (gint64 i = 0; i < pad - left; i++)
      g_string_append_len (out, fb, fl);
  HsObject *r = hs_str_new (vm, out->str, out->len);
  g_string_free (out, TRUE);
  g_string_free (body, TRUE);
  num_clear (&n);
  return r;
}

static const HsMethodDef decimal_methods[] = {
  { "quantize", m_quantize },
  { "to_integral_value", m_to_integral },
  { "to_integral", m_to_integral },
  { "normalize", m_normalize },
  { "sqrt", m_sqrt },
  { "as_tuple", m_as_tuple },
  { "as_integer_ratio", m_as_integer_ratio },
  { "is_zero", m_is_zero },
  { "is_nan", m_is_nan },
  { "is_signed", m_is_signed },
  { "is_infinite", m_is_infinite },
  { "is_finite", m_is_finite },
  { "is_snan", m_is_snan },
  { "is_qnan", m_is_qnan },
  { "copy_abs", m_copy_abs },
  { "copy_negate", m_copy_negate },
  { "adjusted", m_adjusted },
  { "__abs__", m_abs },
  { "__int__", m_int },
  { "__trunc__", m_trunc },
  { "__floor__", m_floor },
  { "__ceil__", m_ceil },
  { "__float__", m_float },
  { "__round__", m_round },
  { "__divmod__", m_divmod },
  { "__rdivmod__", m_rdivmod },
  { "__format__", m_format },
  { "__copy__", m_copy },
  { "__deepcopy__", m_copy },
  { NULL, NULL },
};

static HsObject *
decimal_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  const char *n = hs_str_utf8 (name);
  if (strcmp (n, "real") == 0)
    return hs_incref (self);
  if (strcmp (n, "imag") == 0)
    {
      Num z;
      hs_decimal_num_init (&z);
      return hs_decimal_result (vm, TRUE, &z);
    }
  return hs_object_generic_getattr (vm, self, name);
}

HsType hs_decimal_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Decimal",
  .module = "decimal",
  .tp_name = "decimal.Decimal",
  .base = &hs_object_type,
  .type_flags = 0,
  .basicsize = sizeof (HsDecimal),
  .dealloc = decimal_dealloc,
  .repr = decimal_repr,
  .str = decimal_str,
  .hash = decimal_hash,
  .richcompare = decimal_richcompare,
  .binop = decimal_binop,
  .unaryop = decimal_unaryop,
  .truth = decimal_truth,
  .getattr = decimal_getattr,
  .construct = decimal_construct,
  .methods = decimal_methods,
};
