/* hs-codecs.c — str.encode and bytes.decode for utf-8, ascii and latin-1 (CPython's
 * codecs, with its error handlers 'strict', 'ignore', 'replace', 'backslashreplace', and for
 * encoding 'xmlcharrefreplace' and 'namereplace').
 *
 * Invariant: positions in error messages are code points for encoding and bytes for
 * decoding; a strict encoder reports the whole run of characters it cannot encode, a strict
 * decoder the bytes of one bad sequence, in CPython's words.
 */
#include "config.h"

#include <string.h>

#include "hs-bytes.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-str.h"
#include "hs-unicode-name.h"

typedef enum
{
  CODEC_UTF8,
  CODEC_ASCII,
  CODEC_LATIN1,
} Codec;

typedef enum
{
  ERR_STRICT,
  ERR_IGNORE,
  ERR_REPLACE,
  ERR_BACKSLASH,
  ERR_XMLCHARREF,
  ERR_NAME,
  ERR_UNKNOWN,
} Errors;

/* CPython's normalisation: case and '-'/'_'/' ' do not matter, and the usual aliases. */
static gboolean
codec_lookup (HsVM *vm, const char *name, Codec *out)
{
  static const struct
  {
    const char *alias;
    Codec codec;
  } aliases[] = {
    { "utf8", CODEC_UTF8 },           { "u8", CODEC_UTF8 },       { "utf", CODEC_UTF8 },
    { "ascii", CODEC_ASCII },         { "usascii", CODEC_ASCII }, { "646", CODEC_ASCII },
    { "latin1", CODEC_LATIN1 },       { "latin", CODEC_LATIN1 },  { "iso88591", CODEC_LATIN1 },
    { "l1", CODEC_LATIN1 },           { "8859", CODEC_LATIN1 },   { "cp819", CODEC_LATIN1 },
    { "iso885911987", CODEC_LATIN1 },
  };
  g_autoptr (GString) key = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    if (*p != '-' && *p != '_' && *p != ' ')
      g_string_append_c (key, g_ascii_tolower (*p));
  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (key->str, aliases[i].alias) == 0)
      {
        *out = aliases[i].codec;
        return TRUE;
      }
  hs_err_format (vm, &hs_exc_LookupError, "unknown encoding: %s", name);
  return FALSE;
}

static Errors
errors_of (const char *name)
{
  return strcmp (name, "strict") == 0              ? ERR_STRICT
         : strcmp (name, "ignore") == 0            ? ERR_IGNORE
         : strcmp (name, "replace") == 0           ? ERR_REPLACE
         : strcmp (name, "backslashreplace") == 0  ? ERR_BACKSLASH
         : strcmp (name, "xmlcharrefreplace") == 0 ? ERR_XMLCHARREF
         : strcmp (name, "namereplace") == 0       ? ERR_NAME
                                                   : ERR_UNKNOWN;
}

static const char *
codec_name (Codec c)
{
  return c == CODEC_UTF8 ? "utf-8" : c == CODEC_ASCII ? "ascii" : "latin-1";
}

/* An error handler that is needed but unknown: CPython looks it up only then. */
static void
unknown_handler (HsVM *vm, const char *errors)
{
  hs_err_format (vm, &hs_exc_LookupError, "unknown error handler name '%s'", errors);
}

/* ---- encoding --------------------------------------------------------------------- */

/* What an encoding error handler other than 'strict' writes for c: '?', \xe9 (\u20ac,
 * \U0001f600), &#233; or \N{LATIN SMALL LETTER E WITH ACUTE}; nothing for 'ignore'. */
