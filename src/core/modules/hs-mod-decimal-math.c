/* hs-mod-decimal-math.c — Decimal's sqrt(), exp(), ln() and log10(), correctly rounded with
 * ROUND_HALF_EVEN whatever the context's rounding, as CPython 3.11's (libmpdec's allcr), and
 * next_plus()/next_minus().
 *
 * Invariant: a value is computed in decimal fixed point (an integer Y standing for
 * Y * 10**-W) with an error below ERR units of its last place; the result is accepted only
 * when Y - ERR and Y + ERR round to the same number of the context's precision (Ziv's test),
 * else computed again with more digits. These functions are transcendental away from their
 * exact cases (exp(0), ln(1), log10 of a power of ten), so the loop ends.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-exceptions.h"

#include "hs-decimal.h"

/* what a fixed-point result may be off by, in units of its last place */
#define ERR 1000

static void
ten_to (mpz_ptr p, gint64 k)
{
  mpz_ui_pow_ui (p, 10, (unsigned long)k);
}

/* x * 10**-k, truncated (k may be negative: a multiplication) */
static void
scale (mpz_ptr r, mpz_srcptr x, gint64 k)
{
  mpz_t p;
  mpz_init (p);
  ten_to (p, k >= 0 ? k : -k);
  if (k >= 0)
    mpz_tdiv_q (r, x, p);
  else
    mpz_mul (r, x, p);
  mpz_clear (p);
}

/* r = exp(x) for a fixed-point x (scale 10**-w) with |x| below about 3: x halved k times,
 * the Taylor series, then squared k times, with guard digits for the squarings */
static void
fx_exp (mpz_ptr r, mpz_srcptr x, gint64 w)
{
  gint64 k = 8 + w / 16, g = w + 12 + k / 3;
  mpz_t y, term, one;
  mpz_inits (y, term, one, NULL);
  ten_to (one, g);
  scale (y, x, w - g);
  mpz_tdiv_q_2exp (y, y, (mp_bitcnt_t)k);
  mpz_set (r, one);
  mpz_set (term, one);
  for (unsigned long n = 1; mpz_sgn (term) != 0; n++)
    {
      mpz_mul (term, term, y);
      mpz_tdiv_q (term, term, one);
      mpz_tdiv_q_ui (term, term, n);
      mpz_add (r, r, term);
    }
  for (gint64 i = 0; i < k; i++)
    {
      mpz_mul (r, r, r);
      mpz_tdiv_q (r, r, one);
    }
  scale (r, r, g - w);
  mpz_clears (y, term, one, NULL);
}

/* r = ln(m) for a fixed-point m (scale 10**-w) in [1, 10]: Newton's y += m * exp(-y) - 1
 * from the double's logarithm */
static void
fx_ln (mpz_ptr r, mpz_srcptr m, gint64 w)
{
  gint64 g = w + 6;
  mpz_t mm, e, one, step;
  mpz_inits (mm, e, one, step, NULL);
  ten_to (one, g);
  scale (mm, m, w - g);
  /* the double's log, 15 digits, as the first guess */
  scale (e, mm, g - 15);
  mpz_set_d (r, log (mpz_get_d (e) / 1e15) * 1e15);
  scale (r, r, 15 - g);
  for (int i = 0; i < 64; i++)
    {
      mpz_neg (e, r);
      fx_exp (e, e, g);
      mpz_mul (step, e, mm);
      mpz_tdiv_q (step, step, one);
      mpz_sub (step, step, one);
      mpz_add (r, r, step);
      if (mpz_cmpabs_ui (step, 10) <= 0)
        break;
    }
  scale (r, r, g - w);
  mpz_clears (mm, e, one, step, NULL);
}

/* r = ln(10) at scale 10**-w */
static void
fx_ln10 (mpz_ptr r, gint64 w)
{
  mpz_t ten;
  mpz_init (ten);
  ten_to (ten, w + 1);
  fx_ln (r, ten, w);
  mpz_clear (ten);
}

