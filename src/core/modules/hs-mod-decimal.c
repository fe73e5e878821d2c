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
#include "hs-slot-wrapper.h"
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

void
hs_decimal_num_clear (Num *n)
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
gint64
hs_decimal_ndigits (mpz_srcptr z)
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

void
hs_decimal_mul_pow10 (mpz_ptr z, gint64 k)
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
  hs_decimal_num_clear (NUM (self));
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
  c->flags_dict = hs_decimal_signal_dict_new (vm, c, FALSE);
  c->traps_dict = c->flags_dict != NULL ? hs_decimal_signal_dict_new (vm, c, TRUE) : NULL;
  if (c->traps_dict == NULL)
    {
      hs_decref (vm, &c->header);
      return NULL;
    }
  return &c->header;
}

HsObject *
hs_decimal_context_copy (HsVM *vm, HsObject *src)
{
  HsObject *c = hs_decimal_context_new (vm);
  if (c != NULL)
    {
      HsContext *d = CTX (c), *s = CTX (src);
      d->prec = s->prec;
      d->emin = s->emin;
      d->emax = s->emax;
      d->rounding = s->rounding;
      d->capitals = s->capitals;
      d->clamp = s->clamp;
      d->flags = s->flags;
      d->traps = s->traps;
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
  fallback.emin = -999999;
  fallback.emax = 999999;
  fallback.rounding = R_HALF_EVEN;
  fallback.traps = S_INVALID | S_DIVZERO | S_OVERFLOW;
  fallback.capitals = 1;
  return &fallback;
}

/* Notes the signals of `status` in ctx's flags and raises, when ctx traps some of them, as
 * CPython's dec_addstatus: the first trapped signal's class, with the list of the trapped
 * conditions (`cond`, a name, for InvalidOperation's) as its argument. FALSE when it raised. */
gboolean
hs_decimal_add_status (HsVM *vm, HsContext *ctx, guint status, const char *cond)
{
  guint trapped;
  int first = -1;
  ctx->flags |= status;
  trapped = status & ctx->traps;
  if (trapped == 0)
    return TRUE;
  HsObject *d = hs_decimal_module_dict (vm);
  HsObject *list = hs_list_new (vm, 0);
  if (list == NULL)
    return FALSE;
  for (int i = 0; i < (int)G_N_ELEMENTS (hs_decimal_signal_names); i++)
    if (trapped & (1u << i))
      {
        const char *name = i == 0 && cond != NULL ? cond : hs_decimal_signal_names[i];
        HsObject *c = d != NULL ? hs_dict_get_item_cstr_borrow (vm, d, name) : NULL;
        if (first < 0)
          first = i;
        if (c != NULL && hs_list_append (vm, list, c) < 0)
          {
            hs_decref (vm, list);
            return FALSE;
          }
      }
  HsObject *cls
      = d != NULL ? hs_dict_get_item_cstr_borrow (vm, d, hs_decimal_signal_names[first]) : NULL;
  if (cls == NULL || !HS_ISINSTANCE (cls, &hs_type_type))
    {
      hs_decref (vm, list);
      hs_err_format (vm, &hs_exc_ArithmeticError, "[<class 'decimal.%s'>]",
                     hs_decimal_signal_names[first]);
      return FALSE;
    }
  HsObject *args = hs_tuple_pack (vm, 1, list);
  HsObject *exc = args != NULL ? hs_exception_new (vm, (HsType *)cls, args) : NULL;
  if (exc != NULL)
    hs_err_set_object (vm, exc);
  hs_xdecref (vm, exc);
  hs_xdecref (vm, args);
  hs_decref (vm, list);
  return FALSE;
}

static gboolean
signal_raise (HsVM *vm, HsContext *ctx, guint sig, const char *cond)
{
  return hs_decimal_add_status (vm, ctx, sig, cond);
}

/* Notes the signals of a rounding (raises when trapped). */
static gboolean
signal_all (HsVM *vm, HsContext *ctx, guint sig)
{
  return sig == 0 || hs_decimal_add_status (vm, ctx, sig, NULL);
}

/* n with the largest coefficient of ctx's precision and the exponent Etop */
void
hs_decimal_max_finite (Num *n, const HsContext *ctx)
{
  mpz_set_ui (n->c, 1);
  hs_decimal_mul_pow10 (n->c, ctx->prec);
  mpz_sub_ui (n->c, n->c, 1);
  n->exp = ctx->emax - ctx->prec + 1;
}

/* libmpdec's _mpd_check_exp: a finite n's exponent brought within ctx's Emin..Emax (an
 * overflow to Infinity or the largest number by `mode`, a subnormal rounded at Etiny, a
 * clamped exponent); returns the signals */
static guint
check_exp (Num *n, const HsContext *ctx, int mode)
{
  gint64 adj = n->exp + hs_decimal_ndigits (n->c) - 1, etiny = ctx->emin - ctx->prec + 1;
  gint64 etop = ctx->emax - ctx->prec + 1;
  gboolean zero = mpz_sgn (n->c) == 0;
  if (adj > ctx->emax)
    {
      if (zero)
        {
          n->exp = ctx->clamp ? etop : ctx->emax;
          return S_CLAMPED;
        }
      gboolean to_max = mode == R_DOWN || mode == R_05UP || (mode == R_CEILING && n->sign)
                        || (mode == R_FLOOR && !n->sign);
      if (to_max)
        hs_decimal_max_finite (n, ctx);
      else
        {
          n->kind = K_INF;
          mpz_set_ui (n->c, 0);
          n->exp = 0;
        }
      return S_OVERFLOW | S_INEXACT | S_ROUNDED;
    }
  if (ctx->clamp && n->exp > etop)
    {
      hs_decimal_mul_pow10 (n->c, n->exp - etop);
      n->exp = etop;
      return S_CLAMPED | (!zero && adj < ctx->emin ? S_SUBNORMAL : 0);
    }
  if (adj >= ctx->emin)
    return 0;
  if (zero)
    {
      if (n->exp >= etiny)
        return 0;
      n->exp = etiny;
      return S_CLAMPED;
    }
  guint status = S_SUBNORMAL;
  if (n->exp < etiny)
    {
      status |= S_ROUNDED;
      if (hs_decimal_rescale (n, etiny, mode) & S_INEXACT)
        status |= S_INEXACT | S_UNDERFLOW | (mpz_sgn (n->c) == 0 ? S_CLAMPED : 0);
    }
  return status;
}

/* libmpdec's mpd_qfinalize: n brought within ctx's precision and exponent range, rounding
 * by `mode` (-1: the context's); returns the signals */
guint
hs_decimal_finalize (Num *n, const HsContext *ctx, int mode)
{
  guint status;
  gint64 nd;
  if (n->kind != K_FINITE)
    return 0;
  if (mode < 0)
    mode = ctx->rounding;
  status = check_exp (n, ctx, mode);
  if (n->kind != K_FINITE)
    return status;
  nd = hs_decimal_ndigits (n->c);
  if (nd > ctx->prec)
    {
      status |= drop_digits (n, nd - ctx->prec, mode);
      if (hs_decimal_ndigits (n->c) > ctx->prec)
        {
          drop_digits (n, 1, R_DOWN);
          status |= check_exp (n, ctx, mode);
        }
    }
  return status;
}

/* n rounded to the context's precision (with `mode`, -1 the context's); FALSE if it raised */
gboolean
hs_decimal_round_to (HsVM *vm, HsContext *ctx, Num *n, int mode)
{
  return signal_all (vm, ctx, hs_decimal_finalize (n, ctx, mode));
}

gboolean
hs_decimal_finish (HsVM *vm, HsContext *ctx, Num *n)
{
  return hs_decimal_round_to (vm, ctx, n, -1);
}

/* A quiet NaN result of an invalid operation, or FALSE when InvalidOperation is trapped */
gboolean
hs_decimal_invalid (HsVM *vm, HsContext *ctx, Num *r, const char *cond)
{
  r->kind = K_NAN;
  r->sign = 0;
  mpz_set_ui (r->c, 0);
  return signal_raise (vm, ctx, S_INVALID, cond);
}

/* The NaN result of an operation with a NaN operand (the first's, a signalling one
 * first): TRUE in *done when there was one; FALSE when it raised. */
gboolean
hs_decimal_nan_operands (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *r,
                         gboolean *done)
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
  g_autoptr (GString) ascii = hs_str_decimal_to_ascii (text, strlen (text));
  const char *p = ascii != NULL ? ascii->str : text, *end;
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
      hs_decimal_mul_pow10 (n->c, frac);
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
void
hs_decimal_plain_digits (const Num *n, GString *out)
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
  hs_int_gmp_free (digits);
}