static void
append_encode_replacement (GByteArray *out, gunichar c, Errors how)
{
  g_autofree char *name = how == ERR_NAME ? hs_unicode_name (c) : NULL;
  g_autofree char *text = NULL;

  if (how == ERR_IGNORE)
    return;
  if (how == ERR_REPLACE)
    text = g_strdup ("?");
  else if (how == ERR_XMLCHARREF)
    text = g_strdup_printf ("&#%u;", c);
  else if (name != NULL)
    text = g_strdup_printf ("\\N{%s}", name);
  else
    text = g_strdup_printf (c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
  g_byte_array_append (out, (const guint8 *)text, strlen (text));
}

HsObject *
hs_codec_encode (HsVM *vm, HsObject *str, const char *encoding, const char *errors)
{
  const char *s = hs_str_utf8 (str), *end = s + hs_str_byte_len (str);
  gunichar limit;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  Codec codec;
  gsize pos = 0;

  if (!codec_lookup (vm, encoding, &codec))
    return NULL;
  if (codec == CODEC_UTF8)
    return hs_bytes_new (vm, s, end - s);
  limit = codec == CODEC_ASCII ? 0x80 : 0x100;
  for (const char *p = s; p < end; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);
      if (c < limit)
        {
          guint8 byte = (guint8)c;
          g_byte_array_append (out, &byte, 1);
          continue;
        }
      switch (errors_of (errors))
        {
          case ERR_IGNORE:
          case ERR_REPLACE:
          case ERR_BACKSLASH:
          case ERR_XMLCHARREF:
          case ERR_NAME:
            append_encode_replacement (out, c, errors_of (errors));
            continue;
          case ERR_UNKNOWN:
            unknown_handler (vm, errors);
            return NULL;
          case ERR_STRICT:
          default:
            {
              gsize run = 1;
              g_autofree char *reason = g_strdup_printf ("ordinal not in range(%u)", limit);
              for (const char *q = g_utf8_next_char (p); q < end && g_utf8_get_char (q) >= limit;
                   q = g_utf8_next_char (q))
                run++;
              hs_err_unicode (vm, &hs_exc_UnicodeEncodeError, codec_name (codec), str, pos,
                              pos + run, reason);
              return NULL;
            }
        }
    }
  return hs_bytes_new (vm, (char *)out->data, out->len);
}

HsObject *
hs_str_encode_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *encoding = NULL, *errors = NULL;

  if (!hs_parse_args (vm, "encode", args + 1, nargs - 1, kwnames, "|encoding errors", &encoding,
                      &errors))
    return NULL;
  if ((encoding != NULL && !hs_str_check (encoding)) || (errors != NULL && !hs_str_check (errors)))
    {
      HsObject *bad = encoding != NULL && !hs_str_check (encoding) ? encoding : errors;
      hs_err_format (vm, &hs_exc_TypeError, "encode() argument '%s' must be str, not %s",
                     bad == encoding ? "encoding" : "errors", hs_type_name (bad));
      return NULL;
    }
  return hs_codec_encode (vm, args[0], encoding != NULL ? hs_str_utf8 (encoding) : "utf-8",
                          errors != NULL ? hs_str_utf8 (errors) : "strict");
}

/* ---- decoding --------------------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at d[0..n) (> 0), or 0 with *bad the bytes of the
 * maximal valid prefix (at least 1) and *reason why, as CPython's decoder reports them. */
static gsize
utf8_sequence (const guchar *d, gsize n, gsize *bad, const char **reason)
{
  guchar c = d[0];
  gsize need;
  guchar lo = 0x80, hi = 0xbf;

  if (c < 0x80)
    return 1;
  if (c < 0xc2 || c > 0xf4)
    {
      *bad = 1;
      *reason = "invalid start byte";
      return 0;
    }
  need = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
  if (c == 0xe0)
    lo = 0xa0;
  else if (c == 0xed)
    hi = 0x9f;
  else if (c == 0xf0)
    lo = 0x90;
  else if (c == 0xf4)
    hi = 0x8f;
  for (gsize k = 1; k <= need; k++)
    {
      if (k >= n)
        {
          *bad = k;
          *reason = "unexpected end of data";
          return 0;
        }
      if (d[k] < lo || d[k] > hi)
        {
          *bad = k;
          *reason = "invalid continuation byte";
          return 0;
        }
      lo = 0x80;
      hi = 0xbf;
    }
  return need + 1;
}

