/* hs-mod-decimal-format.c — Decimal.__format__, as CPython 3.11's decimal formats (the
 * algorithm of _pydecimal's __format__ and _format_number, which _decimal's libmpdec
 * follows): [[fill]align][sign][z][0][width][,][.precision][type], the types e E f F g G n %
 * and none, rounding with the current context's rounding.
 *
 * Invariant: the number is rounded first (to precision + 1 significant digits for e, to
 * precision places for f and %, to precision digits for g), then split into the digits
 * before and after the point and an exponent; only then are the sign, separators, padding
 * and alignment added.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-format.h"
#include "hs-int.h"
#include "hs-str.h"

#include "hs-decimal.h"

typedef struct
{
  gunichar fill;
  char align, sign, type, sep;
  gboolean no_neg_0, zeropad;
  gint64 width, prec; /* -1: not given */
} Spec;

static gboolean
read_number (const char **p, gint64 *out)
{
  if (!g_ascii_isdigit (**p))
    return FALSE;
  *out = 0;
  while (g_ascii_isdigit (**p))
    {
      if (*out < G_GINT64_CONSTANT (100000000000))
        *out = *out * 10 + (**p - '0');
      (*p)++;
    }
  return TRUE;
}

/* The format spec into s; FALSE when it is not one */
static gboolean
parse_spec (const char *p, Spec *s)
{
  memset (s, 0, sizeof *s);
  s->fill = ' ';
  s->sign = '-';
  s->width = s->prec = -1;
  if (*p != '\0' && *g_utf8_next_char (p) != '\0' && strchr ("<>=^", *g_utf8_next_char (p)))
    {
      s->fill = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      s->align = *p++;
    }
  else if (*p != '\0' && strchr ("<>=^", *p) != NULL)
    s->align = *p++;
  if (*p == '+' || *p == '-' || *p == ' ')
    s->sign = *p++;
  if (*p == 'z')
    {
      s->no_neg_0 = TRUE;
      p++;
    }
  if (*p == '0')
    {
      s->zeropad = TRUE;
      p++;
    }
  read_number (&p, &s->width);
  if (*p == ',')
    s->sep = *p++;
  if (*p == '.')
    {
      p++;
      if (!read_number (&p, &s->prec))
        return FALSE;
    }
  if (*p != '\0' && strchr ("eEfFgGn%", *p) != NULL)
    s->type = *p++;
  if (*p != '\0' || (s->type == 'n' && s->sep != 0))
    return FALSE;
  if (s->align == 0) /* a zero padding pads the digits (insert_separators) */
    s->align = '>';
  if (s->type == 'n')
    s->type = 'g';
  if ((s->type == 'g' || s->type == 'G') && s->prec == 0)
    s->prec = 1;
  return TRUE;
}

/* n (finite, not zero) rounded to `places` significant digits, as _pydecimal's _round */
static void
round_digits (Num *n, gint64 places, int mode)
{
  gint64 adj = n->exp + hs_decimal_ndigits (n->c) - 1;
  if (mpz_sgn (n->c) == 0)
    return;
  hs_decimal_rescale (n, adj + 1 - places, mode);
  gint64 adj2 = n->exp + hs_decimal_ndigits (n->c) - 1;
  if (adj2 != adj)
    hs_decimal_rescale (n, adj2 + 1 - places, mode);
}

/* _pydecimal's _insert_thousands_sep: digits grouped by threes with sep (none: padded with
 * zeros to min_width only) */
static void
insert_separators (GString *out, const char *digits, char sep, gint64 min_width)
{
  gint64 len = (gint64)strlen (digits);
  if (sep == 0)
    {
      for (gint64 i = len; i < min_width; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
      return;
    }
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      gint64 l = MIN (MAX (MAX (len, min_width), 1), 3);
      GString *g = g_string_new (NULL);
      for (gint64 i = len; i < l; i++)
        g_string_append_c (g, '0');
      g_string_append_len (g, digits + MAX (len - l, 0), MIN (l, len));
      g_ptr_array_add (groups, g_string_free (g, FALSE));
      len = MAX (len - l, 0);
      min_width -= l;
      if (len == 0 && min_width <= 0)
        break;
      min_width -= 1;
    }
  for (guint i = groups->len; i > 0; i--)
    {
      g_string_append (out, groups->pdata[i - 1]);
      if (i > 1)
        g_string_append_c (out, sep);
    }
  g_ptr_array_free (groups, TRUE);
}

