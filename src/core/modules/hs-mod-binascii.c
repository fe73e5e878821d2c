/* hs-mod-binascii.c — the `binascii` module: bytes to and from base64 and hexadecimal
 * text, and CRC-32 (CPython's Modules/binascii.c).
 *
 * Invariant: every conversion writes straight into the bytes object it returns (allocated
 * through the heap, so counted against its cap), decodes as CPython 3.11's C code does
 * (which characters a lax base64 decoder skips, where padding ends it) and raises its
 * errors with its messages: binascii.Error, a ValueError, for malformed text.
 * uu, quoted-printable and crc_hqx are CPython's too but not provided: the names table
 * refuses them.
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

HsType hs_binascii_error_type = {
  .name = "Error",
  .module = "binascii",
  .base = &hs_exc_ValueError,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

static HsType binascii_incomplete_type = {
  .name = "Incomplete",
  .module = "binascii",
  .base = &hs_exc_Exception,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

static const char b64_alphabet[]
    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

HsObject *
hs_binascii_bytes_of_len (HsVM *vm, gsize len, char **data)
{
  HsObject *b = hs_bytes_new (vm, "", 0);
  if (b == NULL || hs_bytes_resize (vm, b, len) < 0)
    {
      hs_xdecref (vm, b);
      return NULL;
    }
  *data = HS_BYTES (b)->data;
  return b;
}

/* Shrinks a result to the `len` bytes written. */
static HsObject *
finish (HsVM *vm, HsObject *b, gsize len)
{
  if (hs_bytes_resize (vm, b, len) < 0)
    {
      hs_decref (vm, b);
      return NULL;
    }
  return b;
}

gboolean
hs_binascii_ascii_data (HsVM *vm, HsObject *o, const char **data, gsize *len)
{
  if (hs_str_check (o))
    {
      if (hs_str_byte_len (o) != hs_str_char_len (o))
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "string argument should contain only ASCII characters");
          return FALSE;
        }
      *data = hs_str_utf8 (o);
      *len = hs_str_byte_len (o);
      return TRUE;
    }
  if (!hs_bytes_has_buffer (o))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "argument should be bytes, buffer or ASCII string, not '%s'",
                     hs_type_name (o));
      return FALSE;
    }
  return hs_bytes_buffer (vm, o, data, len);
}

/* ---- base64 --------------------------------------------------------------------------- */

HsObject *
hs_binascii_b2a_base64 (HsVM *vm, const char *data, gsize len, gboolean newline)
{
  const guchar *in = (const guchar *)data;
  gsize out_len = (len + 2) / 3 * 4 + (newline ? 1 : 0), j = 0, i;
  char *out;
  HsObject *b = hs_binascii_bytes_of_len (vm, out_len, &out);

  if (b == NULL)
    return NULL;
  for (i = 0; i + 2 < len; i += 3)
    {
      guint32 v = (guint32)in[i] << 16 | (guint32)in[i + 1] << 8 | in[i + 2];
      out[j++] = b64_alphabet[v >> 18];
      out[j++] = b64_alphabet[(v >> 12) & 63];
      out[j++] = b64_alphabet[(v >> 6) & 63];
      out[j++] = b64_alphabet[v & 63];
    }
  if (i < len)
    {
      guint32 v = (guint32)in[i] << 16 | (i + 1 < len ? (guint32)in[i + 1] << 8 : 0);
      out[j++] = b64_alphabet[v >> 18];
      out[j++] = b64_alphabet[(v >> 12) & 63];
      out[j++] = i + 1 < len ? b64_alphabet[(v >> 6) & 63] : '=';
      out[j++] = '=';
    }
  if (newline)
    out[j++] = '\n';
  return b;
}

static int
b64_value (guchar c)
{
  const char *p = c != 0 ? strchr (b64_alphabet, c) : NULL;
  return p != NULL ? (int)(p - b64_alphabet) : -1;
}

static HsObject *
base64_error (HsVM *vm, HsObject *b, const char *message)
{
  hs_decref (vm, b);
  hs_err_set_string (vm, &hs_binascii_error_type, message);
  return NULL;
}

