/* hs-codecs.c — str.encode and bytes.decode for utf-8, ascii, latin-1, utf-16 and utf-32
 * (CPython's codecs, with its error handlers 'strict', 'ignore', 'replace',
 * 'backslashreplace', 'surrogatepass', 'surrogateescape', and for encoding
 * 'xmlcharrefreplace' and 'namereplace').
 *
 * Invariant: positions in error messages are code points for encoding and bytes for
 * decoding; a strict encoder reports the whole run of characters it cannot encode (utf-16
 * and utf-32 one surrogate at a time, as CPython's), a strict decoder the bytes of one bad
 * sequence, in CPython's words.
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
  CODEC_UTF16,
  CODEC_UTF16LE,
  CODEC_UTF16BE,
  CODEC_UTF32,
  CODEC_UTF32LE,
  CODEC_UTF32BE,
} Codec;

/* What the encoder and decoder need to know of a codec. utf-16 and utf-32 write a BOM and
 * little-endian units (CPython's native order here); they read a BOM, which sets the order
 * and the name errors give ('utf-16-be'), and without one read little-endian. */
static const struct
{
  const char *name;   /* in error messages */
  guint unit;         /* bytes in a code unit: 1 for the byte codecs, 2 or 4 */
  gboolean big;       /* units big-endian */
  gboolean bom;       /* a BOM first */
  gunichar limit;     /* the first code point the codec cannot encode */
  const char *reason; /* why not, in CPython's words */
} codecs[] = {
  [CODEC_UTF8] = { "utf-8", 1, FALSE, FALSE, 0x110000, NULL },
  [CODEC_ASCII] = { "ascii", 1, FALSE, FALSE, 0x80, "ordinal not in range(128)" },
  [CODEC_LATIN1] = { "latin-1", 1, FALSE, FALSE, 0x100, "ordinal not in range(256)" },
  [CODEC_UTF16] = { "utf-16", 2, FALSE, TRUE, 0x110000, NULL },
  [CODEC_UTF16LE] = { "utf-16-le", 2, FALSE, FALSE, 0x110000, NULL },
  [CODEC_UTF16BE] = { "utf-16-be", 2, TRUE, FALSE, 0x110000, NULL },
  [CODEC_UTF32] = { "utf-32", 4, FALSE, TRUE, 0x110000, NULL },
  [CODEC_UTF32LE] = { "utf-32-le", 4, FALSE, FALSE, 0x110000, NULL },
  [CODEC_UTF32BE] = { "utf-32-be", 4, TRUE, FALSE, 0x110000, NULL },
};

typedef enum
{
  ERR_STRICT,
  ERR_IGNORE,
  ERR_REPLACE,
  ERR_BACKSLASH,
  ERR_XMLCHARREF,
  ERR_NAME,
  ERR_SURROGATEPASS,
  ERR_SURROGATEESCAPE,
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
    { "utf8", CODEC_UTF8 },
    { "u8", CODEC_UTF8 },
    { "utf", CODEC_UTF8 },
    { "ascii", CODEC_ASCII },
    { "usascii", CODEC_ASCII },
    { "646", CODEC_ASCII },
    { "latin1", CODEC_LATIN1 },
    { "latin", CODEC_LATIN1 },
    { "iso88591", CODEC_LATIN1 },
    { "l1", CODEC_LATIN1 },
    { "8859", CODEC_LATIN1 },
    { "cp819", CODEC_LATIN1 },
    { "iso885911987", CODEC_LATIN1 },
    { "utf16", CODEC_UTF16 },
    { "u16", CODEC_UTF16 },
    { "utf16le", CODEC_UTF16LE },
    { "utf16be", CODEC_UTF16BE },
    { "utf32", CODEC_UTF32 },
    { "u32", CODEC_UTF32 },
    { "utf32le", CODEC_UTF32LE },
    { "utf32be", CODEC_UTF32BE },
    { "unicodelittleunmarked", CODEC_UTF16LE },
    { "unicodebigunmarked", CODEC_UTF16BE },
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
         : strcmp (name, "surrogatepass") == 0     ? ERR_SURROGATEPASS
         : strcmp (name, "surrogateescape") == 0   ? ERR_SURROGATEESCAPE
                                                   : ERR_UNKNOWN;
}