/* n (a finite Num with a coefficient of at least prec digits) rounded half even to prec */
static void
round_prec (Num *n, gint64 prec)
{
  gint64 nd = hs_decimal_ndigits (n->c);
  hs_decimal_rescale (n, n->exp + nd - prec, R_HALF_EVEN);
  if (hs_decimal_ndigits (n->c) > prec)
    hs_decimal_rescale (n, n->exp + 1, R_DOWN);
}

/* Ziv's test: when y * 10**e0 (give or take ERR units) rounds to one number of prec digits,
 * that number into out (TRUE) */
static gboolean
ziv_round (mpz_srcptr y, gint64 e0, gint64 prec, Num *out)
{
  Num lo, hi;
  gboolean same;
  if (mpz_cmpabs_ui (y, ERR) <= 0)
    return FALSE;
  hs_decimal_num_init (&lo);
  hs_decimal_num_init (&hi);
  mpz_abs (lo.c, y);
  mpz_sub_ui (lo.c, lo.c, ERR);
  mpz_abs (hi.c, y);
  mpz_add_ui (hi.c, hi.c, ERR);
  lo.exp = hi.exp = e0;
  same = hs_decimal_ndigits (lo.c) >= prec + 3;
  if (same)
    {
      round_prec (&lo, prec);
      round_prec (&hi, prec);
      same = lo.exp == hi.exp && mpz_cmp (lo.c, hi.c) == 0;
    }
  if (same)
    {
      out->kind = K_FINITE;
      out->sign = mpz_sgn (y) < 0;
      out->exp = lo.exp;
      mpz_set (out->c, lo.c);
    }
  hs_decimal_num_clear (&lo);
  hs_decimal_num_clear (&hi);
  return same;
}

/* the inexact result r noted and brought within ctx's exponents; FALSE if it raised */
static gboolean
inexact_result (HsVM *vm, HsContext *ctx, Num *r)
{
  guint status = hs_decimal_finalize (r, ctx, R_HALF_EVEN);
  return hs_decimal_add_status (vm, ctx, status | S_INEXACT | S_ROUNDED, NULL);
}

static void
set_int (Num *r, gint64 v, int kind)
{
  r->kind = kind;
  r->sign = v < 0;
  r->exp = 0;
  mpz_set_si (r->c, v < 0 ? -v : v);
}

/* exp(a) of a finite, non-zero a */
static gboolean
finite_exp (HsVM *vm, HsContext *ctx, const Num *a, Num *r)
{
  gint64 adj = a->exp + hs_decimal_ndigits (a->c) - 1;
  if (adj >= 19) /* past every exponent: Overflow, or Underflow to 0 */
    {
      mpz_set_ui (r->c, 1);
      r->kind = K_FINITE;
      r->sign = 0;
      r->exp = a->sign ? ctx->emin - ctx->prec - 1 : ctx->emax + 1;
      return inexact_result (vm, ctx, r);
    }
  for (gint64 w = ctx->prec + 12 + MAX (adj, 0);; w += w / 2 + 10)
    {
      mpz_t x, l, n, e;
      gboolean done;
      mpz_inits (x, l, n, e, NULL);
      scale (x, a->c, -(a->exp + w)); /* x at scale 10**-w */
      if (a->sign)
        mpz_neg (x, x);
      /* exp(x) = 10**n * exp(x - n ln 10), n = floor(x / ln 10) */
      fx_ln10 (l, w + 2 + MAX (adj, 0));
      scale (l, l, 2 + MAX (adj, 0));
      mpz_fdiv_q (n, x, l);
      mpz_submul (x, n, l);
      fx_exp (e, x, w);
      done = ziv_round (e, mpz_get_si (n) - w, ctx->prec, r);
      mpz_clears (x, l, n, e, NULL);
      if (done)
        return inexact_result (vm, ctx, r);
    }
}