HsObject *
hs_binascii_a2b_base64 (HsVM *vm, const char *data, gsize len, gboolean strict)
{
  const guchar *in = (const guchar *)data;
  int quad_pos = 0, pads = 0;
  gboolean padding_started = FALSE;
  guchar left = 0;
  gsize j = 0;
  char *out;
  HsObject *b = hs_binascii_bytes_of_len (vm, len / 4 * 3 + 3, &out);

  if (b == NULL)
    return NULL;
  if (strict && len > 0 && in[0] == '=')
    return base64_error (vm, b, "Leading padding not allowed");
  for (gsize i = 0; i < len; i++)
    {
      int v;
      if (in[i] == '=')
        {
          padding_started = TRUE;
          if (strict && quad_pos == 0)
            return base64_error (vm, b, "Excess padding not allowed");
          if (quad_pos >= 2 && quad_pos + ++pads >= 4)
            {
              if (strict && i + 1 < len)
                return base64_error (vm, b, "Excess data after padding");
              return finish (vm, b, j);
            }
          continue;
        }
      if ((v = b64_value (in[i])) < 0)
        {
          if (strict)
            return base64_error (vm, b, "Only base64 data is allowed");
          continue;
        }
      if (strict && padding_started)
        return base64_error (vm, b, "Discontinuous padding not allowed");
      pads = 0;
      switch (quad_pos)
        {
          case 0:
            left = (guchar)v;
            break;
          case 1:
            out[j++] = (char)(left << 2 | v >> 4);
            left = v & 0x0f;
            break;
          case 2:
            out[j++] = (char)(left << 4 | v >> 2);
            left = v & 0x03;
            break;
          default:
            out[j++] = (char)(left << 6 | v);
            left = 0;
            break;
        }
      quad_pos = (quad_pos + 1) % 4;
    }
  if (quad_pos == 1)
    {
      hs_decref (vm, b);
      hs_err_format (vm, &hs_binascii_error_type,
                     "Invalid base64-encoded string: number of data characters (%" G_GSIZE_FORMAT
                     ") cannot be 1 more than a multiple of 4",
                     j / 3 * 4 + 1);
      return NULL;
    }
  if (quad_pos != 0)
    return base64_error (vm, b, "Incorrect padding");
  return finish (vm, b, j);
}

/* ---- hexadecimal ---------------------------------------------------------------------- */

HsObject *
hs_binascii_hexlify (HsVM *vm, const char *data, gsize len, gboolean upper)
{
  const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char *out;
  HsObject *b = hs_binascii_bytes_of_len (vm, len * 2, &out);

  for (gsize i = 0; b != NULL && i < len; i++)
    {
      out[2 * i] = digits[(guchar)data[i] >> 4];
      out[2 * i + 1] = digits[(guchar)data[i] & 15];
    }
  return b;
}

/* CPython's _Py_strhex_impl with a separator: one `sep` between groups of `per` bytes,
 * counted from the right (per > 0) or the left (per < 0). */
static HsObject *
hexlify_sep (HsVM *vm, const guchar *in, gsize len, char sep, gssize per)
{
  gsize group = (gsize)ABS (per), chunks = len > 0 ? (len - 1) / group : 0;
  gsize out_len = len * 2 + chunks;
  const char *digits = "0123456789abcdef";
  char *out;
  HsObject *b = hs_binascii_bytes_of_len (vm, out_len, &out);

  if (b == NULL)
    return NULL;
  for (gsize i = 0, j = 0; i < len; i++)
    {
      /* a separator before byte i where a group starts (from the chosen end) */
      gsize from_end = per > 0 ? len - i : i;
      if (i > 0 && from_end % group == 0)
        out[j++] = sep;
      out[j++] = digits[in[i] >> 4];
      out[j++] = digits[in[i] & 15];
    }
  return b;
}

static HsObject *
b_hexlify (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *sep = NULL, *per_obj = NULL;
  const char *d, *s;
  gsize n;
  gssize per = 1, sep_len;

  if (!hs_parse_args (vm, "hexlify", args, nargs, kwnames, "data|sep bytes_per_sep", &data, &sep,
                      &per_obj)
      || !hs_bytes_buffer (vm, data, &d, &n))
    return NULL;
  if (per_obj != NULL && (per = hs_int_as_ssize_index (vm, per_obj)) == -1 && hs_err_occurred (vm))
    return NULL;
  if (sep == NULL)
    return hs_binascii_hexlify (vm, d, n, FALSE);
  /* CPython measures the separator before it looks at its type */
  if ((sep_len = hs_object_len (vm, sep)) == -1)
    return NULL;
  if (sep_len != 1)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "sep must be length 1.");
      return NULL;
    }
  if (hs_str_check (sep))
    s = hs_str_utf8 (sep);
  else if (HS_ISINSTANCE (sep, &hs_bytes_type))
    s = HS_BYTES (sep)->data;
  else
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "sep must be str or bytes.");
      return NULL;
    }
  if ((guchar)s[0] > 127)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "sep must be ASCII.");
      return NULL;
    }
  if (per == 0 || n == 0)
    return hs_binascii_hexlify (vm, d, n, FALSE);
  return hexlify_sep (vm, (const guchar *)d, n, s[0], per);
}

