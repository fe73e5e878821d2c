/* hs-mod-struct.c — the `struct` module: values to and from C structs laid out in bytes
 * (CPython's Modules/_struct.c): pack, unpack, calcsize, iter_unpack, pack_into,
 * unpack_from, Struct and struct.error.
 *
 * Invariant: a format is parsed once into a Layout (its codes, size and number of values) as
 * CPython parses it: the first character may choose the byte order and sizes ('@' native
 * with alignment, '=', '<', '>', '!' standard), a count may precede each code, whitespace
 * separates codes; its errors and every packing error are CPython's, with their messages
 * (the ranges of the codes b, B, h, H and of the 4-byte ones, "argument out of range" where
 * a value does not fit 64 bits). A Struct keeps its format as text, so it holds no
 * reference; an unpack iterator holds its Struct and the buffer's object, as CPython's.
 * Differences: the module functions parse their format at each call (CPython keeps the last
 * 100 Structs in a cache, which holds a reference to each format string), and a Struct
 * cannot be subclassed.
 */
#include "config.h"

#include <gmp.h>
#include <math.h>
#include <string.h>

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsType struct_error_type = {
  .name = "error",
  .module = "struct",
  .base = &hs_exc_Exception,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

static void *
struct_error (HsVM *vm, const char *message)
{
  hs_err_set_string (vm, &struct_error_type, message);
  return NULL;
}

/* ---- formats ------------------------------------------------------------------------- */

typedef struct
{
  char code;
  gsize num; /* the repeat count; for 's' and 'p' the field's size (one value) */
  gsize offset;
} Code;

typedef struct
{
  Code *codes;
  gsize n_codes, size, n_values;
  gboolean native;       /* '@': native sizes and alignment */
  gboolean little;       /* byte order */
  gboolean big_standard; /* '>' or '!': CPython's other messages for 8-byte ints */
} Layout;

/* A code's size and alignment, 0 for a code the mode lacks */
static gsize
code_size (char c, gboolean native, gsize *align)
{
  static const char codes[] = "xcbB?hHiIlLqQnNefdspP";
  static const guint8 native_sizes[]
      = { 1, 1, 1, 1, 1, 2, 2, 4, 4, 8, 8, 8, 8, 8, 8, 2, 4, 8, 1, 1, 8 };
  static const guint8 std_sizes[]
      = { 1, 1, 1, 1, 1, 2, 2, 4, 4, 4, 4, 8, 8, 0, 0, 2, 4, 8, 1, 1, 0 };
  const char *p = c != 0 ? strchr (codes, c) : NULL;
  gsize size;

  if (p == NULL)
    return 0;
  size = (native ? native_sizes : std_sizes)[p - codes];
  *align = native ? size : 1;
  return size;
}

static void
layout_clear (HsVM *vm, Layout *l)
{
  if (l->codes != NULL)
    hs_mem_realloc (vm, l->codes, l->n_codes * sizeof (Code), 0);
  l->codes = NULL;
  l->n_codes = 0;
}

/* Parses `fmt`; FALSE with struct.error (or MemoryError), `l` then cleared. */
static gboolean
layout_parse (HsVM *vm, const char *fmt, gsize len, Layout *l)
{
  const char *s = fmt, *end = fmt + len;
  gsize n = 0, size = 0, values = 0;

  memset (l, 0, sizeof *l);
  l->native = TRUE;
  l->little = G_BYTE_ORDER == G_LITTLE_ENDIAN;
  if (s < end && strchr ("@=<>!", *s) != NULL && *s != 0)
    {
      l->native = *s == '@';
      l->little = *s == '<' || ((*s == '=' || *s == '@') && G_BYTE_ORDER == G_LITTLE_ENDIAN);
      l->big_standard = *s == '>' || *s == '!';
      s++;
    }
  /* two passes: count the codes, then fill them in */
  for (int pass = 0; pass < 2; pass++)
    {
      const char *p = s;
      n = size = values = 0;
      while (p < end)
        {
          guint64 num = 1;
          gsize item, align;
          char c = *p++;
          if (g_ascii_isspace (c))
            continue;
          if (g_ascii_isdigit (c))
            {
              num = (guint64)(c - '0');
              while (p < end && g_ascii_isdigit (*p))
                if ((num = num * 10 + (guint64)(*p++ - '0')) > G_MAXSSIZE / 10)
                  {
                    layout_clear (vm, l);
                    return struct_error (vm, "total struct size too long"), FALSE;
                  }
              if (p == end)
                {
                  layout_clear (vm, l);
                  return struct_error (vm, "repeat count given without format specifier"), FALSE;
                }
              c = *p++;
            }
          if ((item = code_size (c, l->native, &align)) == 0)
            {
              layout_clear (vm, l);
              return struct_error (vm, "bad char in struct format"), FALSE;
            }
          size = (size + align - 1) / align * align;
          if (num > (G_MAXSSIZE - size) / item)
            {
              layout_clear (vm, l);
              return struct_error (vm, "total struct size too long"), FALSE;
            }
          if (pass == 1)
            l->codes[n] = (Code){ c, (gsize)num, size };
          n++;
          size += (gsize)num * item;
          values += c == 's' || c == 'p' ? 1 : c == 'x' ? 0 : (gsize)num;
        }
      if (pass == 0 && n > 0
          && (l->codes = hs_mem_realloc (vm, NULL, 0, n * sizeof (Code))) == NULL)
        return FALSE;
      l->n_codes = n;
    }
  l->size = size;
  l->n_values = values;
  return TRUE;
}

/* The format's text: a str (ASCII, else UnicodeEncodeError) or bytes; borrowed from `hold`,
 * a new reference the caller drops. */
static gboolean
format_text (HsVM *vm, HsObject *fmt, const char **s, gsize *len, HsObject **hold)
{
  if (hs_str_check (fmt))
    {
      if ((*hold = hs_codec_encode (vm, fmt, "ascii", "strict")) == NULL)
        return FALSE;
    }
  else if (HS_ISINSTANCE (fmt, &hs_bytes_type))
    *hold = hs_incref (fmt);
  else
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "Struct() argument 1 must be a str or bytes object, not %s",
                     hs_type_name (fmt));
      return FALSE;
    }
  *s = HS_BYTES (*hold)->data;
  *len = HS_BYTES (*hold)->len;
  return TRUE;
}

