/* hs-str-repr.c — a str's repr as CPython 3.11 writes it: quotes chosen by the text,
 * escapes for what is not printable.
 *
 * Invariant: printable ASCII other than the quote and the backslash is copied as it is,
 * a run at a time (a long str's repr is made at every step of a trace that shows it).
 */
#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "hs-str.h"
#include "hs-str-private.h"

gboolean
hs_str_is_printable (gunichar c)
{
  if (c < 0x7f)
    return c >= 0x20;
  switch (g_unichar_type (c))
    {
      case G_UNICODE_CONTROL:
      case G_UNICODE_FORMAT:
      case G_UNICODE_SURROGATE:
      case G_UNICODE_PRIVATE_USE:
      case G_UNICODE_UNASSIGNED:
      case G_UNICODE_LINE_SEPARATOR:
      case G_UNICODE_PARAGRAPH_SEPARATOR:
      case G_UNICODE_SPACE_SEPARATOR:
        return FALSE;
      default:
        return TRUE;
    }
}

void
hs_str_append_escape (GString *out, gunichar c)
{
  /* by hand, not printf: a repr may escape a hundred million characters */
  int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
  char buf[10] = { '\\', c < 0x100 ? 'x' : c < 0x10000 ? 'u' : 'U' };

  for (int i = 0; i < digits; i++)
    buf[2 + i] = "0123456789abcdef"[(c >> (4 * (digits - 1 - i))) & 0xf];
  g_string_append_len (out, buf, 2 + digits);
}

/* How many bytes at the start of [p, end) a repr copies as they are: printable ASCII but
 * the quote and the backslash (a long str's repr in a trace: sixteen bytes a test). */
static gsize
plain_prefix (const char *p, const char *end, char quote)
{
  const char *start = p;

#ifdef __SSE2__
  const __m128i space = _mm_set1_epi8 (0x20), del = _mm_set1_epi8 (0x7f);
  const __m128i q = _mm_set1_epi8 (quote), bs = _mm_set1_epi8 ('\\');

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *)p);
      /* signed: a byte past 0x7f is negative, below the space as a control byte */
      __m128i special
          = _mm_or_si128 (_mm_or_si128 (_mm_cmplt_epi8 (v, space), _mm_cmpeq_epi8 (v, del)),
                          _mm_or_si128 (_mm_cmpeq_epi8 (v, q), _mm_cmpeq_epi8 (v, bs)));
      int mask = _mm_movemask_epi8 (special);

      if (mask != 0)
        return (gsize)(p - start) + (gsize)__builtin_ctz ((unsigned)mask);
      p += 16;
    }
#endif
  while (p < end && (guchar)*p >= 0x20 && (guchar)*p < 0x7f && *p != quote && *p != '\\')
    p++;
  return (gsize)(p - start);
}

void
hs_str_repr_append (GString *out, HsObject *o)
{
  hs_str_repr_append_text (out, HS_STR (o)->data, HS_STR (o)->byte_len);
}

char
hs_str_repr_quote (gboolean has_single, gboolean has_double)
{
  return has_single && !has_double ? '"' : '\'';
}

void
hs_str_repr_body_append (GString *out, const char *p, gsize len, char quote)
{
  const char *end = p + len;

  while (p < end)
    {
      const char *run = p;
      /* Printable ASCII is copied as it is, a run at a time */
      p += plain_prefix (p, end, quote);
      if (p > run)
        {
          g_string_append_len (out, run, p - run);
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == (gunichar)quote || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char)c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (hs_str_is_printable (c))
        g_string_append_len (out, p, next - p);
      else
        hs_str_append_escape (out, c);
      p = next;
    }
}

void
hs_str_repr_append_text (GString *out, const char *text, gsize len)
{
  char quote
      = hs_str_repr_quote (memchr (text, '\'', len) != NULL, memchr (text, '"', len) != NULL);

  g_string_append_c (out, quote);
  hs_str_repr_body_append (out, text, len, quote);
  g_string_append_c (out, quote);
}
