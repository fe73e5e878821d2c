/* hs-parse-string.c — string literals: prefixes, escape decoding, implicit concatenation,
 * and f-strings split into JoinedStr/FormattedValue exactly as CPython 3.11's
 * string_parser.c does, parsing each expression part with a sub-parser over a fragment of
 * the same source. The parser's state and invariants are in hs-parser-private.h and
 * hs-parser.c.
 */
#include <glib/gi18n-lib.h>

#include "hs-parser-private.h"
#include "hs-unicode-name.h"

static HsExpr *fstring_compile_expr (Parser *p, HsToken *t, const char *start, const char *end);

/* ---- string literals -------------------------------------------------------------------- */

typedef struct
{
  gboolean raw, bytes, fmt, u;
  const char *body, *body_end;
} StrTok;

static void
analyze_string (HsToken *t, StrTok *st)
{
  const char *s = t->start;
  memset (st, 0, sizeof *st);
  for (; *s != '\'' && *s != '"'; s++)
    {
      char c = g_ascii_tolower (*s);
      st->raw |= c == 'r';
      st->bytes |= c == 'b';
      st->fmt |= c == 'f';
      st->u |= c == 'u';
    }
  int q = (t->end - s >= 6 && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
  st->body = s + q;
  st->body_end = t->end - q;
}

static void
unicode_error (Parser *p, int from, int to, const char *what)
{
  hs_parse_error_tok (
      p, cur (p),
      g_strdup_printf ("(unicode error) 'unicodeescape' codec can't decode bytes in "
                       "position %d-%d: %s",
                       from, to, what));
}

static int
hexval (int c)
{
  return g_ascii_xdigit_value (c);
}

/* One backslash escape at s (after the backslash); appends its value; returns the number of
 * bytes consumed after the backslash, or -1 on error. `base` is the body start (for the
 * position in CPython's message). */
static int
decode_escape (Parser *p, const char *s, const char *end, const char *base, gboolean bytes,
               GString *out)
{
  int c = s < end ? (unsigned char)*s : -1;
  int pos = (int)(s - 1 - base);
  switch (c)
    {
      case '\n':
        return 1;
      case '\\':
      case '\'':
      case '"':
        g_string_append_c (out, (char)c);
        return 1;
      case 'n':
        g_string_append_c (out, '\n');
        return 1;
      case 't':
        g_string_append_c (out, '\t');
        return 1;
      case 'r':
        g_string_append_c (out, '\r');
        return 1;
      case 'a':
        g_string_append_c (out, '\a');
        return 1;
      case 'b':
        g_string_append_c (out, '\b');
        return 1;
      case 'f':
        g_string_append_c (out, '\f');
        return 1;
      case 'v':
        g_string_append_c (out, '\v');
        return 1;
      default:
        break;
    }
  if (c >= '0' && c <= '7')
    {
      int v = 0, n = 0;
      while (n < 3 && s + n < end && s[n] >= '0' && s[n] <= '7')
        v = v * 8 + (s[n++] - '0');
      if (bytes)
        g_string_append_c (out, (char)(v & 0xff));
      else
        g_string_append_unichar (out, v);
      return n;
    }
  int ndig = c == 'x' ? 2 : (c == 'u' && !bytes) ? 4 : (c == 'U' && !bytes) ? 8 : 0;
  if (ndig)
    {
      guint32 v = 0;
      int n = 0;
      for (; n < ndig && s + 1 + n < end && hexval (s[1 + n]) >= 0; n++)
        v = v * 16 + hexval (s[1 + n]);
      if (n < ndig)
        {
          const char *what = c == 'x'   ? "truncated \\xXX escape"
                             : c == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
          unicode_error (p, pos, pos + n + 1, what);
          return -1;
        }
      if (bytes)
        g_string_append_c (out, (char)v);
      else if (v > 0x10FFFF)
        {
          unicode_error (p, pos, pos + ndig + 1, "illegal Unicode character");
          return -1;
        }
      else
        g_string_append_unichar (out, v);
      return ndig + 1;
    }
  if (c == 'N' && !bytes)
    {
      /* CPython's messages for a malformed escape and an unknown name */
      const char *close = s + 1 < end && s[1] == '{' ? memchr (s + 2, '}', end - s - 2) : NULL;
      gunichar named;
      if (s + 1 < end && s[1] != '{')
        unicode_error (p, pos, pos + 1, "malformed \\N character escape");
      else if (close == NULL || close == s + 2)
        unicode_error (p, pos, (int)((close != NULL ? close : end) - base) - 1,
                       "malformed \\N character escape");
      else if (!hs_unicode_lookup (s + 2, close - (s + 2), &named))
        unicode_error (p, pos, (int)(close - base), "unknown Unicode character name");
      else
        {
          g_string_append_unichar (out, named);
          return (int)(close + 1 - s);
        }
      return -1;
    }
  /* unknown escapes are kept as written (CPython only warns) */
  g_string_append_c (out, '\\');
  return 0;
}

static gboolean
decode_body (Parser *p, const char *s, const char *end, gboolean raw, gboolean bytes, GString *out)
{
  const char *base = s;
  while (s < end)
    {
      const char *bs = raw ? NULL : memchr (s, '\\', end - s);
      const char *stop = bs ? bs : end;
      if (bytes)
        for (const char *q = s; q < stop; q++)
          if ((unsigned char)*q >= 0x80)
            {
              hs_parse_error_tok (p, cur (p),
                                  g_strdup ("bytes can only contain ASCII literal characters"));
              return FALSE;
            }
      g_string_append_len (out, s, stop - s);
      if (!bs)
        break;
      int n = decode_escape (p, bs + 1, end, base, bytes, out);
      if (n < 0)
        return FALSE;
      s = bs + 1 + n;
    }
  return TRUE;
}

/* f-strings, following CPython 3.11's string_parser.c. */
typedef struct
{
  GString *lit;
  GPtrArray *values;
  HsPos whole; /* every Constant/FormattedValue spans all the concatenated tokens */
} FState;

static void
flush_literal_at (Parser *p, FState *st, HsPos pos)
{
  if (st->lit->len == 0)
    return;
  HsExpr *c = hs_parse_new_constant (p, HS_CONST_STR, pos);
  c->u.constant.value = hs_ast_strndup (p->arena, st->lit->str, st->lit->len);
  c->u.constant.len = st->lit->len;
  g_ptr_array_add (st->values, c);
  g_string_truncate (st->lit, 0);
}

static void
flush_literal (Parser *p, FState *st)
{
  flush_literal_at (p, st, st->whole);
}

static void
fstring_error (Parser *p, HsToken *next, const char *msg)
{
  hs_parse_error_tok (p, next, g_strdup (msg));
}

static gboolean fstring_parse (Parser *p, HsToken *t, const char **str, const char *end,
                               gboolean raw, int lvl, FState *st, HsToken *next);

/* Scans the expression part after '{' up to its end ('!', ':', '=', '}'), as CPython's
 * fstring_find_expr does; sets *expr_end. */
static gboolean
fstring_scan_expr (Parser *p, const char **str, const char *end, HsToken *next)
{
  char parens[200];
  int depth = 0;
  char quote = 0;
  int qsize = 0;
  for (; *str < end; (*str)++)
    {
      char ch = **str;
      if (ch == '\\')
        return fstring_error (p, next, "f-string expression part cannot include a backslash"),
               FALSE;
      if (quote)
        {
          if (ch == quote
              && (qsize == 1 || (*str + 2 < end && (*str)[1] == quote && (*str)[2] == quote)))
            {
              *str += qsize - 1;
              quote = 0;
            }
          continue;
        }
      if (ch == '\'' || ch == '"')
        {
          qsize = (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) ? 3 : 1;
          *str += qsize - 1;
          quote = ch;
          continue;
        }
      if (ch == '[' || ch == '(' || ch == '{')
        {
          if (depth >= 200)
            return fstring_error (p, next, "f-string: too many nested parenthesis"), FALSE;
          parens[depth++] = ch;
          continue;
        }
      if (ch == '#')
        return fstring_error (p, next, "f-string expression part cannot include '#'"), FALSE;
      if (depth == 0 && strchr ("!:}=<>", ch))
        {
          char nx = *str + 1 < end ? (*str)[1] : 0;
          if (nx == '=' && ch != ':' && ch != '}')
            {
              (*str)++;
              continue;
            }
          if (ch == '<' || ch == '>')
            continue;
          break;
        }
      if (ch == ']' || ch == ')' || ch == '}')
        {
          if (depth == 0)
            {
              g_autofree char *m = g_strdup_printf ("f-string: unmatched '%c'", ch);
              return fstring_error (p, next, m), FALSE;
            }
          char open = parens[--depth];
          if (!((open == '(' && ch == ')') || (open == '[' && ch == ']')
                || (open == '{' && ch == '}')))
            {
              g_autofree char *m = g_strdup_printf ("f-string: closing parenthesis '%c' does not "
                                                    "match opening parenthesis '%c'",
                                                    ch, open);
              return fstring_error (p, next, m), FALSE;
            }
        }
    }
  if (quote)
    return fstring_error (p, next, "f-string: unterminated string"), FALSE;
  if (depth)
    {
      g_autofree char *m = g_strdup_printf ("f-string: unmatched '%c'", parens[depth - 1]);
      return fstring_error (p, next, m), FALSE;
    }
  if (*str >= end)
    return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
  return TRUE;
}

/* One replacement field, *str at '{'. Appends to st (self-documenting text, then the
 * FormattedValue). */
static gboolean
fstring_field (Parser *p, HsToken *t, const char **str, const char *end, gboolean raw, int lvl,
               FState *st, HsToken *next)
{
  if (lvl >= 2)
    return fstring_error (p, next, "f-string: expressions nested too deeply"), FALSE;
  (*str)++;
  const char *expr_start = *str;
  if (!fstring_scan_expr (p, str, end, next))
    return FALSE;
  HsExpr *value = fstring_compile_expr (p, t, expr_start, *str);
  if (value == NULL)
    return FALSE;
  gboolean self_doc = FALSE;
  if (**str == '=')
    {
      (*str)++;
      while (*str < end && g_ascii_isspace (**str))
        (*str)++;
      if (*str >= end)
        return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
      g_string_append_len (st->lit, expr_start, *str - expr_start);
      self_doc = TRUE;
    }
  int conversion = -1;
  if (**str == '!')
    {
      (*str)++;
      if (*str >= end)
        return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
      conversion = (unsigned char)*(*str)++;
      if (conversion != 's' && conversion != 'r' && conversion != 'a')
        return fstring_error (p, next,
                              "f-string: invalid conversion character: expected 's', "
                              "'r', or 'a'"),
               FALSE;
    }
  HsExpr *spec = NULL;
  if (*str < end && **str == ':')
    {
      (*str)++;
      if (*str >= end)
        return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
      FState sub = { g_string_new (NULL), g_ptr_array_new (), st->whole };
      gboolean ok = fstring_parse (p, t, str, end, raw, lvl + 1, &sub, next);
      if (ok)
        {
          /* CPython gives a spec's trailing literal the position of its own token */
          flush_literal_at (p, &sub, hs_parse_tok_pos (t));
          spec = hs_parse_new_expr (p, HS_EXPR_JOINEDSTR, hs_parse_tok_pos (t));
          spec->u.seq.elts = hs_parse_to_exprs (p, sub.values);
        }
      g_string_free (sub.lit, TRUE);
      g_ptr_array_unref (sub.values);
      if (!ok)
        return FALSE;
    }
  if (*str >= end || **str != '}')
    return fstring_error (p, next, "f-string: expecting '}'"), FALSE;
  (*str)++;
  if (self_doc && spec == NULL && conversion == -1)
    conversion = 'r';
  flush_literal (p, st);
  HsExpr *fv = hs_parse_new_expr (p, HS_EXPR_FORMATTED, st->whole);
  fv->u.formatted.value = value;
  fv->u.formatted.conversion = conversion;
  fv->u.formatted.format_spec = spec;
  g_ptr_array_add (st->values, fv);
  return TRUE;
}

/* Literal text and fields of one f-string body (or of a format spec when lvl > 0, which ends
 * at a single '}'). */
static gboolean
fstring_parse (Parser *p, HsToken *t, const char **str, const char *end, gboolean raw, int lvl,
               FState *st, HsToken *next)
{
  while (*str < end)
    {
      const char *s = *str;
      while (s < end && *s != '{' && *s != '}')
        {
          /* an escaped backslash before N{ makes no \N{...} escape */
          if (*s == '\\' && !raw && s + 1 < end && s[1] == '\\')
            s++;
          else if (*s == '\\' && !raw && s + 2 < end && s[1] == 'N' && s[2] == '{')
            while (s < end - 1 && *s != '}')
              s++;
          s++;
        }
      if (!decode_body (p, *str, MIN (s, end), raw, FALSE, st->lit))
        return FALSE;
      *str = s;
      if (s >= end)
        break;
      if (s + 1 < end && s[1] == *s && !(lvl > 0 && *s == '}'))
        {
          g_string_append_c (st->lit, *s);
          *str = s + 2;
          continue;
        }
      if (*s == '}')
        {
          if (lvl > 0)
            return TRUE;
          return fstring_error (p, next, "f-string: single '}' is not allowed"), FALSE;
        }
      if (!fstring_field (p, t, str, end, raw, lvl, st, next))
        return FALSE;
    }
  return TRUE;
}

static HsExpr *
strings_constant (Parser *p, StrTok *st, int n, HsPos pos, gboolean bytes)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    if (!decode_body (p, st[i].body, st[i].body_end, st[i].raw, bytes, buf))
      return NULL;
  HsExpr *c = hs_parse_new_constant (p, bytes ? HS_CONST_BYTES : HS_CONST_STR, pos);
  c->u.constant.value = hs_ast_strndup (p->arena, buf->str, buf->len);
  c->u.constant.len = buf->len;
  c->u.constant.is_u = st[0].u;
  return c;
}