static gboolean
layout_of (HsVM *vm, HsObject *fmt, Layout *l)
{
  const char *s;
  gsize len;
  HsObject *hold;
  gboolean ok;

  if (!format_text (vm, fmt, &s, &len, &hold))
    return FALSE;
  ok = layout_parse (vm, s, len, l);
  hs_decref (vm, hold);
  return ok;
}

/* ---- packing ------------------------------------------------------------------------- */

static void
put_uint (guchar *p, guint64 v, gsize size, gboolean little)
{
  for (gsize i = 0; i < size; i++)
    p[little ? i : size - 1 - i] = (guchar)(v >> (8 * i));
}

static guint64
get_uint (const guchar *p, gsize size, gboolean little)
{
  guint64 v = 0;
  for (gsize i = 0; i < size; i++)
    v |= (guint64)p[little ? i : size - 1 - i] << (8 * i);
  return v;
}

/* The value of an integer argument as 64 bits: *neg set for a negative one; FALSE with
 * "argument out of range" (or `too_large`) when it fits neither gint64 nor guint64. */
static gboolean
int_arg (HsVM *vm, HsObject *v, gboolean is_unsigned, const char *too_large, guint64 *out)
{
  HsObject *i;
  gint64 s;
  gboolean ok = TRUE;

  if (!hs_object_has_index (v))
    return struct_error (vm, "required argument is not an integer"), FALSE;
  if ((i = hs_number_index (vm, v)) == NULL)
    return FALSE;
  if (hs_int_as_i64 (i, &s) && !(is_unsigned && s < 0))
    *out = (guint64)s;
  else if (is_unsigned && hs_int_sign (i) > 0 && hs_int_num_bits (i) <= 64)
    {
      mpz_t z;
      mpz_init (z);
      hs_int_get_mpz (i, z);
      *out = (guint64)mpz_get_ui (z);
      mpz_clear (z);
    }
  else
    ok = FALSE;
  hs_decref (vm, i);
  if (!ok)
    struct_error (vm, too_large);
  return ok;
}

