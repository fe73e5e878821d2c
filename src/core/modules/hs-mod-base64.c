/* hs-mod-base64.c — the `base64` module: Base16, Base32 and Base64 encodings of bytes
 * (CPython's Lib/base64.py, in C over binascii's conversions, hs-binascii.h).
 *
 * Invariant: each function checks and converts its arguments in base64.py's order, so a
 * wrong argument raises CPython's exception with its message (TypeError from binascii for
 * a str to encode, ValueError for non-ASCII text to decode, AssertionError for altchars
 * not two long, binascii.Error for malformed text); every intermediate buffer is a bytes
 * object, counted against the heap cap. Base85 and Ascii85, and the file functions
 * encode() and decode(), are refused (the names table).
 */
#include "config.h"

#include <string.h>

#include "hs-binascii.h"
#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"

static const char b32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char b32hex_alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

/* base64.py's _bytes_from_decode_data: an ASCII str's bytes or a bytes-like object's. */
static gboolean
decode_data (HsVM *vm, HsObject *s, const char **data, gsize *len)
{
  if (!hs_str_check (s) && !hs_bytes_has_buffer (s))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "argument should be a bytes-like object or ASCII string, not '%s'",
                     hs_type_name (s));
      return FALSE;
    }
  return hs_binascii_ascii_data (vm, s, data, len);
}

/* `assert len(x) == n, repr(x)` */
static gboolean
assert_len (HsVM *vm, HsObject *x, gssize n)
{
  gssize len = hs_object_len (vm, x);
  HsObject *r;

  if (len < 0)
    return FALSE;
  if (len == n)
    return TRUE;
  if ((r = hs_object_repr (vm, x)) != NULL)
    {
      hs_err_set_string (vm, &hs_exc_AssertionError, hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  return FALSE;
}

/* The same of the bytes an argument was converted to (base64.py asserts on those). */
static gboolean
assert_bytes_len (HsVM *vm, const char *data, gsize len, gsize n)
{
  HsObject *b;
  gboolean ok;

  if (len == n)
    return TRUE;
  if ((b = hs_bytes_new (vm, data, len)) == NULL)
    return FALSE;
  ok = assert_len (vm, b, (gssize)n);
  hs_decref (vm, b);
  return ok;
}

/* A new bytes object: `len` bytes of data with the bytes `from[k]` replaced by `to[k]`
 * (bytes.translate(bytes.maketrans(from, to)), later pairs winning). */
static HsObject *
translated (HsVM *vm, const char *data, gsize len, const char *from, const char *to, gsize n)
{
  guchar table[256];
  char *out;
  HsObject *b = hs_binascii_bytes_of_len (vm, len, &out);

  if (b == NULL)
    return NULL;
  for (int c = 0; c < 256; c++)
    table[c] = (guchar)c;
  for (gsize k = 0; k < n; k++)
    table[(guchar)from[k]] = (guchar)to[k];
  for (gsize i = 0; i < len; i++)
    out[i] = (char)table[(guchar)data[i]];
  return b;
}

/* ---- Base64 ----------------------------------------------------------------------------- */

static HsObject *
b64encode (HsVM *vm, HsObject *s, HsObject *altchars)
{
  const char *d, *alt;
  gsize n, alt_len;
  HsObject *enc, *r;

  if (!hs_bytes_buffer (vm, s, &d, &n))
    return NULL;
  if ((enc = hs_binascii_b2a_base64 (vm, d, n, FALSE)) == NULL || altchars == NULL)
    return enc;
  if (!assert_len (vm, altchars, 2) || !hs_bytes_buffer (vm, altchars, &alt, &alt_len))
    {
      hs_decref (vm, enc);
      return NULL;
    }
  r = translated (vm, HS_BYTES (enc)->data, HS_BYTES (enc)->len, "+/", alt, 2);
  hs_decref (vm, enc);
  return r;
}

static HsObject *
b64decode (HsVM *vm, HsObject *s, HsObject *altchars, gboolean validate)
{
  const char *d, *alt;
  gsize n, alt_len;
  HsObject *tr, *r;

  if (!decode_data (vm, s, &d, &n))
    return NULL;
  if (altchars == NULL)
    return hs_binascii_a2b_base64 (vm, d, n, validate);
  if (!decode_data (vm, altchars, &alt, &alt_len) || !assert_bytes_len (vm, alt, alt_len, 2)
      || (tr = translated (vm, d, n, alt, "+/", 2)) == NULL)
    return NULL;
  r = hs_binascii_a2b_base64 (vm, HS_BYTES (tr)->data, HS_BYTES (tr)->len, validate);
  hs_decref (vm, tr);
  return r;
}

static HsObject *
m_b64encode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *altchars = NULL;
  if (!hs_parse_args (vm, "b64encode", args, nargs, kwnames, "@s|altchars", &s, &altchars))
    return NULL;
  return b64encode (vm, s, altchars == hs_None ? NULL : altchars);
}

static HsObject *
m_b64decode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *altchars = NULL, *validate = NULL;
  int strict = 0;
  if (!hs_parse_args (vm, "b64decode", args, nargs, kwnames, "@s|altchars validate", &s, &altchars,
                      &validate))
    return NULL;
  if (validate != NULL && (strict = hs_object_truth (vm, validate)) < 0)
    return NULL;
  return b64decode (vm, s, altchars == hs_None ? NULL : altchars, strict);
}

