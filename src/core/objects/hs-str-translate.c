/* hs-str-translate.c — str.translate, str.maketrans, and the text layout str and bytes share
 * (CPython's stringlib): expandtabs, padding (ljust, rjust, center) and zfill.
 *
 * Invariant: translate looks every character up in its table through __getitem__ with the
 * code point, as CPython's: a LookupError keeps the character, None deletes it, an int or
 * a str replaces it; maketrans builds the dict of code points translate reads. The hs_text_
 * functions count in `units`: characters for str, bytes for bytes; expandtabs starts a new
 * line at each '\n' or '\r'.
 */
#include "config.h"

#include "hs-str.h"

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-format.h"
#include "hs-int.h"

/* ---- translate ------------------------------------------------------------------------- */

/* Appends what the table maps c to (c itself when the table has no entry). */
static gboolean
translate_char (HsVM *vm, HsObject *table, gunichar c, GString *out)
{
  HsObject *key = hs_int_from_i64 (vm, c), *v;
  gint64 code;

  if (key == NULL)
    return FALSE;
  v = hs_object_getitem (vm, table, key);
  hs_decref (vm, key);
  if (v == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_LookupError))
        return FALSE;
      hs_err_clear (vm);
      g_string_append_unichar (out, c);
      return TRUE;
    }
  if (hs_int_check (v))
    {
      if (!hs_int_as_i64 (v, &code) || code < 0 || code > 0x10ffff)
        hs_err_set_string (vm, &hs_exc_ValueError, "character mapping must be in range(0x110000)");
      else
        g_string_append_unichar (out, (gunichar)code);
    }
  else if (hs_str_check (v))
    g_string_append_len (out, hs_str_utf8 (v), hs_str_byte_len (v));
  else if (v != hs_None)
    hs_err_set_string (vm, &hs_exc_TypeError, "character mapping must return integer, None or str");
  hs_decref (vm, v);
  return !hs_err_occurred (vm);
}

HsObject *
hs_str_translate_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *table;
  const char *s = hs_str_utf8 (self), *end = s + hs_str_byte_len (self);
  GString *out;

  if (!hs_parse_args (vm, "translate", args + 1, nargs - 1, kwnames, "!table", &table))
    return NULL;
  out = g_string_sized_new (hs_str_byte_len (self));
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    if (!translate_char (vm, table, g_utf8_get_char (p), out)
        || !hs_format_check_size (vm, out->len))
      {
        g_string_free (out, TRUE);
        return NULL;
      }
  return hs_str_from_gstring (vm, out);
}

/* ---- maketrans ------------------------------------------------------------------------- */

/* d[ord(c)] = value (borrowed) */
static int
set_code (HsVM *vm, HsObject *d, gunichar c, HsObject *value)
{
  HsObject *key = hs_int_from_i64 (vm, c);
  int r = key != NULL ? hs_dict_set_item (vm, d, key, value) : -1;
  hs_xdecref (vm, key);
  return r;
}

/* maketrans(dict): its str keys of one character become code points */
static HsObject *
maketrans_dict (HsVM *vm, HsObject *x)
{
  HsObject *d, *k, *v;
  gsize pos = 0;

  if (!hs_dict_check (x))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "if you give only one argument to maketrans it must be a dict");
      return NULL;
    }
  if ((d = hs_dict_new (vm)) == NULL)
    return NULL;
  while (hs_dict_next (x, &pos, &k, &v))
    {
      int r;
      if (hs_str_check (k) && hs_str_char_len (k) != 1)
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "string keys in translate table must be of length 1");
          r = -1;
        }
      else if (hs_str_check (k))
        r = set_code (vm, d, g_utf8_get_char (hs_str_utf8 (k)), v);
      else if (hs_int_check (k))
        r = hs_dict_set_item (vm, d, k, v);
      else
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "keys in translate table must be strings or integers");
          r = -1;
        }
      if (r < 0)
        {
          hs_decref (vm, d);
          return NULL;
        }
    }
  return d;
}

static gboolean
expect_str_arg (HsVM *vm, HsObject *o, int position)
{
  if (hs_str_check (o))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "maketrans() argument %d must be str, not %s", position,
                 hs_type_name (o));
  return FALSE;
}