/* strings: STRING+ (implicit concatenation, f-strings included). */
HsExpr *
hs_parse_strings (Parser *p)
{
  int start = p->pos;
  while (kind (p) == HS_T_STRING)
    advance (p);
  int n = p->pos - start;
  HsPos pos = hs_parse_span (p, start);
  HsToken *next = cur (p);
  StrTok *st = g_newa (StrTok, n);
  gboolean any_f = FALSE, any_bytes = FALSE, all_bytes = TRUE;
  for (int i = 0; i < n; i++)
    {
      analyze_string (hs_lexer_token (p->ts, start + i), &st[i]);
      any_f |= st[i].fmt;
      any_bytes |= st[i].bytes;
      all_bytes &= st[i].bytes;
    }
  if (any_bytes && !all_bytes)
    {
      hs_parse_error_tok (p, next, g_strdup ("cannot mix bytes and nonbytes literals"));
      return NULL;
    }
  if (!any_f)
    return strings_constant (p, st, n, pos, any_bytes);
  FState fs = { g_string_new (NULL), g_ptr_array_new (), pos };
  gboolean ok = TRUE;
  for (int i = 0; ok && i < n; i++)
    {
      const char *s = st[i].body;
      if (st[i].fmt)
        ok = fstring_parse (p, hs_lexer_token (p->ts, start + i), &s, st[i].body_end, st[i].raw, 0,
                            &fs, next);
      else
        ok = decode_body (p, s, st[i].body_end, st[i].raw, FALSE, fs.lit);
    }
  HsExpr *e = NULL;
  if (ok)
    {
      flush_literal (p, &fs);
      e = hs_parse_new_expr (p, HS_EXPR_JOINEDSTR, pos);
      e->u.seq.elts = hs_parse_to_exprs (p, fs.values);
    }
  g_string_free (fs.lit, TRUE);
  g_ptr_array_unref (fs.values);
  return e;
}