/* Packs an integer code's value into p (size bytes). */
static gboolean
pack_int (HsVM *vm, const Layout *l, char c, gsize size, HsObject *v, guchar *p)
{
  gboolean is_unsigned = strchr ("BHILQNP", c) != NULL;
  /* b, B, h, H are read as signed longs and checked by name (CPython's np_byte...) */
  gboolean named = strchr ("bBhH", c) != NULL;
  const char *too_large = (c == 'P' || (l->big_standard && size == 8)) ? "int too large to convert"
                                                                       : "argument out of range";
  guint64 u;
  gint64 s;

  if (!int_arg (vm, v, is_unsigned && !named && c != 'P', too_large, &u))
    return FALSE;
  s = (gint64)u;
  if (named)
    {
      static const char *const messages[] = {
        "byte format requires -128 <= number <= 127",
        "ubyte format requires 0 <= number <= 255",
        "short format requires -32768 <= number <= 32767",
        "ushort format requires 0 <= number <= 65535",
      };
      int k = (int)(strchr ("bBhH", c) - "bBhH");
      gint64 lo = is_unsigned ? 0 : -(G_GINT64_CONSTANT (1) << (8 * size - 1));
      gint64 hi = is_unsigned ? (G_GINT64_CONSTANT (1) << (8 * size)) - 1 : -lo - 1;
      if (s < lo || s > hi)
        return struct_error (vm, messages[k]), FALSE;
    }
  else if (size == 4 && !is_unsigned && (s < G_MININT32 || s > G_MAXINT32))
    {
      hs_err_format (vm, &struct_error_type, "'%c' format requires %d <= number <= %d", c,
                     G_MININT32, G_MAXINT32);
      return FALSE;
    }
  else if (size == 4 && is_unsigned && u > G_MAXUINT32)
    {
      hs_err_format (vm, &struct_error_type, "'%c' format requires 0 <= number <= %u", c,
                     G_MAXUINT32);
      return FALSE;
    }
  put_uint (p, u, size, l->little);
  return TRUE;
}

/* CPython's PyFloat_Pack2: round half to even, OverflowError past 65504 */
static gboolean
pack_half (HsVM *vm, double x, guint16 *out)
{
  int sign = signbit (x) != 0, e = 0;
  unsigned bits = 0;
  double f;

  if (x == 0.0)
    ;
  else if (isinf (x))
    e = 0x1f;
  else if (isnan (x))
    e = 0x1f, bits = 512;
  else
    {
      f = frexp (fabs (x), &e) * 2.0;
      e--;
      if (e >= 16)
        goto overflow;
      if (e < -25)
        f = 0.0, e = 0;
      else if (e < -14)
        f = ldexp (f, 14 + e), e = 0;
      else
        e += 15, f -= 1.0;
      f *= 1024.0;
      bits = (unsigned)f;
      if (f - bits > 0.5 || (f - bits == 0.5 && bits % 2 == 1))
        if (++bits == 1024)
          {
            bits = 0;
            if (++e == 31)
              goto overflow;
          }
    }
  *out = (guint16)(bits | (unsigned)e << 10 | (unsigned)sign << 15);
  return TRUE;
overflow:
  hs_err_set_string (vm, &hs_exc_OverflowError, "float too large to pack with e format");
  return FALSE;
}

static double
unpack_half (guint16 h)
{
  int sign = h >> 15, e = (h >> 10) & 0x1f;
  double x = (double)(h & 0x3ff) / 1024.0;

  if (e == 0x1f)
    return (h & 0x3ff) == 0 ? (sign ? -INFINITY : INFINITY) : (sign ? -NAN : NAN);
  if (e == 0)
    e = -14;
  else
    x += 1.0, e -= 15;
  x = ldexp (x, e);
  return sign ? -x : x;
}

static gboolean
float_arg (HsVM *vm, HsObject *v, double *out)
{
  HsObject *f;
  gboolean ok;

  if (HS_ISINSTANCE (v, &hs_float_type) || HS_ISINSTANCE (v, &hs_int_type))
    {
      if (hs_number_as_double (vm, v, out) == 0)
        return TRUE;
      hs_err_clear (vm);
      return struct_error (vm, "required argument is not a float"), FALSE;
    }
  /* what has __float__ or __index__ (a Fraction, a Decimal); never a str's text */
  f = hs_str_check (v) || hs_bytes_like_check (v)
          ? NULL
          : hs_object_call (vm, (HsObject *)&hs_float_type, &v, 1, NULL);
  ok = f != NULL && hs_number_as_double (vm, f, out) == 0;
  hs_xdecref (vm, f);
  if (!ok)
    {
      hs_err_clear (vm);
      struct_error (vm, "required argument is not a float");
    }
  return ok;
}