/* str.maketrans(x[, y[, z]]), a static method (args[0], the type, unused) */
HsObject *
hs_str_maketrans (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x, *y = NULL, *z = NULL, *d;
  const char *ys;

  if (!hs_parse_args (vm, "maketrans", args + 1, nargs - 1, kwnames, "x |y z /", &x, &y, &z))
    return NULL;
  if (y == NULL)
    return maketrans_dict (vm, x);
  if (!hs_str_check (x))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "first maketrans argument must be a string if there is a second argument");
      return NULL;
    }
  if (!expect_str_arg (vm, y, 2) || (z != NULL && !expect_str_arg (vm, z, 3)))
    return NULL;
  if (hs_str_char_len (x) != hs_str_char_len (y))
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "the first two maketrans arguments must have equal length");
      return NULL;
    }
  if ((d = hs_dict_new (vm)) == NULL)
    return NULL;
  ys = hs_str_utf8 (y);
  for (const char *p = hs_str_utf8 (x); p < hs_str_utf8 (x) + hs_str_byte_len (x);
       p = g_utf8_next_char (p), ys = g_utf8_next_char (ys))
    {
      HsObject *to = hs_int_from_i64 (vm, g_utf8_get_char (ys));
      int r = to != NULL ? set_code (vm, d, g_utf8_get_char (p), to) : -1;
      hs_xdecref (vm, to);
      if (r < 0)
        goto fail;
    }
  for (const char *p = z != NULL ? hs_str_utf8 (z) : "";
       z != NULL && p < hs_str_utf8 (z) + hs_str_byte_len (z); p = g_utf8_next_char (p))
    if (set_code (vm, d, g_utf8_get_char (p), hs_None) < 0)
      goto fail;
  return d;
fail:
  hs_decref (vm, d);
  return NULL;
}

/* ---- layout shared with bytes ---------------------------------------------------------- */

void
hs_text_pad (GString *out, const char *s, gsize len, gsize units, gsize width, char align,
             const char *fill, gsize fill_len)
{
  gsize pad = width - units, left;

  if (align == '<')
    left = 0;
  else if (align == '>')
    left = pad;
  else
    left = pad / 2 + (pad & width & 1); /* CPython's centering rule */
  for (gsize i = 0; i < left; i++)
    g_string_append_len (out, fill, fill_len);
  g_string_append_len (out, s, len);
  for (gsize i = left; i < pad; i++)
    g_string_append_len (out, fill, fill_len);
}

void
hs_text_zfill (GString *out, const char *s, gsize len, gsize units, gsize width)
{
  gsize sign = len > 0 && (s[0] == '+' || s[0] == '-');

  g_string_append_len (out, s, sign);
  for (gsize i = units; i < width; i++)
    g_string_append_c (out, '0');
  g_string_append_len (out, s + sign, len - sign);
}

/* ---- expandtabs ------------------------------------------------------------------------ */

gboolean
hs_text_expandtabs (HsVM *vm, GString *out, const char *s, gsize len, gboolean utf8, gint64 tabsize)
{
  gint64 column = 0;

  for (const char *p = s, *end = s + len; p < end;)
    {
      const char *next = utf8 ? g_utf8_next_char (p) : p + 1;
      if (*p == '\t')
        {
          gint64 spaces = tabsize > 0 ? tabsize - column % tabsize : 0;
          if (!hs_format_check_size (vm, out->len + (gsize)spaces))
            return FALSE;
          for (gint64 i = 0; i < spaces; i++)
            g_string_append_c (out, ' ');
          column += spaces;
        }
      else
        {
          g_string_append_len (out, p, next - p);
          column = *p == '\n' || *p == '\r' ? 0 : column + 1;
        }
      p = next;
    }
  return TRUE;
}

HsObject *
hs_text_expandtabs_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *tab = NULL, *index, *r;
  gboolean is_str = hs_str_check (self);
  const char *s = is_str ? hs_str_utf8 (self) : HS_BYTES (self)->data;
  gsize len = is_str ? hs_str_byte_len (self) : HS_BYTES (self)->len;
  gint64 tabsize = 8;
  GString *out;

  if (!hs_parse_args (vm, "expandtabs", args + 1, nargs - 1, kwnames, "|tabsize", &tab))
    return NULL;
  if (tab != NULL)
    {
      if ((index = hs_object_index (vm, tab)) == NULL)
        return NULL;
      /* a C int in CPython */
      if (!hs_int_as_i64 (index, &tabsize) || tabsize > G_MAXINT32 || tabsize < G_MININT32)
        hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
      hs_decref (vm, index);
      if (hs_err_occurred (vm))
        return NULL;
    }
  out = g_string_sized_new (len);
  if (!hs_text_expandtabs (vm, out, s, len, is_str, tabsize))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  if (is_str)
    return hs_str_from_gstring (vm, out);
  r = hs_bytes_new_of (
      vm, HS_ISINSTANCE (self, &hs_bytearray_type) ? &hs_bytearray_type : &hs_bytes_type, out->str,
      out->len);
  g_string_free (out, TRUE);
  return r;
}