/* The UnicodeDecodeError of bytes [pos, pos + bad) of the len bytes at d */
static void
decode_error (HsVM *vm, Codec codec, const guchar *d, gsize len, gsize pos, gsize bad,
              const char *reason)
{
  HsObject *object = hs_bytes_new (vm, (const char *)d, len);
  if (object != NULL)
    hs_err_unicode (vm, &hs_exc_UnicodeDecodeError, codec_name (codec), object, pos, pos + bad,
                    reason);
  hs_xdecref (vm, object);
}

HsObject *
hs_codec_decode (HsVM *vm, const char *data, gsize len, const char *encoding, const char *errors)
{
  const guchar *d = (const guchar *)data;
  GString *out;
  Codec codec;

  if (!codec_lookup (vm, encoding, &codec))
    return NULL;
  out = g_string_sized_new (len);
  for (gsize i = 0; i < len;)
    {
      gsize n, bad = 1;
      const char *reason = "ordinal not in range(128)";

      if (codec == CODEC_LATIN1 || (codec == CODEC_ASCII && d[i] < 0x80))
        {
          g_string_append_unichar (out, d[i++]);
          continue;
        }
      n = codec == CODEC_UTF8 ? utf8_sequence (d + i, len - i, &bad, &reason) : 0;
      if (n > 0)
        {
          g_string_append_len (out, data + i, n);
          i += n;
          continue;
        }
      switch (errors_of (errors))
        {
          case ERR_REPLACE:
            g_string_append (out, "\xef\xbf\xbd"); /* U+FFFD */
            G_GNUC_FALLTHROUGH;
          case ERR_IGNORE:
            i += bad;
            continue;
          case ERR_BACKSLASH:
            for (gsize end = i + bad; i < end; i++)
              g_string_append_printf (out, "\\x%02x", d[i]);
            continue;
          case ERR_XMLCHARREF:
          case ERR_NAME:
            hs_err_set_string (vm, &hs_exc_TypeError,
                               "don't know how to handle UnicodeDecodeError in error callback");
            break;
          case ERR_UNKNOWN:
            unknown_handler (vm, errors);
            break;
          case ERR_STRICT:
          default:
            decode_error (vm, codec, d, len, i, bad, reason);
            break;
        }
      g_string_free (out, TRUE);
      return NULL;
    }
  return hs_str_from_gstring (vm, out);
}

/* str(object, encoding, errors): object decoded, as bytes.decode does it; the checks and
 * their messages are CPython's (argument clinic, then PyUnicode_FromEncodedObject) */
HsObject *
hs_str_from_encoded (HsVM *vm, HsObject *obj, HsObject *encoding, HsObject *errors)
{
  HsObject *const given[2] = { encoding, errors };
  static const char *const names[2] = { "encoding", "errors" };
  for (int i = 0; i < 2; i++)
    if (given[i] != NULL && !hs_str_check (given[i]))
      {
        hs_err_format (vm, &hs_exc_TypeError, "str() argument '%s' must be str, not %s", names[i],
                       hs_type_name (given[i]));
        return NULL;
      }
  if (obj == NULL)
    return hs_str_from_cstr (vm, "");
  if (hs_str_check (obj))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "decoding str is not supported");
      return NULL;
    }
  if (!hs_bytes_like_check (obj))
    {
      hs_err_format (vm, &hs_exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                     hs_type_name (obj));
      return NULL;
    }
  return hs_codec_decode (vm, HS_BYTES (obj)->data, HS_BYTES (obj)->len,
                          encoding != NULL ? hs_str_utf8 (encoding) : "utf-8",
                          errors != NULL ? hs_str_utf8 (errors) : "strict");
}