static gboolean
pack_float (HsVM *vm, const Layout *l, char c, HsObject *v, guchar *p)
{
  double x;

  if (!float_arg (vm, v, &x))
    return FALSE;
  if (c == 'e')
    {
      guint16 h;
      if (!pack_half (vm, x, &h))
        return FALSE;
      put_uint (p, h, 2, l->little);
    }
  else if (c == 'f')
    {
      float y = (float)x;
      guint32 bits;
      if (!l->native && isinf (y) && !isinf (x))
        {
          hs_err_set_string (vm, &hs_exc_OverflowError, "float too large to pack with f format");
          return FALSE;
        }
      memcpy (&bits, &y, 4);
      put_uint (p, bits, 4, l->little);
    }
  else
    {
      guint64 bits;
      memcpy (&bits, &x, 8);
      put_uint (p, bits, 8, l->little);
    }
  return TRUE;
}

/* Packs one value of code c at p (size bytes; for 's'/'p' the field). */
static gboolean
pack_one (HsVM *vm, const Layout *l, const Code *code, gsize size, HsObject *v, guchar *p)
{
  const char *d;
  gsize n;
  int t;

  switch (code->code)
    {
      case '?':
        if ((t = hs_object_truth (vm, v)) < 0)
          return FALSE;
        *p = (guchar)t;
        return TRUE;
      case 'c':
        if (!HS_ISINSTANCE (v, &hs_bytes_type) || HS_BYTES (v)->len != 1)
          return struct_error (vm, "char format requires a bytes object of length 1"), FALSE;
        *p = (guchar)HS_BYTES (v)->data[0];
        return TRUE;
      case 's':
      case 'p':
        if (!hs_bytes_like_check (v))
          {
            hs_err_format (vm, &struct_error_type, "argument for '%c' must be a bytes object",
                           code->code);
            return FALSE;
          }
        hs_bytes_buffer (vm, v, &d, &n);
        if (code->code == 's')
          memcpy (p, d, MIN (n, code->num));
        else if (code->num > 0)
          {
            n = MIN (n, code->num - 1);
            memcpy (p + 1, d, n);
            *p = (guchar)MIN (n, 255);
          }
        return TRUE;
      case 'e':
      case 'f':
      case 'd':
        return pack_float (vm, l, code->code, v, p);
      default:
        return pack_int (vm, l, code->code, size, v, p);
    }
}

/* Packs values[0..n) as l says into buf (l->size bytes, zeroed first). */
static gboolean
pack_values (HsVM *vm, const Layout *l, const char *what, HsObject **values, gsize n, guchar *buf)
{
  gsize v = 0;

  if (n != l->n_values)
    {
      hs_err_format (vm, &struct_error_type,
                     "%s expected %" G_GSIZE_FORMAT " items for packing (got %" G_GSIZE_FORMAT ")",
                     what, l->n_values, n);
      return FALSE;
    }
  memset (buf, 0, l->size);
  for (gsize i = 0; i < l->n_codes; i++)
    {
      const Code *code = &l->codes[i];
      gsize align, size = code_size (code->code, l->native, &align);
      if (code->code == 'x')
        continue;
      if (code->code == 's' || code->code == 'p')
        {
          if (!pack_one (vm, l, code, code->num, values[v++], buf + code->offset))
            return FALSE;
          continue;
        }
      for (gsize k = 0; k < code->num; k++)
        if (!pack_one (vm, l, code, size, values[v++], buf + code->offset + k * size))
          return FALSE;
    }
  return TRUE;
}

static HsObject *
pack_to_bytes (HsVM *vm, const Layout *l, HsObject **values, gsize n)
{
  HsObject *b = hs_bytes_new (vm, "", 0);

  if (b == NULL || hs_bytes_resize (vm, b, l->size) < 0
      || !pack_values (vm, l, "pack", values, n, (guchar *)HS_BYTES (b)->data))
    {
      hs_xdecref (vm, b);
      return NULL;
    }
  return b;
}

/* ---- unpacking ----------------------------------------------------------------------- */