/* ln(a) (log10 when `ten`) of a finite a > 0 other than 1 */
static gboolean
finite_log (HsVM *vm, HsContext *ctx, const Num *a, Num *r, gboolean ten)
{
  gint64 nd = hs_decimal_ndigits (a->c), adj = a->exp + nd - 1;
  gint64 adj_digits = (gint64)floor (log10 (fabs ((double)adj) + 1)) + 1;
  for (gint64 w = ctx->prec + 12;; w += w / 2 + 10)
    {
      mpz_t m, y, l;
      gboolean done;
      mpz_inits (m, y, l, NULL);
      /* ln(a) = ln(m) + adj ln 10, m = a's coefficient read as d.ddd */
      scale (m, a->c, nd - 1 - w);
      fx_ln (y, m, w);
      fx_ln10 (l, w + adj_digits + 2);
      if (adj != 0)
        {
          mpz_t t;
          mpz_init (t);
          mpz_mul_si (t, l, (long)adj);
          scale (t, t, adj_digits + 2);
          mpz_add (y, y, t);
          mpz_clear (t);
        }
      if (ten)
        {
          scale (y, y, -(adj_digits + 2 + w));
          mpz_tdiv_q (y, y, l);
        }
      done = ziv_round (y, -w, ctx->prec, r);
      mpz_clears (m, y, l, NULL);
      if (done)
        return inexact_result (vm, ctx, r);
    }
}

static gboolean
num_exp (HsVM *vm, HsContext *ctx, const Num *a, Num *r)
{
  gboolean done;
  if (!hs_decimal_nan_operands (vm, ctx, a, NULL, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_INF)
    {
      set_int (r, 0, a->sign ? K_FINITE : K_INF);
      return TRUE;
    }
  if (mpz_sgn (a->c) == 0)
    {
      set_int (r, 1, K_FINITE);
      return TRUE;
    }
  return finite_exp (vm, ctx, a, r);
}

/* TRUE when c is a power of ten, its exponent in *k */
static gboolean
power_of_ten (mpz_srcptr c, gint64 *k)
{
  gint64 nd = hs_decimal_ndigits (c);
  mpz_t p;
  gboolean yes;
  mpz_init (p);
  ten_to (p, nd - 1);
  yes = mpz_cmp (p, c) == 0;
  mpz_clear (p);
  *k = nd - 1;
  return yes;
}

static gboolean
num_log (HsVM *vm, HsContext *ctx, const Num *a, Num *r, gboolean ten)
{
  gboolean done;
  gint64 k;
  if (!hs_decimal_nan_operands (vm, ctx, a, NULL, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->kind == K_FINITE && mpz_sgn (a->c) == 0)
    {
      set_int (r, 0, K_INF);
      r->sign = 1;
      return TRUE;
    }
  if (a->sign)
    return hs_decimal_invalid (vm, ctx, r, NULL);
  if (a->kind == K_INF)
    {
      set_int (r, 0, K_INF);
      return TRUE;
    }
  if (power_of_ten (a->c, &k) && (ten || a->exp + k == 0))
    {
      /* log10(10**n) is n, ln(1) is 0: exact */
      set_int (r, a->exp + k, K_FINITE);
      return hs_decimal_round_to (vm, ctx, r, R_HALF_EVEN);
    }
  return finite_log (vm, ctx, a, r, ten);
}

/* the square root, correctly rounded half even, its ideal exponent half a's */
static gboolean
num_sqrt (HsVM *vm, HsContext *ctx, const Num *a, Num *r)
{
  gboolean done;
  if (!hs_decimal_nan_operands (vm, ctx, a, NULL, r, &done) || done)
    return !hs_err_occurred (vm);
  if (a->sign && !(a->kind == K_FINITE && mpz_sgn (a->c) == 0))
    return hs_decimal_invalid (vm, ctx, r, NULL);
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
  gint64 k = ctx->prec + 1 - (hs_decimal_ndigits (x) + 1) / 2;
  if (k < 0)
    k = 0;
  hs_decimal_mul_pow10 (x, 2 * k);
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
    hs_decimal_reduce_to_ideal (r, ideal);
  mpz_clears (x, rem, NULL);
  return hs_decimal_round_to (vm, ctx, r, R_HALF_EVEN);
}

HsObject *
hs_decimal_m_sqrt (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsContext *ctx = hs_decimal_context_only (vm, "sqrt", args, nargs, kwnames);
  Num r;
  if (ctx == NULL)
    return NULL;
  hs_decimal_num_init (&r);
  return hs_decimal_result (vm, num_sqrt (vm, ctx, NUM (args[0]), &r), &r);
}

static HsObject *
unary (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, int which)
{
  HsContext *ctx = hs_decimal_context_only (vm, name, args, nargs, kwnames);
  Num r;
  gboolean ok;
  if (ctx == NULL)
    return NULL;
  hs_decimal_num_init (&r);
  ok = which == 0 ? num_exp (vm, ctx, NUM (args[0]), &r)
                  : num_log (vm, ctx, NUM (args[0]), &r, which == 2);
  return hs_decimal_result (vm, ok, &r);
}

HsObject *
hs_decimal_m_exp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return unary (vm, args, nargs, kwnames, "exp", 0);
}

HsObject *
hs_decimal_m_ln (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return unary (vm, args, nargs, kwnames, "ln", 1);
}

HsObject *
hs_decimal_m_log10 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return unary (vm, args, nargs, kwnames, "log10", 2);
}