/* An error handler that is needed but unknown: CPython looks it up only then. */
static void
unknown_handler (HsVM *vm, const char *errors)
{
  hs_err_format (vm, &hs_exc_LookupError, "unknown error handler name '%s'", errors);
}

/* ---- encoding --------------------------------------------------------------------- */

static gboolean
is_surrogate (gunichar c)
{
  return c >= 0xd800 && c < 0xe000;
}

static gboolean
cannot_encode (Codec codec, gunichar c)
{
  return c >= codecs[codec].limit || is_surrogate (c);
}

/* Whether a str's text (UTF-8 but for a lone surrogate's 3 bytes, ED A0..BF xx) has one */
static gboolean
has_surrogate (const char *s, const char *end)
{
  for (const char *p = s; (p = memchr (p, 0xed, end - p)) != NULL && p + 1 < end; p++)
    if ((guchar)p[1] >= 0xa0)
      return TRUE;
  return FALSE;
}

/* Appends code unit u (a byte for the byte codecs) in the codec's byte order */
static void
put_unit (GByteArray *out, Codec codec, guint32 u)
{
  guint n = codecs[codec].unit;
  guint8 b[4];

  for (guint i = 0; i < n; i++)
    b[codecs[codec].big ? n - 1 - i : i] = (u >> (8 * i)) & 0xff;
  g_byte_array_append (out, b, n);
}

/* Appends code point c, which the codec can encode: utf-16 writes one past U+FFFF as a
 * surrogate pair */
static void
put_char (GByteArray *out, Codec codec, gunichar c)
{
  char utf8[6];

  if (codec == CODEC_UTF8)
    g_byte_array_append (out, (const guint8 *)utf8, g_unichar_to_utf8 (c, utf8));
  else if (codecs[codec].unit == 2 && c >= 0x10000)
    {
      put_unit (out, codec, 0xd800 + ((c - 0x10000) >> 10));
      put_unit (out, codec, 0xdc00 + ((c - 0x10000) & 0x3ff));
    }
  else
    put_unit (out, codec, c);
}

/* What an encoding error handler writes for c: '?', \xe9 (\u20ac, \U0001f600), &#233; or
 * \N{LATIN SMALL LETTER E WITH ACUTE}; nothing for 'ignore'; for 'surrogatepass' in a UTF
 * the lone surrogate c as any other code point; for 'surrogateescape' in a byte codec
 * U+DC80..U+DCFF as the byte 0x80..0xff it stands for. FALSE for 'strict' and where those
 * two cannot take c (CPython's raise the codec's error, from c on). */