/* Parses src[start..end) of the enclosing source as the expression of an f-string field. */
static HsExpr *
fstring_compile_expr (Parser *p, HsToken *t, const char *start, const char *end)
{
  const char *q = start;
  while (q < end && g_ascii_isspace (*q))
    q++;
  if (q == end)
    {
      hs_parse_error_tok (p, cur (p), g_strdup ("f-string: empty expression not allowed"));
      return NULL;
    }
  int lineno = t->lineno;
  for (const char *c = t->start; c < start; c++)
    if (*c == '\n')
      lineno++;
  HsTokenStream ts;
  HsTokenStream *m = p->main;
  hs_lexer_tokenize_fragment (m->src, start - m->src, end - m->src, lineno, m->line_starts,
                              m->n_lines, &ts);
  Parser sub = { 0 };
  sub.arena = p->arena;
  sub.main = m;
  sub.ts = &ts;
  sub.outer = p;
  sub.depth = p->depth;
  sub.paren_depth = 0;
  sub.plain_expression_at = -1;
  sub.frag_start = start;
  sub.frag_lineno = lineno;
  HsExpr *e = NULL;
  if (ts.error.set)
    hs_parse_error_raw (&sub, "SyntaxError", ts.error.lineno, ts.error.offset, ts.error.end_lineno,
                        ts.error.end_offset, g_strdup (ts.error.msg));
  else
    {
      e = hs_parse_atom (&sub);
      if (e && kind (&sub) != HS_T_ENDMARKER)
        e = hs_parse_invalid_syntax (&sub);
    }
  g_free (sub.expr_memo);
  hs_lexer_stream_clear (&ts);
  return e;
}