/* The specification's to-scientific-string into out */
void
hs_decimal_to_string (const Num *n, gboolean caps, GString *out)
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
          hs_int_gmp_free (d);
        }
      return;
    }
  char *digits = mpz_get_str (NULL, 10, n->c);
  gint64 len = (gint64)strlen (digits), adjusted = n->exp + len - 1;
  if (n->exp <= 0 && adjusted >= -6)
    hs_decimal_plain_digits (n, out);
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
  hs_int_gmp_free (digits);
}

static HsObject *
decimal_str (HsVM *vm, HsObject *self)
{
  GString *s = g_string_new (NULL);
  hs_decimal_to_string (NUM (self), hs_decimal_current (vm)->capitals, s);
  HsObject *r = hs_str_new (vm, s->str, s->len);
  g_string_free (s, TRUE);
  return r;
}

static HsObject *
decimal_repr (HsVM *vm, HsObject *self)
{
  GString *s = g_string_new ("Decimal('");
  hs_decimal_to_string (NUM (self), hs_decimal_current (vm)->capitals, s);
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
      else if (hs_decimal_invalid (vm, hs_decimal_current (vm), &n, "ConversionSyntax"))
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
  hs_decimal_num_clear (&n);
  return r;
}

static HsObject *
decimal_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *value = NULL, *context = NULL, *d;
  if (!hs_parse_args (vm, "Decimal", args, nargs, kwnames, "|value context", &value, &context))
    return NULL;
  if (context != NULL && context != hs_None && !HS_ISINSTANCE (context, &hs_decimal_context_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "optional argument must be a context");
      return NULL;
    }
  d = hs_decimal_of (vm, value);
  if (d == NULL || !(type->type_flags & HS_TYPE_HEAP))
    return d;
  /* a class derived from Decimal: its instance, at the class's size, with the value */
  HsDecimal *sub = (HsDecimal *)hs_object_alloc (vm, type, type->basicsize);
  if (sub != NULL)
    {
      hs_incref ((HsObject *)type);
      hs_decimal_num_init (&sub->n);
      hs_decimal_num_set (&sub->n, NUM (d));
      hs_gc_track (vm, &sub->header);
    }
  hs_decref (vm, d);
  return sub != NULL ? &sub->header : NULL;
}