static gboolean
append_encode_replacement (GByteArray *out, Codec codec, gunichar c, Errors how)
{
  g_autofree char *name = how == ERR_NAME ? hs_unicode_name (c) : NULL;
  g_autofree char *text = NULL;

  switch (how)
    {
      case ERR_STRICT:
        return FALSE;
      case ERR_IGNORE:
        return TRUE;
      case ERR_SURROGATEPASS:
        if (codecs[codec].reason != NULL) /* not a UTF: ascii, latin-1 */
          return FALSE;
        put_char (out, codec, c);
        return TRUE;
      case ERR_SURROGATEESCAPE:
        /* utf-16's and utf-32's units are wider than the byte it gives */
        if (codecs[codec].unit != 1 || c < 0xdc80 || c > 0xdcff)
          return FALSE;
        put_unit (out, codec, c - 0xdc00);
        return TRUE;
      default:
        break;
    }
  if (how == ERR_REPLACE)
    text = g_strdup ("?");
  else if (how == ERR_XMLCHARREF)
    text = g_strdup_printf ("&#%u;", c);
  else if (name != NULL)
    text = g_strdup_printf ("\\N{%s}", name);
  else
    text = g_strdup_printf (c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
  for (const char *p = text; *p; p++)
    put_char (out, codec, (guchar)*p);
  return TRUE;
}

/* The UnicodeEncodeError of the character at p (position pos) that the codec cannot
 * encode, with those after it that it cannot either (utf-16 and utf-32 report one) */
static void
encode_error (HsVM *vm, Codec codec, HsObject *str, const char *p, const char *end, gsize pos)
{
  const char *reason
      = codecs[codec].reason != NULL ? codecs[codec].reason : "surrogates not allowed";
  gsize run = 1;

  for (const char *q = g_utf8_next_char (p);
       codecs[codec].unit == 1 && q < end && cannot_encode (codec, g_utf8_get_char (q));
       q = g_utf8_next_char (q))
    run++;
  hs_err_unicode (vm, &hs_exc_UnicodeEncodeError, codecs[codec].name, str, pos, pos + run, reason);
}

HsObject *
hs_codec_encode (HsVM *vm, HsObject *str, const char *encoding, const char *errors)
{
  const char *s = hs_str_utf8 (str), *end = s + hs_str_byte_len (str);
  g_autoptr (GByteArray) out = g_byte_array_new ();
  Errors how = errors_of (errors);
  Codec codec;
  gsize pos = 0;

  if (!codec_lookup (vm, encoding, &codec))
    return NULL;
  if (codec == CODEC_UTF8 && !has_surrogate (s, end))
    return hs_bytes_new (vm, s, end - s);
  if (codecs[codec].bom)
    put_char (out, codec, 0xfeff);
  for (const char *p = s; p < end; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);
      if (!cannot_encode (codec, c))
        {
          put_char (out, codec, c);
          continue;
        }
      if (how == ERR_UNKNOWN)
        unknown_handler (vm, errors);
      else if (!append_encode_replacement (out, codec, c, how))
        encode_error (vm, codec, str, p, end, pos);
      else
        continue;
      return NULL;
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

/* The code unit of utf-16 or utf-32 at d, in the codec's byte order */
static guint32
get_unit (Codec codec, const guchar *d)
{
  guint unit = codecs[codec].unit;
  guint32 u = 0;

  for (guint i = 0; i < unit; i++)
    u |= (guint32)d[codecs[codec].big ? unit - 1 - i : i] << (8 * i);
  return u;
}

/* utf-16's or utf-32's code point at d[0..n) (n > 0) in *c: the bytes it takes, or 0 with
 * *bad the bytes of the bad sequence and *reason why, as CPython's decoder reports them. */
static gsize
wide_sequence (Codec codec, const guchar *d, gsize n, gunichar *c, gsize *bad, const char **reason)
{
  guint unit = codecs[codec].unit;
  guint32 u, low = 0;

  *bad = unit;
  if (n < unit)
    {
      *bad = n;
      *reason = "truncated data";
      return 0;
    }
  u = get_unit (codec, d);
  if (unit == 4)
    *reason = u >= 0x110000      ? "code point not in range(0x110000)"
              : is_surrogate (u) ? "code point in surrogate code point range(0xd800, 0xe000)"
                                 : NULL;
  else if (u >= 0xdc00 && u < 0xe000)
    *reason = "illegal encoding";
  else if (u >= 0xd800 && u < 0xdc00 && n < 4)
    {
      *bad = n;
      *reason = "unexpected end of data";
    }
  else if (u >= 0xd800 && u < 0xdc00)
    {
      low = get_unit (codec, d + 2);
      *reason = low >= 0xdc00 && low < 0xe000 ? NULL : "illegal UTF-16 surrogate";
      u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
      unit = 4;
    }
  else
    *reason = NULL;
  *c = u;
  return *reason == NULL ? unit : 0;
}

/* utf-16's or utf-32's BOM at d: the codec of the byte order it says (little-endian without
 * one) and the bytes it takes */
static gsize
read_bom (const guchar *d, gsize len, Codec *codec)
{
  static const guchar le[4] = { 0xff, 0xfe, 0, 0 }, be16[2] = { 0xfe, 0xff },
                      be32[4] = { 0, 0, 0xfe, 0xff };
  gboolean wide = *codec == CODEC_UTF32;
  gsize n = wide ? 4 : 2;

  if (len >= n && memcmp (d, wide ? be32 : be16, n) == 0)
    {
      *codec = wide ? CODEC_UTF32BE : CODEC_UTF16BE;
      return n;
    }
  *codec = wide ? CODEC_UTF32LE : CODEC_UTF16LE;
  return len >= n && memcmp (d, le, n) == 0 ? n : 0;
}

/* 'surrogatepass' at the n bytes at d, where a UTF's decoder stopped: appends the one lone
 * surrogate they start with and returns its bytes, or 0 if they do not (CPython's handler
 * then raises the decoder's error) */
static gsize
pass_surrogate (GString *out, Codec codec, const guchar *d, gsize n)
{
  gsize len = codec == CODEC_UTF8 ? 3 : codecs[codec].unit;
  gunichar c;

  if (codecs[codec].reason != NULL || n < len)
    return 0;
  if (codec != CODEC_UTF8)
    c = get_unit (codec, d);
  else if ((d[0] & 0xf0) == 0xe0 && (d[1] & 0xc0) == 0x80 && (d[2] & 0xc0) == 0x80)
    c = (d[0] & 0x0f) << 12 | (d[1] & 0x3f) << 6 | (d[2] & 0x3f);
  else
    return 0;
  if (!is_surrogate (c))
    return 0;
  g_string_append_unichar (out, c);
  return len;
}

/* 'surrogateescape' at the bad bytes at d: U+DC80..U+DCFF for the first of them (at most
 * 4) up to an ASCII byte, which it never escapes; how many, 0 if the first is ASCII */
static gsize
escape_bytes (GString *out, const guchar *d, gsize bad)
{
  gsize k = 0;

  for (; k < MIN (bad, 4) && d[k] >= 0x80; k++)
    g_string_append_unichar (out, 0xdc00 + d[k]);
  return k;
}

/* The UnicodeDecodeError of bytes [pos, pos + bad) of the len bytes at d */
static void
decode_error (HsVM *vm, Codec codec, const guchar *d, gsize len, gsize pos, gsize bad,
              const char *reason)
{
  HsObject *object = hs_bytes_new (vm, (const char *)d, len);
  if (object != NULL)
    hs_err_unicode (vm, &hs_exc_UnicodeDecodeError, codecs[codec].name, object, pos, pos + bad,
                    reason);
  hs_xdecref (vm, object);
}

HsObject *
hs_codec_decode (HsVM *vm, const char *data, gsize len, const char *encoding, const char *errors)
{
  const guchar *d = (const guchar *)data;
  Errors how = errors_of (errors);
  GString *out;
  Codec codec;
  gsize i;

  if (!codec_lookup (vm, encoding, &codec))
    return NULL;
  i = codecs[codec].bom ? read_bom (d, len, &codec) : 0;
  out = g_string_sized_new (len);
  while (i < len)
    {
      gsize n, bad = 1;
      gunichar c = 0;
      const char *reason = "ordinal not in range(128)";

      if (codec == CODEC_LATIN1 || (codec == CODEC_ASCII && d[i] < 0x80))
        {
          g_string_append_unichar (out, d[i++]);
          continue;
        }
      n = codec == CODEC_UTF8      ? utf8_sequence (d + i, len - i, &bad, &reason)
          : codecs[codec].unit > 1 ? wide_sequence (codec, d + i, len - i, &c, &bad, &reason)
                                   : 0;
      if (n > 0 && codec == CODEC_UTF8)
        g_string_append_len (out, data + i, n);
      else if (n > 0)
        g_string_append_unichar (out, c);
      if (n > 0)
        {
          i += n;
          continue;
        }
      switch (how)
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
          case ERR_SURROGATEPASS:
          case ERR_SURROGATEESCAPE:
            n = how == ERR_SURROGATEPASS ? pass_surrogate (out, codec, d + i, len - i)
                                         : escape_bytes (out, d + i, bad);
            i += n;
            if (n > 0)
              continue;
            G_GNUC_FALLTHROUGH;
          case ERR_STRICT:
          default:
            decode_error (vm, codec, d, len, i, bad, reason);
            break;
          case ERR_XMLCHARREF:
          case ERR_NAME:
            hs_err_set_string (vm, &hs_exc_TypeError,
                               "don't know how to handle UnicodeDecodeError in error callback");
            break;
          case ERR_UNKNOWN:
            unknown_handler (vm, errors);
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