static HsObject *
unpack_one (HsVM *vm, const Layout *l, char c, gsize size, const guchar *p)
{
  guint64 u;
  double x;

  switch (c)
    {
      case '?':
        return hs_incref (hs_bool_from (*p != 0));
      case 'c':
        return hs_bytes_new (vm, (const char *)p, 1);
      case 'e':
        return hs_float_new (vm, unpack_half ((guint16)get_uint (p, 2, l->little)));
      case 'f':
        {
          guint32 bits = (guint32)get_uint (p, 4, l->little);
          float y;
          memcpy (&y, &bits, 4);
          return hs_float_new (vm, y);
        }
      case 'd':
        u = get_uint (p, 8, l->little);
        memcpy (&x, &u, 8);
        return hs_float_new (vm, x);
      default:
        u = get_uint (p, size, l->little);
        if (strchr ("BHILQNP", c) != NULL)
          return hs_int_from_u64 (vm, u);
        if (size < 8 && (u >> (8 * size - 1)) != 0) /* sign-extend */
          u |= ~G_GUINT64_CONSTANT (0) << (8 * size);
        return hs_int_from_i64 (vm, (gint64)u);
    }
}

/* The tuple of the values at buf (l->size bytes). */
static HsObject *
unpack_values (HsVM *vm, const Layout *l, const guchar *buf)
{
  HsObject *t = hs_tuple_new (vm, l->n_values);
  gsize v = 0;

  for (gsize i = 0; t != NULL && i < l->n_codes; i++)
    {
      const Code *code = &l->codes[i];
      gsize align, size = code_size (code->code, l->native, &align);
      const guchar *p = buf + code->offset;
      HsObject *item;

      if (code->code == 'x')
        continue;
      if (code->code == 's' || code->code == 'p')
        {
          gsize n = code->code == 's' ? code->num : MIN ((gsize)*p, code->num - 1);
          item = hs_bytes_new (vm, (const char *)p + (code->code == 'p'), n);
          if (item == NULL)
            HS_CLEAR (vm, t);
          else
            hs_tuple_set_take (t, v++, item);
          continue;
        }
      for (gsize k = 0; t != NULL && k < code->num; k++)
        if ((item = unpack_one (vm, l, code->code, size, p + k * size)) == NULL)
          HS_CLEAR (vm, t);
        else
          hs_tuple_set_take (t, v++, item);
    }
  return t;
}

static HsObject *
unpack_buffer (HsVM *vm, const Layout *l, HsObject *buffer)
{
  const char *d;
  gsize n;

  if (!hs_bytes_buffer (vm, buffer, &d, &n))
    return NULL;
  if (n != l->size)
    {
      hs_err_format (vm, &struct_error_type,
                     "unpack requires a buffer of %" G_GSIZE_FORMAT " bytes", l->size);
      return NULL;
    }
  return unpack_values (vm, l, (const guchar *)d);
}

/* An offset into a buffer of `len` bytes, negative from its end (CPython's checks). */
static gboolean
offset_in (HsVM *vm, HsObject *offset_obj, gsize len, gssize *offset)
{
  if (offset_obj != NULL && !hs_int_arg_ssize (vm, offset_obj, offset))
    return FALSE;
  if (*offset < 0)
    {
      if (*offset + (gssize)len < 0)
        {
          hs_err_format (vm, &struct_error_type,
                         "offset %" G_GSSIZE_FORMAT " out of range for %" G_GSIZE_FORMAT
                         "-byte buffer",
                         *offset, len);
          return FALSE;
        }
      *offset += (gssize)len;
    }
  return TRUE;
}

static HsObject *
unpack_from (HsVM *vm, const Layout *l, HsObject *buffer, HsObject *offset_obj)
{
  const char *d;
  gsize n;
  gssize offset = 0;

  if (!hs_bytes_buffer (vm, buffer, &d, &n) || !offset_in (vm, offset_obj, n, &offset))
    return NULL;
  if ((gssize)n - offset < (gssize)l->size)
    {
      hs_err_format (vm, &struct_error_type,
                     "unpack_from requires a buffer of at least %" G_GSIZE_FORMAT
                     " bytes for unpacking %" G_GSIZE_FORMAT " bytes at offset %" G_GSSIZE_FORMAT
                     " (actual buffer size is %" G_GSIZE_FORMAT ")",
                     l->size + (gsize)offset, l->size, offset, n);
      return NULL;
    }
  return unpack_values (vm, l, (const guchar *)d + offset);
}