/* Decimal.__new__(cls, value='0', context=None), which a derived class's __new__ reaches
 * through super() */
static HsObject *
m_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *cls = hs_class_new_target (vm, "Decimal", args, nargs);
  if (cls == NULL)
    return NULL;
  if (!hs_type_is_subtype (cls, &hs_decimal_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "super(type, obj): obj must be an instance or subtype of type");
      return NULL;
    }
  return decimal_construct (vm, cls, args + 1, nargs - 1, kwnames);
}

void
hs_decimal_type_init (void)
{
  static const HsMethodDef new_def = { "__new__", m_new };
  hs_type_ready (&hs_decimal_type);
  hs_slot_wrapper_install (&hs_decimal_type, TRUE);
  hs_dict_set_item (NULL, hs_decimal_type.dict, hs_str_intern_cstr ("__new__"),
                    hs_cfunction_new (NULL, &new_def, NULL));
}

/* ---- arithmetic ---------------------------------------------------------------------------- */

/* The exponent a sum is aligned at (decimal.py's __add__ and _normalize): the smaller one,
 * but no further below the other operand than rounding to prec can see. An operand that
 * is zero, or far below the other's last kept digit, counts only as a sticky digit there
 * (*y_sticky: y becomes 1 at that exponent), so 1e999999999 + 1 aligns 30 digits, not a
 * billion. */