HsObject *
hs_binascii_unhexlify (HsVM *vm, const char *data, gsize len)
{
  char *out;
  HsObject *b;

  if (len % 2 != 0)
    {
      hs_err_set_string (vm, &hs_binascii_error_type, "Odd-length string");
      return NULL;
    }
  if ((b = hs_binascii_bytes_of_len (vm, len / 2, &out)) == NULL)
    return NULL;
  for (gsize i = 0; i < len; i += 2)
    {
      int hi = g_ascii_xdigit_value (data[i]), lo = g_ascii_xdigit_value (data[i + 1]);
      if (hi < 0 || lo < 0)
        return base64_error (vm, b, "Non-hexadecimal digit found");
      out[i / 2] = (char)(hi << 4 | lo);
    }
  return b;
}

static HsObject *
b_unhexlify (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  const char *d;
  gsize n;

  if (!hs_parse_args (vm, "unhexlify", args, nargs, kwnames, "hexstr", &s)
      || !hs_binascii_ascii_data (vm, s, &d, &n))
    return NULL;
  return hs_binascii_unhexlify (vm, d, n);
}

/* ---- base64 functions ----------------------------------------------------------------- */

static HsObject *
b_b2a_base64 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *newline = NULL;
  const char *d;
  gsize n;
  int nl = 1;

  if (!hs_parse_args (vm, "b2a_base64", args, nargs, kwnames, "data / | $ newline", &data, &newline)
      || !hs_bytes_buffer (vm, data, &d, &n))
    return NULL;
  if (newline != NULL && (nl = hs_object_truth (vm, newline)) < 0)
    return NULL;
  return hs_binascii_b2a_base64 (vm, d, n, nl);
}

static HsObject *
b_a2b_base64 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *strict = NULL;
  const char *d;
  gsize n;
  int st = 0;

  if (!hs_parse_args (vm, "a2b_base64", args, nargs, kwnames, "data / | $ strict_mode", &data,
                      &strict)
      || !hs_binascii_ascii_data (vm, data, &d, &n))
    return NULL;
  if (strict != NULL && (st = hs_object_truth (vm, strict)) < 0)
    return NULL;
  return hs_binascii_a2b_base64 (vm, d, n, st);
}

/* ---- CRC-32 (zlib's polynomial, as binascii.crc32) ------------------------------------- */

static guint32
crc32_update (guint32 crc, const guchar *p, gsize n)
{
  crc = ~crc;
  for (gsize i = 0; i < n; i++)
    {
      crc ^= p[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
  return ~crc;
}

static HsObject *
b_crc32 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *start = NULL;
  const char *d;
  gsize n;
  guint32 crc = 0;

  if (!hs_parse_args (vm, "crc32", args, nargs, kwnames, "data | crc /", &data, &start)
      || !hs_bytes_buffer (vm, data, &d, &n))
    return NULL;
  if (start != NULL)
    {
      /* the crc as an unsigned 32-bit value, whatever its size or sign (CPython masks it) */
      HsObject *mask = hs_int_from_u64 (vm, 0xffffffffu), *low, *idx;
      gint64 v = 0;
      if (mask == NULL)
        return NULL;
      if (!hs_object_has_index (start))
        {
          hs_decref (vm, mask);
          hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         hs_type_name (start));
          return NULL;
        }
      idx = hs_object_index (vm, start);
      low = idx != NULL ? hs_number_binop (vm, HS_BIN_AND, idx, mask) : NULL;
      hs_xdecref (vm, idx);
      hs_decref (vm, mask);
      if (low == NULL)
        return NULL;
      hs_int_as_i64 (low, &v);
      hs_decref (vm, low);
      crc = (guint32)v;
    }
  return hs_int_from_u64 (vm, crc32_update (crc, (const guchar *)d, n));
}

static const HsMethodDef binascii_functions[] = {
  { "hexlify", b_hexlify },       { "b2a_hex", b_hexlify },
  { "unhexlify", b_unhexlify },   { "a2b_hex", b_unhexlify },
  { "b2a_base64", b_b2a_base64 }, { "a2b_base64", b_a2b_base64 },
  { "crc32", b_crc32 },           { NULL, NULL },
};

void
hs_mod_binascii_runtime_init (void)
{
  hs_type_ready (&hs_binascii_error_type);
  hs_type_ready (&binascii_incomplete_type);
}

int
hs_mod_binascii_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, binascii_functions) < 0
      || hs_module_add_take (vm, dict, "Error", hs_incref ((HsObject *)&hs_binascii_error_type))
             < 0)
    return -1;
  return hs_module_add_take (vm, dict, "Incomplete",
                             hs_incref ((HsObject *)&binascii_incomplete_type));
}