/* _pydecimal's _format_align: sign and body padded to the width */
static HsObject *
align (HsVM *vm, const Spec *s, const char *sign, const char *body)
{
  gint64 len = (gint64)strlen (sign) + (gint64)g_utf8_strlen (body, -1);
  gint64 pad = s->width > len ? s->width - len : 0;
  gint64 left = s->align == '<' || s->align == '=' ? 0 : s->align == '^' ? pad / 2 : pad;
  char fb[8];
  int fl = g_unichar_to_utf8 (s->fill, fb);
  GString *out = g_string_new (NULL);
  for (gint64 i = 0; i < left; i++)
    g_string_append_len (out, fb, fl);
  g_string_append (out, sign);
  if (s->align == '=')
    for (gint64 i = 0; i < pad; i++)
      g_string_append_len (out, fb, fl);
  g_string_append (out, body);
  if (s->align != '=')
    for (gint64 i = 0; i < pad - left; i++)
      g_string_append_len (out, fb, fl);
  HsObject *r = hs_str_new (vm, out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

static const char *
sign_of (const Spec *s, gboolean negative)
{
  return negative ? "-" : s->sign == '+' ? "+" : s->sign == ' ' ? " " : "";
}

/* the body of a finite n (rounded already) as _pydecimal's __format__ and _format_number */
static void
finite_body (const Num *n, const Spec *s, const char *sign, GString *body)
{
  char *digits = mpz_get_str (NULL, 10, n->c);
  gint64 len = (gint64)strlen (digits), left = n->exp + len, dot;
  gboolean zero = mpz_sgn (n->c) == 0;
  if (s->type == 'e' || s->type == 'E')
    dot = zero && s->prec >= 0 ? 1 - s->prec : 1;
  else if (s->type == 'f' || s->type == 'F' || s->type == '%')
    dot = left;
  else
    dot = n->exp <= 0 && left > -6 ? left : 1;
  GString *ip = g_string_new (NULL), *fp = g_string_new (NULL);
  if (dot < 0)
    {
      g_string_append_c (ip, '0');
      for (gint64 i = 0; i < -dot; i++)
        g_string_append_c (fp, '0');
      g_string_append (fp, digits);
    }
  else if (dot > len)
    {
      g_string_append (ip, digits);
      for (gint64 i = len; i < dot; i++)
        g_string_append_c (ip, '0');
    }
  else
    {
      g_string_append_len (ip, digits, dot);
      if (dot == 0)
        g_string_append_c (ip, '0');
      g_string_append (fp, digits + dot);
    }
  gint64 exp = left - dot;
  if (fp->len > 0)
    g_string_prepend_c (fp, '.');
  if (exp != 0 || s->type == 'e' || s->type == 'E')
    g_string_append_printf (fp, "%c%+" G_GINT64_FORMAT,
                            s->type == 'E' || s->type == 'G' ? 'E' : 'e', exp);
  if (s->type == '%')
    g_string_append_c (fp, '%');
  gint64 min_width = s->zeropad ? s->width - (gint64)fp->len - (gint64)strlen (sign) : 0;
  insert_separators (body, ip->str, s->sep, min_width);
  g_string_append (body, fp->str);
  g_string_free (ip, TRUE);
  g_string_free (fp, TRUE);
  hs_int_gmp_free (digits);
}

/* At most how long the text of a finite n is (fixed notation writes every digit its exponent
 * reaches, separators at most one a digit), so that a billion of them is a MemoryError
 * before any is made */
static gsize
text_bound (const Num *n, const Spec *s)
{
  gint64 digits = hs_decimal_ndigits (n->c) + MAX (s->prec, 0);
  if (s->type == 'f' || s->type == 'F' || s->type == '%')
    digits += ABS (n->exp) + 2;
  return 2 * (gsize)digits + (gsize)MAX (s->width, 0) + 32;
}

HsObject *
hs_decimal_m_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *spec_o, *r;
  Spec s;
  if (!hs_parse_args (vm, "__format__", args + 1, nargs - 1, kwnames, "format_spec /", &spec_o))
    return NULL;
  if (!hs_str_check (spec_o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "format arg must be str");
      return NULL;
    }
  if (!parse_spec (hs_str_utf8 (spec_o), &s))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "invalid format string");
      return NULL;
    }
  HsContext *ctx = hs_decimal_current (vm);
  Num n;
  hs_decimal_num_init (&n);
  hs_decimal_num_set (&n, NUM (args[0]));
  if (!hs_format_check_size (vm, text_bound (&n, &s)))
    {
      hs_decimal_num_clear (&n);
      return NULL;
    }
  GString *body = g_string_new (NULL);
  const char *sign;
  if (n.kind != K_FINITE)
    {
      sign = sign_of (&s, n.sign);
      n.sign = 0;
      hs_decimal_to_string (&n, ctx->capitals, body);
      if (s.type == '%')
        g_string_append_c (body, '%');
    }
  else
    {
      if (s.type == 0)
        s.type = ctx->capitals ? 'G' : 'g';
      if (s.type == '%')
        n.exp += 2;
      if (s.prec >= 0)
        {
          if (s.type == 'e' || s.type == 'E')
            round_digits (&n, s.prec + 1, ctx->rounding);
          else if (s.type == 'f' || s.type == 'F' || s.type == '%')
            hs_decimal_rescale (&n, -s.prec, ctx->rounding);
          else if (hs_decimal_ndigits (n.c) > s.prec)
            round_digits (&n, s.prec, ctx->rounding);
        }
      if (mpz_sgn (n.c) == 0 && n.exp > 0 && strchr ("fF%", s.type) != NULL)
        hs_decimal_rescale (&n, 0, ctx->rounding);
      sign = sign_of (&s, n.sign && !(mpz_sgn (n.c) == 0 && s.no_neg_0));
      finite_body (&n, &s, sign, body);
    }
  r = align (vm, &s, sign, body->str);
  g_string_free (body, TRUE);
  hs_decimal_num_clear (&n);
  return r;
}