static HsObject *
m_standard_b64encode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  if (!hs_parse_args (vm, "standard_b64encode", args, nargs, kwnames, "@s", &s))
    return NULL;
  return b64encode (vm, s, NULL);
}

static HsObject *
m_standard_b64decode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  if (!hs_parse_args (vm, "standard_b64decode", args, nargs, kwnames, "@s", &s))
    return NULL;
  return b64decode (vm, s, NULL, FALSE);
}

static HsObject *
m_urlsafe_b64encode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *enc, *r;
  if (!hs_parse_args (vm, "urlsafe_b64encode", args, nargs, kwnames, "@s", &s)
      || (enc = b64encode (vm, s, NULL)) == NULL)
    return NULL;
  r = translated (vm, HS_BYTES (enc)->data, HS_BYTES (enc)->len, "+/", "-_", 2);
  hs_decref (vm, enc);
  return r;
}

static HsObject *
m_urlsafe_b64decode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *tr, *r;
  const char *d;
  gsize n;
  if (!hs_parse_args (vm, "urlsafe_b64decode", args, nargs, kwnames, "@s", &s)
      || !decode_data (vm, s, &d, &n) || (tr = translated (vm, d, n, "-_", "+/", 2)) == NULL)
    return NULL;
  r = hs_binascii_a2b_base64 (vm, HS_BYTES (tr)->data, HS_BYTES (tr)->len, FALSE);
  hs_decref (vm, tr);
  return r;
}

/* encodebytes/decodebytes's _input_type_check: a bytes-like object */
static gboolean
input_type_check (HsVM *vm, HsObject *s, const char **d, gsize *n)
{
  if (!hs_bytes_has_buffer (s))
    {
      hs_err_format (vm, &hs_exc_TypeError, "expected bytes-like object, not %s", hs_type_name (s));
      return FALSE;
    }
  return hs_bytes_buffer (vm, s, d, n);
}

/* encodebytes(s): lines of 76 characters (57 bytes each), each ending in a newline */
static HsObject *
m_encodebytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *r;
  const char *d;
  gsize n, lines, j = 0;
  char *out;

  if (!hs_parse_args (vm, "encodebytes", args, nargs, kwnames, "@s", &s)
      || !input_type_check (vm, s, &d, &n))
    return NULL;
  lines = (n + 56) / 57;
  if ((r = hs_binascii_bytes_of_len (vm, (n + 2) / 3 * 4 + lines, &out)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i += 57)
    {
      HsObject *line = hs_binascii_b2a_base64 (vm, d + i, MIN (57, n - i), TRUE);
      if (line == NULL)
        {
          hs_decref (vm, r);
          return NULL;
        }
      memcpy (out + j, HS_BYTES (line)->data, HS_BYTES (line)->len);
      j += HS_BYTES (line)->len;
      hs_decref (vm, line);
    }
  return r;
}