/* pack_into(buffer, offset, *values): args[0] the buffer */
static HsObject *
pack_into (HsVM *vm, const Layout *l, HsObject **args, gsize nargs)
{
  gssize offset;
  HsBytes *b;

  if (nargs != l->n_values + 2)
    {
      if (nargs == 0)
        return struct_error (vm, "pack_into expected buffer argument");
      if (nargs == 1)
        return struct_error (vm, "pack_into expected offset argument");
      hs_err_format (vm, &struct_error_type,
                     "pack_into expected %" G_GSIZE_FORMAT
                     " items for packing (got %" G_GSIZE_FORMAT ")",
                     l->n_values, nargs - 2);
      return NULL;
    }
  if (!HS_ISINSTANCE (args[0], &hs_bytearray_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "argument must be read-write bytes-like object, not %s",
                     hs_type_name (args[0]));
      return NULL;
    }
  b = HS_BYTES (args[0]);
  if (!hs_int_arg_ssize (vm, args[1], &offset))
    return NULL;
  if (offset < 0 && offset + (gssize)l->size > 0)
    {
      hs_err_format (vm, &struct_error_type,
                     "no space to pack %" G_GSIZE_FORMAT " bytes at offset %" G_GSSIZE_FORMAT,
                     l->size, offset);
      return NULL;
    }
  if (!offset_in (vm, NULL, b->len, &offset))
    return NULL;
  if ((gssize)b->len - offset < (gssize)l->size)
    {
      hs_err_format (vm, &struct_error_type,
                     "pack_into requires a buffer of at least %" G_GSIZE_FORMAT
                     " bytes for packing %" G_GSIZE_FORMAT " bytes at offset %" G_GSSIZE_FORMAT
                     " (actual buffer size is %" G_GSIZE_FORMAT ")",
                     l->size + (gsize)offset, l->size, offset, b->len);
      return NULL;
    }
  /* written in place, as CPython's: a failing value leaves the field zeroed */
  if (!pack_values (vm, l, "pack_into", args + 2, nargs - 2, (guchar *)b->data + offset))
    {
      hs_object_mark_dirty (vm, args[0]);
      return NULL;
    }
  hs_object_mark_dirty (vm, args[0]);
  return hs_None;
}

/* ---- Struct ------------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  Layout layout;
  char *format; /* its text, NUL-terminated, format_len + 1 bytes */
  gsize format_len;
} HsStruct;

#define STRUCT(o) ((HsStruct *)(o))

static HsType struct_type;

static void
struct_dealloc (HsVM *vm, HsObject *self)
{
  HsStruct *s = STRUCT (self);
  layout_clear (vm, &s->layout);
  if (s->format != NULL)
    hs_mem_realloc (vm, s->format, s->format_len + 1, 0);
  s->format = NULL;
}

static HsObject *
struct_new (HsVM *vm, HsObject *fmt)
{
  const char *text;
  gsize len;
  HsObject *hold;
  HsStruct *s;

  if (!format_text (vm, fmt, &text, &len, &hold))
    return NULL;
  if ((s = (HsStruct *)hs_object_alloc (vm, &struct_type, sizeof (HsStruct))) == NULL
      || (s->format = hs_mem_realloc (vm, NULL, 0, len + 1)) == NULL)
    {
      hs_decref (vm, hold);
      if (s != NULL)
        hs_decref (vm, &s->header);
      return NULL;
    }
  memcpy (s->format, text, len);
  s->format[len] = '\0';
  s->format_len = len;
  if (!layout_parse (vm, text, len, &s->layout))
    HS_CLEAR (vm, s);
  hs_decref (vm, hold);
  return s != NULL ? &s->header : NULL;
}

static HsObject *
struct_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fmt = NULL;
  if (!hs_parse_args (vm, "Struct", args, nargs, kwnames, "format", &fmt))
    return NULL;
  return struct_new (vm, fmt);
}

static HsObject *
struct_attr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "size"))
    return hs_int_from_u64 (vm, STRUCT (self)->layout.size);
  return hs_str_new (vm, STRUCT (self)->format, STRUCT (self)->format_len);
}

static HsObject *
s_pack (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "Struct.pack", kwnames))
    return NULL;
  return pack_to_bytes (vm, &STRUCT (args[0])->layout, args + 1, nargs - 1);
}