/* A finite r, exact in ctx, moved to its neighbour above (`up`) or below: its coefficient
 * widened to the context's precision (not below Etiny), then one unit of its last place
 * added or taken away, a power of ten going toward zero gaining a digit (1000 → 9999E-1);
 * zero goes to the tiniest number. */
static void
step_to_neighbour (Num *r, const HsContext *ctx, gboolean up)
{
  gint64 etiny = ctx->emin - ctx->prec + 1;
  gint64 pad = MIN (ctx->prec - hs_decimal_ndigits (r->c), r->exp - etiny);
  mpz_t low;
  if (mpz_sgn (r->c) == 0)
    {
      mpz_set_ui (r->c, 1);
      r->exp = etiny;
      r->sign = !up;
      return;
    }
  if (pad > 0)
    {
      hs_decimal_mul_pow10 (r->c, pad);
      r->exp -= pad;
    }
  if (up != r->sign)
    {
      mpz_add_ui (r->c, r->c, 1);
      return;
    }
  mpz_init (low);
  ten_to (low, ctx->prec - 1);
  if (mpz_cmp (r->c, low) == 0 && r->exp > etiny)
    {
      mpz_mul_ui (r->c, low, 10);
      r->exp--;
    }
  mpz_sub_ui (r->c, r->c, 1);
  mpz_clear (low);
}

/* next_plus() / next_minus(): the closest number the context can represent above / below
 * a (libmpdec's mpd_qnext_plus, mpd_qnext_minus): a rounded toward that side when rounding
 * changes it, else its neighbour; an infinity going back is the largest number. */
static gboolean
num_next (HsVM *vm, HsContext *ctx, const Num *a, Num *r, gboolean up)
{
  int mode = up ? R_CEILING : R_FLOOR;
  gboolean done;
  if (!hs_decimal_nan_operands (vm, ctx, a, NULL, r, &done) || done)
    return !hs_err_occurred (vm);
  hs_decimal_num_set (r, a);
  if (r->kind == K_INF && r->sign == up)
    {
      r->kind = K_FINITE;
      hs_decimal_max_finite (r, ctx);
    }
  else if (r->kind == K_FINITE && !(hs_decimal_finalize (r, ctx, mode) & S_INEXACT))
    {
      step_to_neighbour (r, ctx, up);
      hs_decimal_finalize (r, ctx, mode);
    }
  return TRUE;
}

static HsObject *
next_op (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, int up)
{
  HsContext *ctx
      = hs_decimal_context_only (vm, up ? "next_plus" : "next_minus", args, nargs, kwnames);
  Num r;
  if (ctx == NULL)
    return NULL;
  hs_decimal_num_init (&r);
  return hs_decimal_result (vm, num_next (vm, ctx, NUM (args[0]), &r, up), &r);
}

HsObject *
hs_decimal_m_next_plus (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return next_op (vm, args, nargs, kwnames, TRUE);
}

HsObject *
hs_decimal_m_next_minus (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return next_op (vm, args, nargs, kwnames, FALSE);
}