static HsObject *
m_decodebytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  const char *d;
  gsize n;
  if (!hs_parse_args (vm, "decodebytes", args, nargs, kwnames, "@s", &s)
      || !input_type_check (vm, s, &d, &n))
    return NULL;
  return hs_binascii_a2b_base64 (vm, d, n, FALSE);
}

/* ---- Base32 ----------------------------------------------------------------------------- */

static HsObject *
b32encode (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
           const char *alphabet)
{
  static const int pads[5] = { 0, 6, 4, 3, 1 };
  HsObject *s = NULL, *r;
  const guchar *d;
  gsize n, groups, j = 0;
  char *out;

  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@s", &s))
    return NULL;
  if (!hs_bytes_has_buffer (s))
    {
      hs_err_format (vm, &hs_exc_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                     hs_type_name (s));
      return NULL;
    }
  if (!hs_bytes_buffer (vm, s, (const char **)&d, &n))
    return NULL;
  groups = (n + 4) / 5;
  if ((r = hs_binascii_bytes_of_len (vm, groups * 8, &out)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i += 5)
    {
      guint64 c = 0;
      for (gsize k = 0; k < 5; k++)
        c = c << 8 | (i + k < n ? d[i + k] : 0);
      for (int k = 7; k >= 0; k--)
        out[j++] = alphabet[(c >> (5 * k)) & 31];
    }
  memset (out + j - pads[n % 5], '=', pads[n % 5]);
  return r;
}

static HsObject *
base32_error (HsVM *vm, HsObject *b, const char *message)
{
  hs_xdecref (vm, b);
  hs_err_set_string (vm, &hs_binascii_error_type, message);
  return NULL;
}

/* base64.py's _b32decode over text (already mapped and case-folded) */
static HsObject *
b32decode_text (HsVM *vm, const char *s, gsize l, const char *alphabet)
{
  gsize len = l, padchars, j = 0;
  guint64 acc = 0;
  char *out;
  HsObject *r;

  while (len > 0 && s[len - 1] == '=')
    len--;
  padchars = l - len;
  if ((r = hs_binascii_bytes_of_len (vm, (len + 7) / 8 * 5, &out)) == NULL)
    return NULL;
  for (gsize i = 0; i < len; i += 8)
    {
      acc = 0;
      for (gsize k = i; k < MIN (i + 8, len); k++)
        {
          const char *p = s[k] != 0 ? strchr (alphabet, s[k]) : NULL;
          if (p == NULL)
            return base32_error (vm, r, "Non-base32 digit found");
          acc = acc << 5 | (guint64)(p - alphabet);
        }
      for (int k = 4; k >= 0; k--)
        out[j++] = (char)(acc >> (8 * k));
    }
  if (l % 8 != 0
      || !(padchars == 0 || padchars == 1 || padchars == 3 || padchars == 4 || padchars == 6))
    return base32_error (vm, r, "Incorrect padding");
  if (padchars > 0 && j > 0)
    {
      gsize leftover = (43 - 5 * padchars) / 8;
      acc <<= 5 * padchars;
      j -= 5;
      for (gsize k = 0; k < leftover; k++)
        out[j++] = (char)(acc >> (8 * (4 - k)));
      if (hs_bytes_resize (vm, r, j) < 0)
        {
          hs_decref (vm, r);
          return NULL;
        }
    }
  return r;
}

static HsObject *
b32decode (HsVM *vm, HsObject *s, HsObject *casefold, HsObject *map01, const char *alphabet)
{
  const char *d, *m;
  gsize n, m_len;
  int fold = 0;
  char to[2] = { 'O', 0 };
  HsObject *text, *r;

  if (!decode_data (vm, s, &d, &n))
    return NULL;
  if (n % 8 != 0)
    return base32_error (vm, NULL, "Incorrect padding");
  if (map01 != NULL)
    {
      if (!decode_data (vm, map01, &m, &m_len) || !assert_bytes_len (vm, m, m_len, 1))
        return NULL;
      to[1] = m[0];
      text = translated (vm, d, n, "01", to, 2);
    }
  else
    text = translated (vm, d, n, "", "", 0);
  if (text == NULL)
    return NULL;
  if (casefold != NULL && (fold = hs_object_truth (vm, casefold)) < 0)
    {
      hs_decref (vm, text);
      return NULL;
    }
  if (fold)
    for (gsize i = 0; i < n; i++)
      HS_BYTES (text)->data[i] = g_ascii_toupper (HS_BYTES (text)->data[i]);
  r = b32decode_text (vm, HS_BYTES (text)->data, n, alphabet);
  hs_decref (vm, text);
  return r;
}

static HsObject *
m_b32encode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return b32encode (vm, "b32encode", args, nargs, kwnames, b32_alphabet);
}