static HsObject *
s_pack_into (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "Struct.pack_into", kwnames))
    return NULL;
  return pack_into (vm, &STRUCT (args[0])->layout, args + 1, nargs - 1);
}

static HsObject *
s_unpack (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *buffer = NULL;
  if (!hs_parse_args (vm, "Struct.unpack", args + 1, nargs - 1, kwnames, "!buffer", &buffer))
    return NULL;
  return unpack_buffer (vm, &STRUCT (args[0])->layout, buffer);
}

static HsObject *
s_unpack_from (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *buffer = NULL, *offset = NULL;
  if (!hs_parse_args (vm, "unpack_from", args + 1, nargs - 1, kwnames, "buffer|offset", &buffer,
                      &offset))
    return NULL;
  return unpack_from (vm, &STRUCT (args[0])->layout, buffer, offset);
}

static HsObject *iter_new (HsVM *vm, HsObject *st, HsObject *buffer);

static HsObject *
s_iter_unpack (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *buffer = NULL;
  if (!hs_parse_args (vm, "Struct.iter_unpack", args + 1, nargs - 1, kwnames, "!buffer", &buffer))
    return NULL;
  return iter_new (vm, args[0], buffer);
}

static const HsMethodDef struct_methods[] = {
  { "pack", s_pack },
  { "pack_into", s_pack_into },
  { "unpack", s_unpack },
  { "unpack_from", s_unpack_from },
  { "iter_unpack", s_iter_unpack },
  { NULL, NULL },
};

static HsType struct_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "Struct",
  .module = "_struct",
  .tp_name = "_struct.Struct",
  .base = &hs_object_type,
  .basicsize = sizeof (HsStruct),
  .dealloc = struct_dealloc,
  .construct = struct_construct,
  .methods = struct_methods,
};

/* ---- the unpack iterator ------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *st;     /* the Struct */
  HsObject *buffer; /* the object whose bytes it reads */
  gsize index;      /* the next record's offset */
} HsUnpackIter;

#define UNPACK_ITER(o) ((HsUnpackIter *)(o))

static const HsRefField unpack_iter_fields[] = {
  { offsetof (HsUnpackIter, st), HS_REF_PLAIN, NULL },
  { offsetof (HsUnpackIter, buffer), HS_REF_PLAIN, NULL },
};

HS_DEFINE_FIELD_REFS (unpack_iter)

static HsType unpack_iter_type;

static HsObject *
iter_new (HsVM *vm, HsObject *st, HsObject *buffer)
{
  const Layout *l = &STRUCT (st)->layout;
  const char *d;
  gsize n;
  HsUnpackIter *it;

  if (!hs_bytes_buffer (vm, buffer, &d, &n))
    return NULL;
  if (l->size == 0)
    return struct_error (vm, "cannot iteratively unpack with a struct of length 0");
  if (n % l->size != 0)
    {
      hs_err_format (vm, &struct_error_type,
                     "iterative unpacking requires a buffer of a multiple of %" G_GSIZE_FORMAT
                     " bytes",
                     l->size);
      return NULL;
    }
  if ((it = (HsUnpackIter *)hs_object_alloc (vm, &unpack_iter_type, sizeof (HsUnpackIter))) == NULL)
    return NULL;
  it->st = hs_incref (st);
  it->buffer = hs_incref (buffer);
  hs_gc_track (vm, &it->header);
  return &it->header;
}

static HsObject *
unpack_iter_next (HsVM *vm, HsObject *self)
{
  HsUnpackIter *it = UNPACK_ITER (self);
  const Layout *l;
  const char *d;
  gsize n;
  HsObject *r;

  if (it->st == NULL)
    return NULL;
  l = &STRUCT (it->st)->layout;
  hs_bytes_buffer (vm, it->buffer, &d, &n);
  if (it->index + l->size > n)
    {
      /* exhausted: CPython releases the buffer and the Struct */
      HS_CLEAR (vm, it->buffer);
      HS_CLEAR (vm, it->st);
      hs_object_mark_dirty (vm, self);
      return NULL;
    }
  r = unpack_values (vm, l, (const guchar *)d + it->index);
  it->index += l->size;
  return r;
}