static gint64
add_exponent (const Num *x, const Num *y, gint64 prec, gboolean *y_sticky)
{
  gint64 e = MIN (x->exp, y->exp);
  *y_sticky = FALSE;
  if (mpz_sgn (x->c) == 0 || mpz_sgn (y->c) == 0)
    {
      const Num *other = mpz_sgn (x->c) == 0 ? y : x;
      return mpz_sgn (other->c) == 0 ? e : MAX (e, other->exp - prec - 1);
    }
  if (x->exp < y->exp)
    return e;
  gint64 lim = x->exp + MIN (-1, hs_decimal_ndigits (x->c) - prec - 2);
  if (hs_decimal_ndigits (y->c) + y->exp - 1 < lim)
    {
      *y_sticky = TRUE;
      return lim;
    }
  return e;
}

/* n's coefficient brought to exponent e (at most n's unless n is zero), signed; 1 when
 * sticky */
static void
aligned (mpz_ptr out, const Num *n, gint64 e, gboolean sticky, int sign)
{
  if (sticky)
    mpz_set_ui (out, 1);
  else if (mpz_sgn (n->c) == 0)
    mpz_set_ui (out, 0);
  else
    {
      mpz_set (out, n->c);
      hs_decimal_mul_pow10 (out, n->exp - e);
    }
  if (sign)
    mpz_neg (out, out);
}

static gboolean
num_add (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, gboolean negate_b, Num *r)
{
  gboolean done;
  int sb = b->sign ^ (negate_b ? 1 : 0);
  if (!hs_decimal_nan_operands (vm, ctx, a, b, r, &done) || done)
    return !done || !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if (a->kind == K_INF && b->kind == K_INF && a->sign != sb)
        return hs_decimal_invalid (vm, ctx, r, NULL);
      r->kind = K_INF;
      r->sign = a->kind == K_INF ? a->sign : sb;
      mpz_set_ui (r->c, 0);
      return TRUE;
    }
  mpz_t x, y;
  gboolean a_sticky, b_sticky;
  gint64 e
      = MAX (add_exponent (a, b, ctx->prec, &b_sticky), add_exponent (b, a, ctx->prec, &a_sticky));
  mpz_inits (x, y, NULL);
  aligned (x, a, e, a_sticky, a->sign);
  aligned (y, b, e, b_sticky, sb);
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
  if (!hs_decimal_nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if ((a->kind == K_FINITE && mpz_sgn (a->c) == 0)
          || (b->kind == K_FINITE && mpz_sgn (b->c) == 0))
        return hs_decimal_invalid (vm, ctx, r, NULL);
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
void
hs_decimal_reduce_to_ideal (Num *r, gint64 ideal)
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
    return hs_decimal_invalid (vm, ctx, r, "DivisionUndefined");
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
  if (!hs_decimal_nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if (a->kind == K_INF && b->kind == K_INF)
        return hs_decimal_invalid (vm, ctx, r, "DivisionUndefined");
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
  gint64 shift = ctx->prec + hs_decimal_ndigits (b->c) - hs_decimal_ndigits (a->c) + 2;
  mpz_t x, y, rem;
  mpz_inits (x, y, rem, NULL);
  mpz_set (x, a->c);
  mpz_set (y, b->c);
  if (shift > 0)
    hs_decimal_mul_pow10 (x, shift);
  else
    hs_decimal_mul_pow10 (y, -shift);
  mpz_tdiv_qr (r->c, rem, x, y);
  r->exp = ideal - shift;
  if (mpz_sgn (rem) != 0)
    {
      mpz_mul_ui (r->c, r->c, 10); /* a sticky digit below the ones rounding looks at */
      mpz_add_ui (r->c, r->c, 1);
      r->exp--;
    }
  else
    hs_decimal_reduce_to_ideal (r, ideal);
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
  if (!hs_decimal_nan_operands (vm, ctx, a, b, q, &done) || done)
    {
      if (m != NULL && !hs_err_occurred (vm))
        hs_decimal_num_set (m, q);
      hs_decimal_num_clear (&scratch);
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
          ok = hs_decimal_invalid (vm, ctx, q, cond);
          if (ok && m != NULL)
            hs_decimal_num_set (m, q);
        }
      hs_decimal_num_clear (&scratch);
      return ok;
    }
  mpz_t x, y, rem;
  gint64 e = MIN (a->exp, b->exp);
  mpz_inits (x, y, rem, NULL);
  mpz_set (x, a->c);
  hs_decimal_mul_pow10 (x, a->exp - e);
  mpz_set (y, b->c);
  hs_decimal_mul_pow10 (y, b->exp - e);
  mpz_tdiv_qr (q->c, rem, x, y);
  q->kind = K_FINITE;
  q->sign = sign;
  q->exp = 0;
  if (hs_decimal_ndigits (q->c) > ctx->prec)
    ok = hs_decimal_invalid (vm, ctx, q, "DivisionImpossible");
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
  hs_decimal_num_clear (&scratch);
  return ok;
}