static HsObject *
m_b32hexencode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return b32encode (vm, "b32hexencode", args, nargs, kwnames, b32hex_alphabet);
}

static HsObject *
m_b32decode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *casefold = NULL, *map01 = NULL;
  if (!hs_parse_args (vm, "b32decode", args, nargs, kwnames, "@s|casefold map01", &s, &casefold,
                      &map01))
    return NULL;
  return b32decode (vm, s, casefold, map01 == hs_None ? NULL : map01, b32_alphabet);
}

static HsObject *
m_b32hexdecode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *casefold = NULL;
  if (!hs_parse_args (vm, "b32hexdecode", args, nargs, kwnames, "@s|casefold", &s, &casefold))
    return NULL;
  return b32decode (vm, s, casefold, NULL, b32hex_alphabet);
}

/* ---- Base16 ----------------------------------------------------------------------------- */

static HsObject *
m_b16encode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  const char *d;
  gsize n;
  if (!hs_parse_args (vm, "b16encode", args, nargs, kwnames, "@s", &s)
      || !hs_bytes_buffer (vm, s, &d, &n))
    return NULL;
  return hs_binascii_hexlify (vm, d, n, TRUE);
}

static HsObject *
m_b16decode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *casefold = NULL;
  const char *d;
  gsize n;
  int fold = 0;

  if (!hs_parse_args (vm, "b16decode", args, nargs, kwnames, "@s|casefold", &s, &casefold)
      || !decode_data (vm, s, &d, &n))
    return NULL;
  if (casefold != NULL && (fold = hs_object_truth (vm, casefold)) < 0)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      char c = fold ? g_ascii_toupper (d[i]) : d[i];
      if (!g_ascii_isdigit (c) && !(c >= 'A' && c <= 'F'))
        return base32_error (vm, NULL, "Non-base16 digit found");
    }
  /* the digits are valid (lower case ones too, once folded): unhexlify reads either */
  return hs_binascii_unhexlify (vm, d, n);
}

static const HsMethodDef base64_functions[] = {
  { "b64encode", m_b64encode },
  { "b64decode", m_b64decode },
  { "standard_b64encode", m_standard_b64encode },
  { "standard_b64decode", m_standard_b64decode },
  { "urlsafe_b64encode", m_urlsafe_b64encode },
  { "urlsafe_b64decode", m_urlsafe_b64decode },
  { "encodebytes", m_encodebytes },
  { "decodebytes", m_decodebytes },
  { "b32encode", m_b32encode },
  { "b32decode", m_b32decode },
  { "b32hexencode", m_b32hexencode },
  { "b32hexdecode", m_b32hexdecode },
  { "b16encode", m_b16encode },
  { "b16decode", m_b16decode },
  { NULL, NULL },
};

int
hs_mod_base64_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, base64_functions) < 0
      || hs_module_add_take (vm, dict, "MAXLINESIZE", hs_int_from_i64 (vm, 76)) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "MAXBINSIZE", hs_int_from_i64 (vm, 57));
}