static HsObject *
unpack_iter_self (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
m_length_hint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsUnpackIter *it = UNPACK_ITER (args[0]);
  const char *d;
  gsize n = 0;

  if (!hs_parse_args (vm, "__length_hint__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (it->st != NULL)
    hs_bytes_buffer (vm, it->buffer, &d, &n);
  return hs_int_from_u64 (vm, it->st != NULL ? (n - it->index) / STRUCT (it->st)->layout.size : 0);
}

static const HsMethodDef unpack_iter_methods[] = {
  { "__length_hint__", m_length_hint },
  { NULL, NULL },
};

static HsType unpack_iter_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "unpack_iterator",
  .module = "_struct",
  .tp_name = "_struct.unpack_iterator",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsUnpackIter),
  .dealloc = unpack_iter_clear,
  .refs = unpack_iter_refs,
  .clear = unpack_iter_clear,
  .iter = unpack_iter_self,
  .iternext = unpack_iter_next,
  .methods = unpack_iter_methods,
};

/* ---- the module's functions ------------------------------------------------------------ */

/* The format argument args[0] parsed, or FALSE ("missing format argument" when none). */
static gboolean
format_arg (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames, Layout *l)
{
  if (!hs_parse_no_kwargs (vm, fname, kwnames))
    return FALSE;
  if (nargs == 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "missing format argument");
      return FALSE;
    }
  return layout_of (vm, args[0], l);
}

static HsObject *
f_pack (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Layout l;
  HsObject *r;
  if (!format_arg (vm, "_struct.pack", args, nargs, kwnames, &l))
    return NULL;
  r = pack_to_bytes (vm, &l, args + 1, nargs - 1);
  layout_clear (vm, &l);
  return r;
}

static HsObject *
f_pack_into (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  Layout l;
  HsObject *r;
  if (!format_arg (vm, "_struct.pack_into", args, nargs, kwnames, &l))
    return NULL;
  r = pack_into (vm, &l, args + 1, nargs - 1);
  layout_clear (vm, &l);
  return r;
}

static HsObject *
f_unpack (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fmt = NULL, *buffer = NULL, *r;
  Layout l;
  if (!hs_parse_args (vm, "unpack", args, nargs, kwnames, "format buffer /", &fmt, &buffer)
      || !layout_of (vm, fmt, &l))
    return NULL;
  r = unpack_buffer (vm, &l, buffer);
  layout_clear (vm, &l);
  return r;
}

static HsObject *
f_unpack_from (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fmt = NULL, *buffer = NULL, *offset = NULL, *r;
  Layout l;
  if (!hs_parse_args (vm, "unpack_from", args, nargs, kwnames, "format / buffer | offset", &fmt,
                      &buffer, &offset)
      || !layout_of (vm, fmt, &l))
    return NULL;
  r = unpack_from (vm, &l, buffer, offset);
  layout_clear (vm, &l);
  return r;
}

static HsObject *
f_iter_unpack (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fmt = NULL, *buffer = NULL, *st, *r;
  if (!hs_parse_args (vm, "iter_unpack", args, nargs, kwnames, "format buffer /", &fmt, &buffer)
      || (st = struct_new (vm, fmt)) == NULL)
    return NULL;
  r = iter_new (vm, st, buffer);
  hs_decref (vm, st);
  return r;
}

static HsObject *
f_calcsize (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fmt = NULL;
  Layout l;
  gsize size;
  if (!hs_parse_args (vm, "_struct.calcsize", args, nargs, kwnames, "!format", &fmt)
      || !layout_of (vm, fmt, &l))
    return NULL;
  size = l.size;
  layout_clear (vm, &l);
  return hs_int_from_u64 (vm, size);
}

static const HsMethodDef struct_functions[] = {
  { "pack", f_pack },
  { "pack_into", f_pack_into },
  { "unpack", f_unpack },
  { "unpack_from", f_unpack_from },
  { "iter_unpack", f_iter_unpack },
  { "calcsize", f_calcsize },
  { NULL, NULL },
};

void
hs_mod_struct_runtime_init (void)
{
  hs_type_ready (&struct_error_type);
  hs_type_ready (&struct_type);
  hs_getset_install (&struct_type, "format size", struct_attr, NULL);
  hs_type_ready (&unpack_iter_type);
}

int
hs_mod_struct_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, struct_functions) < 0
      || hs_module_add_take (vm, dict, "Struct", hs_incref ((HsObject *)&struct_type)) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "error", hs_incref ((HsObject *)&struct_error_type));
}