/* a ** b for an integral b: the exact power rounded once */
static gboolean
num_pow (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *r)
{
  gboolean done;
  if (!hs_decimal_nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  mpz_t e;
  mpz_init (e);
  gboolean integral = b->kind == K_FINITE;
  if (integral)
    {
      mpz_set (e, b->c);
      if (b->exp >= 0)
        hs_decimal_mul_pow10 (e, b->exp);
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
        return hs_decimal_invalid (vm, ctx, r, NULL);
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "Heapscope's decimal computes only integral powers");
      return FALSE;
    }
  long n = mpz_get_si (e);
  mpz_clear (e);
  int sign = a->sign && (n % 2 != 0);
  if (a_zero && n == 0)
    return hs_decimal_invalid (vm, ctx, r, NULL);
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
      hs_decimal_num_clear (&one);
    }
  hs_decimal_num_clear (&p);
  return ok;
}

/* a rescaled to exponent exp with `mode` (no precision check) */
guint
hs_decimal_rescale (Num *n, gint64 exp, int mode)
{
  if (n->kind != K_FINITE)
    return 0;
  if (exp < n->exp)
    {
      hs_decimal_mul_pow10 (n->c, n->exp - exp);
      n->exp = exp;
      return 0;
    }
  if (exp == n->exp)
    return 0;
  gint64 nd = hs_decimal_ndigits (n->c), k = exp - n->exp;
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
  if (!hs_decimal_nan_operands (vm, ctx, a, b, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_INF || b->kind == K_INF)
    {
      if (a->kind == K_INF && b->kind == K_INF)
        {
          hs_decimal_num_set (r, a);
          return TRUE;
        }
      return hs_decimal_invalid (vm, ctx, r, NULL);
    }
  hs_decimal_num_set (r, a);
  guint sig = hs_decimal_rescale (r, b->exp, mode < 0 ? ctx->rounding : mode);
  if (hs_decimal_ndigits (r->c) > ctx->prec)
    return hs_decimal_invalid (vm, ctx, r, NULL);
  return signal_all (vm, ctx, sig);
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
      hs_decimal_num_clear (&x);
      hs_decimal_num_clear (&y);
      hs_decimal_num_clear (&r);
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
          hs_decimal_num_clear (&q);
        }
        break;
      default:
        ok = num_pow (vm, ctx, &x, &y, &r);
        break;
    }
  if (ok)
    res = decimal_from_num (vm, &r);
  hs_decimal_num_clear (&x);
  hs_decimal_num_clear (&y);
  hs_decimal_num_clear (&r);
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
  hs_decimal_num_clear (&r);
  hs_decimal_num_clear (&zero);
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
    hs_decimal_mul_pow10 (mpq_numref (q), n->exp);
  else
    hs_decimal_mul_pow10 (mpq_denref (q), -n->exp);
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
  hs_decimal_num_clear (&x);
  hs_decimal_num_clear (&y);
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
  hs_decimal_num_clear (r);
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
      hs_decimal_num_clear (&e);
      hs_decimal_num_clear (&r);
      hs_err_format (vm, &hs_exc_TypeError, "conversion from %s to Decimal is not supported",
                     hs_type_name (exp));
      return NULL;
    }
  gboolean ok = num_quantize (vm, ctx, NUM (args[0]), &e, mode, &r);
  hs_decimal_num_clear (&e);
  return hs_decimal_result (vm, ok, &r);
}

/* r set to self's value to work on (TRUE), or to the NaN hs_decimal_result (FALSE, *ok) */
static gboolean
unary_start (HsVM *vm, HsContext *ctx, HsObject *self, Num *r, gboolean *ok)
{
  gboolean done;
  hs_decimal_num_init (r);
  *ok = hs_decimal_nan_operands (vm, ctx, NUM (self), NULL, r, &done);
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
    hs_decimal_rescale (&r, 0, mode < 0 ? ctx->rounding : mode);
  return hs_decimal_result (vm, ok, &r);
}

/* The context of a method whose only parameter is `context`, or NULL */
HsContext *
hs_decimal_context_only (HsVM *vm, const char *name, HsObject **args, gsize nargs,
                         HsObject *kwnames)
{
  HsObject *ctxo = NULL;
  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "|context", &ctxo))
    return NULL;
  return context_arg (vm, ctxo);
}

static HsObject *
m_normalize (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsContext *ctx = hs_decimal_context_only (vm, "normalize", args, nargs, kwnames);
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
        hs_decimal_reduce_to_ideal (&r, G_MAXINT64);
    }
  return hs_decimal_result (vm, ok, &r);
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
  hs_int_gmp_free (s);
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
      vm, n->kind == K_FINITE && mpz_sgn (n->c) != 0 ? n->exp + hs_decimal_ndigits (n->c) - 1 : 0);
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
    hs_decimal_rescale (&r, 0, mode);
  else
    hs_decimal_mul_pow10 (r.c, r.exp);
  if (r.sign)
    mpz_neg (r.c, r.c);
  HsObject *o = hs_int_from_mpz (vm, r.c);
  hs_decimal_num_clear (&r);
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
  hs_decimal_to_string (n, TRUE, s);
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
  hs_decimal_num_clear (&e);
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
  hs_decimal_num_clear (&x);
  hs_decimal_num_clear (&y);
  hs_decimal_num_clear (&q);
  hs_decimal_num_clear (&m);
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

static const HsMethodDef decimal_methods[] = {
  { "quantize", m_quantize },
  { "to_integral_value", m_to_integral },
  { "to_integral", m_to_integral },
  { "normalize", m_normalize },
  { "next_plus", hs_decimal_m_next_plus },
  { "next_minus", hs_decimal_m_next_minus },
  { "sqrt", hs_decimal_m_sqrt },
  { "exp", hs_decimal_m_exp },
  { "ln", hs_decimal_m_ln },
  { "log10", hs_decimal_m_log10 },
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
  { "__format__", hs_decimal_m_format },
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
  .type_flags = HS_TYPE_BASETYPE | HS_TYPE_PYTHON_CLASS,
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
