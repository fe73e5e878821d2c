/* hs-bytes.c — bytes objects, and what bytearray shares with them (CPython's
 * bytesobject.c and bytes_methods.c).
 *
 * Invariant: see hs-bytes.h. Every function here reads `data`/`len` and makes results of
 * the receiver's type, so it serves both types; only hs-bytearray.c changes a buffer.
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>

#include "hs-bytes.h"
#include "hs-memoryview.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-format.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- making ----------------------------------------------------------------------- */

HsObject *
hs_bytes_new_of (HsVM *vm, const HsType *type, const char *data, gsize len)
{
  HsBytes *b = (HsBytes *)hs_object_alloc (vm, type, sizeof (HsBytes));

  if (b == NULL)
    return NULL;
  b->hash = -1;
  if ((b->data = hs_mem_realloc (vm, NULL, 0, len + 1)) == NULL)
    {
      hs_decref (vm, &b->header);
      return NULL;
    }
  b->cap = len + 1;
  b->len = len;
  if (len > 0)
    memcpy (b->data, data, len);
  b->data[len] = '\0';
  return &b->header;
}

HsObject *
hs_bytes_new (HsVM *vm, const char *data, gsize len)
{
  return hs_bytes_new_of (vm, &hs_bytes_type, data, len);
}

/* A result of self's kind: bytearray methods give bytearrays. */
static HsObject *
new_like (HsVM *vm, HsObject *self, const char *data, gsize len)
{
  return hs_bytes_new_of (
      vm, HS_ISINSTANCE (self, &hs_bytearray_type) ? &hs_bytearray_type : &hs_bytes_type, data,
      len);
}

int
hs_bytes_resize (HsVM *vm, HsObject *self, gsize len)
{
  HsBytes *b = HS_BYTES (self);

  if (len + 1 > b->cap || len + 1 < b->cap / 4)
    {
      /* grow by half again (amortised appends), shrink when mostly empty */
      gsize cap = len + 1 > b->cap ? MAX (len + 1, b->cap + b->cap / 2) : len + 1;
      char *data = hs_mem_realloc (vm, b->data, b->cap, cap);
      if (data == NULL)
        return -1;
      b->data = data;
      b->cap = cap;
    }
  b->len = len;
  b->data[len] = '\0';
  return 0;
}

void
hs_bytes_dealloc (HsVM *vm, HsObject *self)
{
  hs_mem_realloc (vm, HS_BYTES (self)->data, HS_BYTES (self)->cap, 0);
  HS_BYTES (self)->data = NULL;
  HS_BYTES (self)->cap = HS_BYTES (self)->len = 0;
}

/* The modules' types that export a buffer (array.array) */
static struct
{
  const HsType *type;
  HsBufferFn get;
} exporters[4];

void
hs_bytes_register_exporter (const HsType *type, HsBufferFn get)
{
  for (gsize i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (exporters[i].type == NULL || exporters[i].type == type)
      {
        exporters[i].type = type;
        exporters[i].get = get;
        return;
      }
  g_assert_not_reached ();
}

static HsBufferFn
exporter_of (const HsObject *o)
{
  for (gsize i = 0; i < G_N_ELEMENTS (exporters) && exporters[i].type != NULL; i++)
    if (o->type == exporters[i].type)
      return exporters[i].get;
  return NULL;
}

gboolean
hs_bytes_has_buffer (const HsObject *o)
{
  return hs_bytes_like_check (o) || hs_memoryview_check (o) || exporter_of (o) != NULL;
}

gboolean
hs_bytes_buffer (HsVM *vm, HsObject *o, const char **data, gsize *len)
{
  if (hs_memoryview_check (o))
    return hs_memoryview_buffer (vm, o, data, len);
  if (exporter_of (o) != NULL)
    return exporter_of (o) (vm, o, data, len);
  if (!hs_bytes_like_check (o))
    {
      hs_err_format (vm, &hs_exc_TypeError, "a bytes-like object is required, not '%s'",
                     hs_type_name (o));
      return FALSE;
    }
  *data = HS_BYTES (o)->data;
  *len = HS_BYTES (o)->len;
  return TRUE;
}

gboolean
hs_bytes_byte_of (HsVM *vm, HsObject *o, const char *range_error, char *out)
{
  HsObject *i;
  gint64 v;

  if (!hs_object_has_index (o))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return FALSE;
    }
  if ((i = hs_object_index (vm, o)) == NULL)
    return FALSE;
  if (!hs_int_as_i64 (i, &v) || v < 0 || v > 255)
    {
      hs_decref (vm, i);
      hs_err_set_string (vm, &hs_exc_ValueError, range_error);
      return FALSE;
    }
  hs_decref (vm, i);
  *out = (char)v;
  return TRUE;
}

void
hs_bytes_arg_clear (HsVM *vm, HsBytesArg *arg)
{
  if (arg->buf != NULL)
    hs_mem_realloc (vm, arg->buf, arg->cap, 0);
  if (arg->ref != NULL)
    hs_decref (vm, arg->ref);
  memset (arg, 0, sizeof *arg);
}

/* Room in arg's own buffer for `len` bytes and the NUL; FALSE with MemoryError. */
static gboolean
arg_reserve (HsVM *vm, HsBytesArg *arg, gsize len)
{
  gsize cap;
  char *buf;

  if (len + 1 <= arg->cap)
    return TRUE;
  cap = MAX (len + 1, MAX (arg->cap * 2, 64));
  if (len >= G_MAXSIZE / 2 || (buf = hs_mem_realloc (vm, arg->buf, arg->cap, cap)) == NULL)
    {
      if (!hs_err_occurred (vm))
        hs_err_no_memory (vm);
      return FALSE;
    }
  arg->buf = buf;
  arg->cap = cap;
  arg->data = buf;
  return TRUE;
}

static int
append_int (HsVM *vm, HsObject *item, gpointer data)
{
  HsBytesArg *arg = data;
  char byte;

  if (!hs_bytes_byte_of (vm, item, "bytes must be in range(0, 256)", &byte)
      || !arg_reserve (vm, arg, arg->len + 1))
    return -1;
  arg->buf[arg->len++] = byte;
  arg->buf[arg->len] = '\0';
  return 0;
}

static gboolean
from_args (HsVM *vm, const char *what, HsObject *source, HsObject *encoding, HsObject *errors,
           HsBytesArg *out)
{
  if (source == NULL)
    {
      if (encoding != NULL || errors != NULL)
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             encoding != NULL ? "encoding without a string argument"
                                              : "errors without a string argument");
          return FALSE;
        }
      return TRUE;
    }
  if (hs_str_check (source))
    {
      if (encoding == NULL)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "string argument without an encoding");
          return FALSE;
        }
      if (!hs_str_check (encoding) || (errors != NULL && !hs_str_check (errors)))
        {
          hs_err_format (vm, &hs_exc_TypeError, "%s() argument '%s' must be str, not %s", what,
                         hs_str_check (encoding) ? "errors" : "encoding",
                         hs_type_name (hs_str_check (encoding) ? errors : encoding));
          return FALSE;
        }
      out->ref = hs_codec_encode (vm, source, hs_str_utf8 (encoding),
                                  errors != NULL ? hs_str_utf8 (errors) : "strict");
      if (out->ref == NULL)
        return FALSE;
      out->data = HS_BYTES (out->ref)->data;
      out->len = HS_BYTES (out->ref)->len;
      return TRUE;
    }
  if (encoding != NULL || errors != NULL)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         encoding != NULL ? "encoding without a string argument"
                                          : "errors without a string argument");
      return FALSE;
    }
  if (hs_memoryview_check (source) || exporter_of (source) != NULL)
    {
      const char *d;
      gsize n;
      out->ref = hs_memoryview_check (source)           ? hs_memoryview_tobytes (vm, source)
                 : hs_bytes_buffer (vm, source, &d, &n) ? hs_bytes_new (vm, d, n)
                                                        : NULL;
      if (out->ref == NULL)
        return FALSE;
      out->data = HS_BYTES (out->ref)->data;
      out->len = HS_BYTES (out->ref)->len;
      return TRUE;
    }
  if (hs_bytes_like_check (source))
    {
      out->ref = hs_incref (source);
      out->data = HS_BYTES (source)->data;
      out->len = HS_BYTES (source)->len;
      return TRUE;
    }
  if (hs_object_has_index (source))
    {
      HsObject *i = hs_object_index (vm, source);
      gssize n;
      if (i == NULL)
        return FALSE;
      n = hs_int_as_ssize (vm, i);
      hs_decref (vm, i);
      if (n == -1 && hs_err_occurred (vm))
        return FALSE;
      if (n < 0)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "negative count");
          return FALSE;
        }
      if (!arg_reserve (vm, out, (gsize)n))
        return FALSE;
      memset (out->buf, 0, (gsize)n + 1);
      out->len = (gsize)n;
      return TRUE;
    }
  if (hs_type_lookup_borrow (source->type, hs_str_intern_cstr ("__iter__")) == NULL
      && source->type->iter == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot convert '%s' object to %s",
                     hs_type_name (source), what);
      return FALSE;
    }
  out->data = "";
  if (strcmp (what, "bytes") == 0)
    {
      /* CPython's _PyBytes_FromIterator sizes its buffer by the length hint first (a hint
       * past the heap cap is its MemoryError); bytearray's grows as it goes */
      HsObject *it = hs_object_iter (vm, source);
      gssize hint = it != NULL ? hs_object_length_hint (vm, source, 64) : -1;
      gboolean ok = hint >= 0 && arg_reserve (vm, out, (gsize)hint)
                    && hs_object_foreach (vm, it, append_int, out) == 0;
      hs_xdecref (vm, it);
      return ok;
    }
  return hs_object_foreach (vm, source, append_int, out) == 0;
}

gboolean
hs_bytes_from_args (HsVM *vm, const char *what, HsObject *source, HsObject *encoding,
                    HsObject *errors, HsBytesArg *out)
{
  memset (out, 0, sizeof *out);
  out->data = "";
  if (!from_args (vm, what, source, encoding, errors, out))
    {
      hs_bytes_arg_clear (vm, out);
      return FALSE;
    }
  return TRUE;
}

HsObject *
hs_bytes_new_from_arg (HsVM *vm, const HsType *type, HsBytesArg *arg)
{
  HsBytes *b;

  if (arg->buf == NULL)
    {
      HsObject *r = hs_bytes_new_of (vm, type, arg->data, arg->len);
      hs_bytes_arg_clear (vm, arg);
      return r;
    }
  if ((b = (HsBytes *)hs_object_alloc (vm, type, sizeof (HsBytes))) == NULL)
    {
      hs_bytes_arg_clear (vm, arg);
      return NULL;
    }
  b->hash = -1;
  b->data = arg->buf;
  b->cap = arg->cap;
  b->len = arg->len;
  b->data[b->len] = '\0';
  arg->buf = NULL;
  hs_bytes_arg_clear (vm, arg);
  return &b->header;
}

/* bytes(x) of an x with __bytes__, before str, __index__, buffers and iterables (CPython's
 * bytes_new): what it returns, itself (bytes cannot be subclassed here) */
static HsObject *
bytes_from_dunder (HsVM *vm, HsObject *source)
{
  HsObject *r = hs_object_call_method (vm, source, "__bytes__", NULL, 0, NULL);

  if (r != NULL && !HS_IS (r, &hs_bytes_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                     hs_type_name (r));
      hs_decref (vm, r);
      return NULL;
    }
  return r;
}

static HsObject *
bytes_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *source = NULL, *encoding = NULL, *errors = NULL;
  HsBytesArg buf;

  if (!hs_parse_args (vm, "bytes", args, nargs, kwnames, "|source encoding errors", &source,
                      &encoding, &errors))
    return NULL;
  if (source != NULL && HS_IS (source, &hs_bytes_type) && encoding == NULL && errors == NULL)
    return hs_incref (source);
  if (source != NULL && encoding == NULL && errors == NULL && !hs_bytes_like_check (source)
      && hs_type_lookup_borrow (source->type, hs_str_intern_cstr ("__bytes__")) != NULL)
    return bytes_from_dunder (vm, source);
  if (!hs_bytes_from_args (vm, "bytes", source, encoding, errors, &buf))
    return NULL;
  return hs_bytes_new_from_arg (vm, type, &buf);
}

/* ---- text ------------------------------------------------------------------------- */

/* d's bytes as a bytes literal writes them between `quote`s; a bytearray's repr escapes
 * every ' whatever its quotes (CPython's bytearray_repr: bytearray(b"a\'b")). */
static void
append_escaped (GString *out, const char *d, gsize n, char quote, gboolean bytearray)
{
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)d[i];
      if (c == (guchar)quote || c == '\\' || (bytearray && c == '\''))
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < ' ' || c >= 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char)c);
    }
}

static char
repr_quote (const char *d, gsize n)
{
  return memchr (d, '\'', n) != NULL && memchr (d, '"', n) == NULL ? '"' : '\'';
}

/* b'...' as CPython writes it: single quotes unless the bytes hold ' and no ". */
static void
append_repr (GString *out, const char *d, gsize n, gboolean bytearray)
{
  char quote = repr_quote (d, n);

  g_string_append_c (out, 'b');
  g_string_append_c (out, quote);
  append_escaped (out, d, n, quote, bytearray);
  g_string_append_c (out, quote);
}

char *
hs_bytes_repr_clipped (HsObject *self, gsize head, gsize tail)
{
  const char *d = HS_BYTES (self)->data;
  gsize n = HS_BYTES (self)->len;
  gboolean ba = HS_ISINSTANCE (self, &hs_bytearray_type);
  char quote = repr_quote (d, n);
  GString *out = g_string_new (NULL);

  if (ba)
    g_string_append_printf (out, "%s(", hs_type_name (self));
  g_string_append_c (out, 'b');
  g_string_append_c (out, quote);
  if (n <= head + tail)
    append_escaped (out, d, n, quote, ba);
  else
    {
      append_escaped (out, d, head, quote, ba);
      g_string_append (out, "…");
      append_escaped (out, d + n - tail, tail, quote, ba);
    }
  g_string_append_c (out, quote);
  if (ba)
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* The length of append_repr's text, to check it against the heap cap first (as CPython
 * sizes its result before writing it). */
static gsize
repr_len (const char *d, gsize n)
{
  gsize len = 3;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)d[i];
      len += c == '\'' || c == '"' || c == '\\' || c == '\t' || c == '\n' || c == '\r' ? 2
             : c < ' ' || c >= 0x7f                                                    ? 4
                                                                                       : 1;
    }
  return len;
}

HsObject *
hs_bytes_repr (HsVM *vm, HsObject *self)
{
  gboolean ba = HS_ISINSTANCE (self, &hs_bytearray_type);
  gsize size = repr_len (HS_BYTES (self)->data, HS_BYTES (self)->len)
               + (ba ? strlen (hs_type_name (self)) + 2 : 0);
  GString *out;

  if (!hs_format_check_size (vm, size))
    return NULL;
  out = g_string_sized_new (size);
  if (ba)
    g_string_append_printf (out, "%s(", hs_type_name (self));
  append_repr (out, HS_BYTES (self)->data, HS_BYTES (self)->len, ba);
  if (ba)
    g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

/* ---- operators -------------------------------------------------------------------- */

HsObject *
hs_bytes_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  gsize la = HS_BYTES (a)->len, lb, n;
  int c;

  if (!hs_bytes_like_check (b))
    return hs_incref (hs_NotImplemented);
  lb = HS_BYTES (b)->len;
  n = MIN (la, lb);
  c = n > 0 ? memcmp (HS_BYTES (a)->data, HS_BYTES (b)->data, n) : 0;
  if (c == 0)
    c = la < lb ? -1 : la > lb ? 1 : 0;
  return hs_bool_from (hs_compare_holds (c, op));
}

static HsObject *
repeat (HsVM *vm, HsObject *self, HsObject *count)
{
  gssize n = hs_int_as_ssize (vm, count);
  gsize len = HS_BYTES (self)->len;
  HsObject *r;

  if (n == -1 && hs_err_occurred (vm))
    return NULL;
  if (n <= 0 || len == 0)
    return new_like (vm, self, "", 0);
  if ((gsize)n > G_MAXSSIZE / len)
    {
      /* CPython: bytes_repeat's OverflowError, bytearray_repeat's MemoryError */
      if (HS_ISINSTANCE (self, &hs_bytearray_type))
        hs_err_set_string (vm, &hs_exc_MemoryError, "");
      else
        hs_err_set_string (vm, &hs_exc_OverflowError, "repeated bytes are too long");
      return NULL;
    }
  if ((r = new_like (vm, self, NULL, 0)) == NULL || hs_bytes_resize (vm, r, len * n) < 0)
    {
      hs_xdecref (vm, r);
      return NULL;
    }
  for (gssize i = 0; i < n; i++)
    memcpy (HS_BYTES (r)->data + i * len, HS_BYTES (self)->data, len);
  return r;
}

HsObject *
hs_bytes_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && hs_bytes_like_check (a))
    {
      HsObject *r;
      if (!hs_bytes_like_check (b))
        {
          hs_err_format (vm, &hs_exc_TypeError, "can't concat %s to %s", hs_type_name (b),
                         hs_type_name (a));
          return NULL;
        }
      if ((r = new_like (vm, a, HS_BYTES (a)->data, HS_BYTES (a)->len)) == NULL
          || hs_bytes_resize (vm, r, HS_BYTES (a)->len + HS_BYTES (b)->len) < 0)
        {
          hs_xdecref (vm, r);
          return NULL;
        }
      memcpy (HS_BYTES (r)->data + HS_BYTES (a)->len, HS_BYTES (b)->data, HS_BYTES (b)->len);
      return r;
    }
  if (op == HS_BIN_MUL && hs_bytes_like_check (a) && hs_object_has_index (b))
    return repeat (vm, a, b);
  if (op == HS_BIN_MOD && hs_bytes_like_check (a))
    return hs_bytes_percent_format (vm, a, b);
  if (op == HS_BIN_MUL && hs_bytes_like_check (b) && hs_object_has_index (a))
    return repeat (vm, b, a);
  return hs_incref (hs_NotImplemented);
}

gssize
hs_bytes_len (HsVM *vm, HsObject *self)
{
  return (gssize)HS_BYTES (self)->len;
}

int
hs_bytes_truth (HsVM *vm, HsObject *self)
{
  return HS_BYTES (self)->len > 0;
}

static int
bytes_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsBytes *b = HS_BYTES (self);

  if (b->hash == -1)
    b->hash = hs_hash_bytes (b->data, b->len); /* hash(b'abc') == hash('abc'), as CPython */
  *out = b->hash;
  return 0;
}

HsObject *
hs_bytes_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gssize i, start, stop, step, n;
  HsObject *r;

  if (!HS_IS (key, &hs_slice_type) && hs_object_has_index (key))
    {
      if (!hs_sequence_index (vm, key, "index", &i))
        return NULL;
      if (hs_index_normalize (&i, HS_BYTES (self)->len) < 0)
        {
          hs_err_set_string (vm, &hs_exc_IndexError,
                             HS_ISINSTANCE (self, &hs_bytearray_type)
                                 ? "bytearray index out of range"
                                 : "index out of range");
          return NULL;
        }
      return hs_int_from_i64 (vm, (guchar)HS_BYTES (self)->data[i]);
    }
  if (!HS_IS (key, &hs_slice_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s indices must be integers or slices, not %s",
                     HS_ISINSTANCE (self, &hs_bytearray_type) ? "bytearray" : "byte",
                     hs_type_name (key));
      return NULL;
    }
  if (hs_slice_indices (vm, key, HS_BYTES (self)->len, &start, &stop, &step, &n) < 0)
    return NULL;
  if (step == 1)
    return new_like (vm, self, HS_BYTES (self)->data + start, n);
  if ((r = new_like (vm, self, NULL, 0)) == NULL || hs_bytes_resize (vm, r, n) < 0)
    {
      hs_xdecref (vm, r);
      return NULL;
    }
  for (gssize k = 0; k < n; k++)
    HS_BYTES (r)->data[k] = HS_BYTES (self)->data[start + k * step];
  return r;
}

/* A byte given as an int (0..255) or a bytes-like needle; -1 with CPython's errors. */
static int
needle_of (HsVM *vm, HsObject *o, char *byte, const char **data, gsize *len)
{

  if (hs_bytes_like_check (o))
    {
      *data = HS_BYTES (o)->data;
      *len = HS_BYTES (o)->len;
      return 0;
    }
  if (!hs_object_has_index (o))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "argument should be integer or bytes-like object, not '%s'", hs_type_name (o));
      return -1;
    }
  if (!hs_bytes_byte_of (vm, o, "byte must be in range(0, 256)", byte))
    return -1;
  *data = byte;
  *len = 1;
  return 0;
}

int
hs_bytes_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  const char *d;
  gsize n;
  char byte;

  if (!hs_bytes_like_check (item) && !hs_object_has_index (item))
    {
      hs_err_format (vm, &hs_exc_TypeError, "a bytes-like object is required, not '%s'",
                     hs_type_name (item));
      return -1;
    }
  if (needle_of (vm, item, &byte, &d, &n) < 0)
    return -1;
  return memmem (HS_BYTES (self)->data, HS_BYTES (self)->len, d, n) != NULL;
}

HsObject *
hs_bytes_iter (HsVM *vm, HsObject *self)
{
  return hs_seq_iter_new_of (
      vm, HS_ISINSTANCE (self, &hs_bytearray_type) ? &hs_bytearray_iter_type : &hs_bytes_iter_type,
      self);
}

/* ---- methods ---------------------------------------------------------------------- */

#define SELF_DATA(args) (HS_BYTES ((args)[0])->data)
#define SELF_LEN(args) (HS_BYTES ((args)[0])->len)

static HsObject *
m_decode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *encoding = NULL, *errors = NULL;

  if (!hs_parse_args (vm, "decode", args + 1, nargs - 1, kwnames, "|encoding errors", &encoding,
                      &errors))
    return NULL;
  if ((encoding != NULL && !hs_str_check (encoding)) || (errors != NULL && !hs_str_check (errors)))
    {
      HsObject *bad = encoding != NULL && !hs_str_check (encoding) ? encoding : errors;
      hs_err_format (vm, &hs_exc_TypeError, "decode() argument '%s' must be str, not %s",
                     bad == encoding ? "encoding" : "errors", hs_type_name (bad));
      return NULL;
    }
  return hs_codec_decode (vm, SELF_DATA (args), SELF_LEN (args),
                          encoding != NULL ? hs_str_utf8 (encoding) : "utf-8",
                          errors != NULL ? hs_str_utf8 (errors) : "strict");
}

/* hex()'s separator: one ASCII character, given as a str or bytes (CPython's checks, in
 * its order); '\0' with an error set when it is not. */
static char
hex_separator (HsVM *vm, HsObject *sep)
{
  gssize n = hs_object_len (vm, sep);
  if (n < 0)
    return '\0';
  if (n != 1)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "sep must be length 1.");
      return '\0';
    }
  if (hs_str_check (sep) && (guchar)hs_str_utf8 (sep)[0] < 0x80)
    return hs_str_utf8 (sep)[0];
  if (hs_type_is_subtype (sep->type, &hs_bytes_type) && (guchar)HS_BYTES (sep)->data[0] < 0x80)
    return HS_BYTES (sep)->data[0];
  if (hs_str_check (sep) || hs_type_is_subtype (sep->type, &hs_bytes_type))
    hs_err_set_string (vm, &hs_exc_ValueError, "sep must be ASCII.");
  else
    hs_err_set_string (vm, &hs_exc_TypeError, "sep must be str or bytes.");
  return '\0';
}

/* bytes.hex([sep[, bytes_per_sep]]): sep between every |bytes_per_sep| bytes, counted from
 * the right when it is positive, from the left when negative. */
static HsObject *
m_hex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sep_obj = NULL, *per_obj = NULL;
  gsize len = SELF_LEN (args), every = 0, first = 0;
  char sep = '\0';
  gint64 per = 1;
  GString *out;

  if (!hs_parse_args (vm, "hex", args + 1, nargs - 1, kwnames, "|sep bytes_per_sep", &sep_obj,
                      &per_obj))
    return NULL;
  if (sep_obj != NULL && (sep = hex_separator (vm, sep_obj)) == '\0')
    return NULL;
  /* an int argument as argument clinic reads it (_PyLong_AsInt) */
  if (per_obj != NULL
      && (!hs_int_index_i64 (vm, per_obj, &per, "Python int too large to convert to C int")
          || per > G_MAXINT || per < G_MININT))
    {
      if (!hs_err_occurred (vm))
        hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
      return NULL;
    }
  if (sep != '\0' && per != 0 && len > 0)
    {
      every = (gsize)ABS (per);
      /* the bytes before the first separator: a short group leads when counting from the right */
      first = per > 0 && len % every != 0 ? len % every : every;
    }
  if (!hs_format_check_size (vm, len * 3))
    return NULL;
  out = g_string_sized_new (len * 3);
  for (gsize i = 0; i < len; i++)
    {
      if (every > 0 && i >= first && (i - first) % every == 0)
        g_string_append_c (out, sep);
      g_string_append_c (out, "0123456789abcdef"[(guchar)SELF_DATA (args)[i] >> 4]);
      g_string_append_c (out, "0123456789abcdef"[(guchar)SELF_DATA (args)[i] & 15]);
    }
  return hs_str_from_gstring (vm, out);
}

static HsObject *
m_fromhex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  const char *p;
  gsize n;
  g_autoptr (GByteArray) out = g_byte_array_new ();

  if (!hs_parse_args (vm, "fromhex", args + 1, nargs - 1, kwnames, "!string", &s))
    return NULL;
  if (!hs_str_check (s))
    {
      hs_err_format (vm, &hs_exc_TypeError, "fromhex() argument must be str, not %s",
                     hs_type_name (s));
      return NULL;
    }
  p = hs_str_utf8 (s);
  n = hs_str_byte_len (s);
  for (gsize i = 0; i < n;)
    {
      int hi, lo;
      if (p[i] == ' ' || (p[i] >= '\t' && p[i] <= '\r'))
        {
          i++;
          continue;
        }
      hi = g_ascii_xdigit_value (p[i]);
      lo = i + 1 < n ? g_ascii_xdigit_value (p[i + 1]) : -1;
      if (hi < 0 || lo < 0)
        {
          hs_err_format (
              vm, &hs_exc_ValueError,
              "non-hexadecimal number found in fromhex() arg at position %" G_GSIZE_FORMAT,
              hi < 0 ? i : i + 1);
          return NULL;
        }
      guint8 byte = (guint8)(hi * 16 + lo);
      g_byte_array_append (out, &byte, 1);
      i += 2;
    }
  return hs_bytes_new_of (vm, (HsType *)args[0], (char *)out->data, out->len);
}

/* The [start, end) window of find/index/count/startswith, clamped as slice indices. */
static gboolean
window (HsVM *vm, HsObject *self, HsObject *start, HsObject *end, gssize *lo, gssize *hi)
{
  gssize len = (gssize)HS_BYTES (self)->len;

  *lo = 0;
  *hi = len;
  if (start != NULL && start != hs_None)
    {
      if (!hs_sequence_index (vm, start, "slice", lo))
        return FALSE;
      *lo = *lo < 0 ? MAX (*lo + len, 0) : *lo;
    }
  if (end != NULL && end != hs_None)
    {
      if (!hs_sequence_index (vm, end, "slice", hi))
        return FALSE;
      *hi = *hi < 0 ? MAX (*hi + len, 0) : MIN (*hi, len);
    }
  return TRUE;
}

/* find (kind 0), index (1), rfind (2), rindex (3), count (4). */
static HsObject *
search (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, int kind)
{
  static const char *const names[] = { "find", "index", "rfind", "rindex", "count" };
  HsObject *sub = NULL, *start = NULL, *end = NULL;
  const char *d = SELF_DATA (args), *n;
  gsize nl;
  gssize lo, hi, found = -1, count = 0;
  char byte;

  if (!hs_parse_args (vm, names[kind], args + 1, nargs - 1, kwnames, "%sub |start end /", &sub,
                      &start, &end))
    return NULL;
  if (needle_of (vm, sub, &byte, &n, &nl) < 0 || !window (vm, args[0], start, end, &lo, &hi))
    return NULL;
  for (gssize i = lo; i + (gssize)nl <= hi; i++)
    if (memcmp (d + i, n, nl) == 0)
      {
        if (kind == 4)
          {
            count++;
            i += nl > 0 ? (gssize)nl - 1 : 0;
            continue;
          }
        found = i;
        if (kind < 2)
          break;
      }
  if (kind == 4)
    return hs_int_from_i64 (vm, nl == 0 && hi >= lo ? hi - lo + 1 : count);
  if (found < 0 && (kind == 1 || kind == 3))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "subsection not found");
      return NULL;
    }
  return hs_int_from_i64 (vm, found);
}

HS_CFUNCTION_VARIANT (m_find, search, 0)
HS_CFUNCTION_VARIANT (m_index, search, 1)
HS_CFUNCTION_VARIANT (m_rfind, search, 2)
HS_CFUNCTION_VARIANT (m_rindex, search, 3)
HS_CFUNCTION_VARIANT (m_count, search, 4)

/* startswith/endswith: a bytes-like prefix or a tuple of them. */
static HsObject *
affix (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean ends)
{
  const char *name = ends ? "endswith" : "startswith";
  HsObject *fix = NULL, *start = NULL, *end = NULL;
  gssize lo, hi;
  HsObject **items = &fix;
  gsize n = 1;

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "%fix |start end /", &fix, &start,
                      &end))
    return NULL;
  if (!window (vm, args[0], start, end, &lo, &hi))
    return NULL;
  if (HS_ISINSTANCE (fix, &hs_tuple_type))
    {
      items = hs_tuple_items (fix);
      n = hs_tuple_len (fix);
    }
  for (gsize i = 0; i < n; i++)
    {
      gsize fl;
      if (!hs_bytes_like_check (items[i]))
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         items == &fix ? "%s first arg must be bytes or a tuple of bytes, not %s"
                                       : "a bytes-like object is required, not '%s'",
                         items == &fix ? name : hs_type_name (items[i]), hs_type_name (items[i]));
          return NULL;
        }
      fl = HS_BYTES (items[i])->len;
      if (hi - lo >= (gssize)fl
          && memcmp (SELF_DATA (args) + (ends ? hi - (gssize)fl : lo), HS_BYTES (items[i])->data,
                     fl)
                 == 0)
        return hs_True;
    }
  return hs_False;
}

HS_CFUNCTION_VARIANT (m_startswith, affix, FALSE)
HS_CFUNCTION_VARIANT (m_endswith, affix, TRUE)

static gboolean
is_ascii_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* strip (0), lstrip (1), rstrip (2): ASCII whitespace, or the bytes given. */
static HsObject *
strip (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, int kind)
{
  static const char *const names[] = { "strip", "lstrip", "rstrip" };
  HsObject *chars = NULL;
  const char *d = SELF_DATA (args), *set = NULL;
  gsize lo = 0, hi = SELF_LEN (args), nset = 0;

  if (!hs_parse_args (vm, names[kind], args + 1, nargs - 1, kwnames, "|bytes /", &chars))
    return NULL;
  if (chars != NULL && chars != hs_None && !hs_bytes_buffer (vm, chars, &set, &nset))
    return NULL;
#define STRIPPED(c) (set != NULL ? memchr (set, (c), nset) != NULL : is_ascii_space (c))
  while (kind != 2 && lo < hi && STRIPPED (d[lo]))
    lo++;
  while (kind != 1 && hi > lo && STRIPPED (d[hi - 1]))
    hi--;
#undef STRIPPED
  return new_like (vm, args[0], d + lo, hi - lo);
}

HS_CFUNCTION_VARIANT (m_strip, strip, 0)
HS_CFUNCTION_VARIANT (m_lstrip, strip, 1)
HS_CFUNCTION_VARIANT (m_rstrip, strip, 2)

static int
append_part (HsVM *vm, HsObject *list, HsObject *self, const char *d, gsize n)
{
  HsObject *part = new_like (vm, self, d, n);
  int r = part != NULL ? hs_list_append (vm, list, part) : -1;
  hs_xdecref (vm, part);
  return r;
}

/* The last occurrence of needle in d[0, len), or NULL */
static const char *
memrmem (const char *d, gsize len, const char *needle, gsize n)
{
  for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0;)
    if (memcmp (d + i, needle, n) == 0)
      return d + i;
  return NULL;
}

/* split (forwards from i) and rsplit (backwards from end): whitespace runs separate (sep
 * NULL) or every sep does; after maxsplit splits (-1: any number) the rest is one piece,
 * with the whitespace on its far side kept, as CPython's. */
static HsObject *
split_common (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean reverse)
{
  HsObject *sep = NULL, *maxsplit_obj = NULL, *out;
  const char *d = SELF_DATA (args), *s = NULL, *p;
  gsize len = SELF_LEN (args), ns = 0, i = 0, end = len, from, to;
  gssize maxsplit = -1;

  if (!hs_parse_args (vm, reverse ? "rsplit" : "split", args + 1, nargs - 1, kwnames,
                      "|sep maxsplit", &sep, &maxsplit_obj))
    return NULL;
  /* the argument clinic converts maxsplit before the body reads sep */
  if (maxsplit_obj != NULL && !hs_int_arg_ssize (vm, maxsplit_obj, &maxsplit))
    return NULL;
  if (sep != NULL && sep != hs_None && !hs_bytes_buffer (vm, sep, &s, &ns))
    return NULL;
  if (s != NULL && ns == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "empty separator");
      return NULL;
    }
  if ((out = hs_list_new (vm, 0)) == NULL)
    return NULL;
  for (gboolean last = FALSE; out != NULL && !last;)
    {
      if (s != NULL)
        {
          p = maxsplit-- == 0 ? NULL
              : reverse       ? memrmem (d + i, end - i, s, ns)
                              : memmem (d + i, end - i, s, ns);
          last = p == NULL;
          from = p != NULL && reverse ? (gsize)(p - d) + ns : i;
          to = p != NULL && !reverse ? (gsize)(p - d) : end;
          if (p != NULL && reverse)
            end = (gsize)(p - d);
          else if (p != NULL)
            i = to + ns;
        }
      else
        {
          while (i < end && is_ascii_space (reverse ? d[end - 1] : d[i]))
            reverse ? end-- : i++;
          if (i >= end)
            break;
          last = maxsplit-- == 0;
          from = i, to = end;
          if (!last && reverse)
            for (from = end; from > i && !is_ascii_space (d[from - 1]);)
              from--;
          else if (!last)
            for (to = i; to < end && !is_ascii_space (d[to]);)
              to++;
          if (reverse)
            end = from;
          else
            i = to;
        }
      if (append_part (vm, out, args[0], d + from, to - from) < 0)
        HS_CLEAR (vm, out);
    }
  if (out != NULL && reverse)
    hs_list_reverse (vm, out);
  return out;
}

HS_CFUNCTION_VARIANT (m_split, split_common, FALSE)
HS_CFUNCTION_VARIANT (m_rsplit, split_common, TRUE)

typedef struct
{
  GByteArray *out;
  const char *sep;
  gsize nsep;
  gsize index;
} Join;

static int
join_one (HsVM *vm, HsObject *item, gpointer data)
{
  Join *j = data;

  if (!hs_bytes_like_check (item))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "sequence item %" G_GSIZE_FORMAT ": expected a bytes-like object, %s found",
                     j->index, hs_type_name (item));
      return -1;
    }
  /* the result is built outside the heap: it stays within what the cap leaves */
  if (!hs_format_check_size (vm, j->out->len + j->nsep + HS_BYTES (item)->len))
    return -1;
  if (j->index++ > 0)
    g_byte_array_append (j->out, (guint8 *)j->sep, j->nsep);
  g_byte_array_append (j->out, (guint8 *)HS_BYTES (item)->data, HS_BYTES (item)->len);
  return 0;
}

static HsObject *
m_join (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *items = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  Join j = { out, SELF_DATA (args), SELF_LEN (args), 0 };

  if (!hs_parse_args (vm, "join", args + 1, nargs - 1, kwnames, "!iterable_of_bytes", &items))
    return NULL;
  if (hs_object_foreach (vm, items, join_one, &j) < 0)
    return NULL;
  return new_like (vm, args[0], (char *)out->data, out->len);
}

static HsObject *
m_replace (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *old = NULL, *new = NULL, *count_obj = NULL;
  const char *d = SELF_DATA (args), *o, *w;
  gsize len = SELF_LEN (args), no, nw, i = 0;
  gssize count = -1;
  g_autoptr (GByteArray) out = g_byte_array_new ();

  if (!hs_parse_args (vm, "replace", args + 1, nargs - 1, kwnames, "old new |count /", &old, &new,
                      &count_obj))
    return NULL;
  if (!hs_bytes_buffer (vm, old, &o, &no) || !hs_bytes_buffer (vm, new, &w, &nw))
    return NULL;
  if (count_obj != NULL && !hs_int_arg_ssize (vm, count_obj, &count))
    return NULL;
  while (i <= len)
    {
      const char *p = count != 0 ? (no == 0 ? d + i : memmem (d + i, len - i, o, no)) : NULL;
      if (p == NULL)
        break;
      /* built outside the heap, then copied in: kept under the cap as it grows */
      if (!hs_format_check_size (vm, out->len + (gsize)(p - (d + i)) + nw + 1 + len - i))
        return NULL;
      g_byte_array_append (out, (guint8 *)d + i, p - (d + i));
      g_byte_array_append (out, (guint8 *)w, nw);
      count--;
      if (no == 0)
        {
          if (p < d + len)
            g_byte_array_append (out, (guint8 *)p, 1);
          i = p - d + 1;
        }
      else
        i = p - d + no;
    }
  if (i < len)
    g_byte_array_append (out, (guint8 *)d + i, len - i);
  return new_like (vm, args[0], (char *)out->data, out->len);
}

/* upper (0), lower (1): ASCII letters only. */
static HsObject *
recase (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean lower)
{
  HsObject *r;

  if (!hs_parse_args (vm, lower ? "lower" : "upper", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((r = new_like (vm, args[0], SELF_DATA (args), SELF_LEN (args))) == NULL)
    return NULL;
  for (gsize i = 0; i < HS_BYTES (r)->len; i++)
    HS_BYTES (r)->data[i]
        = lower ? g_ascii_tolower (HS_BYTES (r)->data[i]) : g_ascii_toupper (HS_BYTES (r)->data[i]);
  return r;
}

HS_CFUNCTION_VARIANT (m_upper, recase, FALSE)
HS_CFUNCTION_VARIANT (m_lower, recase, TRUE)

/* Whether byte c is of `kind` (bytes.isspace counts \v too, as CPython's Py_ISSPACE). */
static gboolean
byte_is (GAsciiType kind, char c)
{
  return kind == G_ASCII_SPACE ? is_ascii_space (c) : (g_ascii_table[(guchar)c] & kind) != 0;
}

/* isdigit, isalpha, isalnum, isspace, islower, isupper: every byte (at least one) is of `kind`;
 * for a case, every cased byte is of it and at least one is. */
static HsObject *
classify (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
          GAsciiType kind)
{
  gboolean by_case = kind == G_ASCII_LOWER || kind == G_ASCII_UPPER;
  GAsciiType other_case = kind == G_ASCII_LOWER ? G_ASCII_UPPER : G_ASCII_LOWER;
  gboolean cased = FALSE;

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, ""))
    return NULL;
  for (gsize i = 0; i < SELF_LEN (args); i++)
    {
      char c = SELF_DATA (args)[i];
      if (by_case ? byte_is (other_case, c) : !byte_is (kind, c))
        return hs_False;
      cased |= byte_is (kind, c);
    }
  return hs_bool_from (by_case ? cased : SELF_LEN (args) > 0);
}

#define CLASSIFIER(fn, name, pred)                                                                 \
  static HsObject *fn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)                  \
  {                                                                                                \
    return classify (vm, args, nargs, kwnames, name, pred);                                        \
  }

CLASSIFIER (m_isdigit, "isdigit", G_ASCII_DIGIT)
CLASSIFIER (m_isalpha, "isalpha", G_ASCII_ALPHA)
CLASSIFIER (m_isalnum, "isalnum", G_ASCII_ALNUM)
CLASSIFIER (m_isspace, "isspace", G_ASCII_SPACE)
CLASSIFIER (m_islower, "islower", G_ASCII_LOWER)
CLASSIFIER (m_isupper, "isupper", G_ASCII_UPPER)

/* ---- layout and case, shared with str where the rule is the same -------------------- */

/* A method that takes no arguments: its messages name the type ("bytes.title()"). */
static gboolean
no_args (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name)
{
  g_autofree char *qualified = g_strdup_printf ("%s.%s", hs_type_name (args[0]), name);
  return hs_parse_args (vm, qualified, args + 1, nargs - 1, kwnames, "");
}

/* ljust, rjust, center: hs_text_pad with a one-byte fill */
static HsObject *
pad (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name, char align)
{
  HsObject *width_obj, *fill_obj = NULL, *r;
  const char *fill = " ";
  gsize fill_len = 1, len = SELF_LEN (args);
  gssize width;
  GString *out;

  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "width|fillchar /", &width_obj,
                      &fill_obj)
      || !hs_int_arg_ssize (vm, width_obj, &width))
    return NULL;
  if (fill_obj != NULL
      && (!hs_bytes_like_check (fill_obj) || (fill_len = HS_BYTES (fill_obj)->len) != 1))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s() argument 2 must be a byte string of length 1, not %s", name,
                     hs_type_name (fill_obj));
      return NULL;
    }
  if (fill_obj != NULL)
    fill = HS_BYTES (fill_obj)->data;
  if (width <= (gssize)len)
    return new_like (vm, args[0], SELF_DATA (args), len);
  if (!hs_format_check_size (vm, (gsize)width))
    return NULL;
  out = g_string_sized_new ((gsize)width);
  hs_text_pad (out, SELF_DATA (args), len, len, (gsize)width, align, fill, fill_len);
  r = new_like (vm, args[0], out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

HS_CFUNCTION_VARIANT (m_ljust, pad, "ljust", '<')
HS_CFUNCTION_VARIANT (m_rjust, pad, "rjust", '>')
HS_CFUNCTION_VARIANT (m_center, pad, "center", '^')

static HsObject *
m_zfill (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *width_obj, *r;
  gsize len = SELF_LEN (args);
  gssize width;
  GString *out;

  if (!hs_parse_args (vm, "zfill", args + 1, nargs - 1, kwnames, "!width", &width_obj)
      || !hs_int_arg_ssize (vm, width_obj, &width))
    return NULL;
  if (width <= (gssize)len)
    return new_like (vm, args[0], SELF_DATA (args), len);
  if (!hs_format_check_size (vm, (gsize)width))
    return NULL;
  out = g_string_sized_new ((gsize)width);
  hs_text_zfill (out, SELF_DATA (args), len, len, (gsize)width);
  r = new_like (vm, args[0], out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

static HsObject *
m_isascii (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!no_args (vm, args, nargs, kwnames, "isascii"))
    return NULL;
  for (gsize i = 0; i < SELF_LEN (args); i++)
    if ((guchar)SELF_DATA (args)[i] >= 128)
      return hs_False;
  return hs_True;
}

/* removeprefix (0) / removesuffix (1) */
static HsObject *
remove_affix (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean suffix)
{
  HsObject *affix_obj;
  const char *a, *d = SELF_DATA (args);
  gsize n, len = SELF_LEN (args);

  if (!hs_parse_args (vm, suffix ? "removesuffix" : "removeprefix", args + 1, nargs - 1, kwnames,
                      "!affix", &affix_obj)
      || !hs_bytes_buffer (vm, affix_obj, &a, &n))
    return NULL;
  if (n > len || memcmp (d + (suffix ? len - n : 0), a, n) != 0)
    n = 0;
  return new_like (vm, args[0], d + (suffix ? 0 : n), len - n);
}

HS_CFUNCTION_VARIANT (m_removeprefix, remove_affix, FALSE)
HS_CFUNCTION_VARIANT (m_removesuffix, remove_affix, TRUE)

/* A part of the receiver for partition: the object itself when it is all of an exact bytes
 * (or of the separator, `o`), as CPython's */
static HsObject *
part (HsVM *vm, HsObject *self, HsObject *o, const char *d, gsize n)
{
  if (o != NULL && HS_IS (self, &hs_bytes_type) && HS_IS (o, &hs_bytes_type)
      && HS_BYTES (o)->len == n)
    return hs_incref (o);
  return new_like (vm, self, d, n);
}

static HsObject *
partition (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean reverse)
{
  HsObject *sep_obj, *parts[3], *t = NULL;
  const char *s, *d = SELF_DATA (args), *at;
  gsize n, len = SELF_LEN (args);

  if (!hs_parse_args (vm, reverse ? "rpartition" : "partition", args + 1, nargs - 1, kwnames,
                      "!sep", &sep_obj)
      || !hs_bytes_buffer (vm, sep_obj, &s, &n))
    return NULL;
  if (n == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "empty separator");
      return NULL;
    }
  at = reverse ? memrmem (d, len, s, n) : memmem (d, len, s, n);
  if (at == NULL) /* the whole at one end, empty parts elsewhere */
    {
      parts[reverse ? 2 : 0] = part (vm, args[0], args[0], d, len);
      parts[1] = new_like (vm, args[0], "", 0);
      parts[reverse ? 0 : 2] = new_like (vm, args[0], "", 0);
    }
  else
    {
      parts[0] = new_like (vm, args[0], d, (gsize)(at - d));
      parts[1] = part (vm, args[0], sep_obj, s, n);
      parts[2] = new_like (vm, args[0], at + n, len - (gsize)(at - d) - n);
    }
  if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL)
    t = hs_tuple_pack (vm, 3, parts[0], parts[1], parts[2]);
  for (int i = 0; i < 3; i++)
    hs_xdecref (vm, parts[i]);
  return t;
}

HS_CFUNCTION_VARIANT (m_partition, partition, FALSE)
HS_CFUNCTION_VARIANT (m_rpartition, partition, TRUE)

/* ---- translate ------------------------------------------------------------------------ */

/* bytes.maketrans(frm, to): the 256-byte table translate reads (a static method) */
static HsObject *
m_maketrans (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *frm, *to;
  const char *f, *t;
  gsize nf, nt;
  char table[256];

  if (!hs_parse_args (vm, "maketrans", args + 1, nargs - 1, kwnames, "frm to /", &frm, &to)
      || !hs_bytes_buffer (vm, frm, &f, &nf) || !hs_bytes_buffer (vm, to, &t, &nt))
    return NULL;
  if (nf != nt)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "maketrans arguments must have same length");
      return NULL;
    }
  for (int i = 0; i < 256; i++)
    table[i] = (char)i;
  for (gsize i = 0; i < nf; i++)
    table[(guchar)f[i]] = t[i];
  return hs_bytes_new (vm, table, 256);
}

static HsObject *
m_translate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *table_obj, *delete_obj = NULL, *r;
  const char *table = NULL, *del = "";
  gsize nt = 256, nd = 0;
  gboolean deleted[256] = { FALSE };
  GString *out;

  if (!hs_parse_args (vm, "translate", args + 1, nargs - 1, kwnames, "table / |delete", &table_obj,
                      &delete_obj)
      || (table_obj != hs_None && !hs_bytes_buffer (vm, table_obj, &table, &nt))
      || (delete_obj != NULL && !hs_bytes_buffer (vm, delete_obj, &del, &nd)))
    return NULL;
  if (nt != 256)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "translation table must be 256 characters long");
      return NULL;
    }
  for (gsize i = 0; i < nd; i++)
    deleted[(guchar)del[i]] = TRUE;
  out = g_string_sized_new (SELF_LEN (args));
  for (gsize i = 0; i < SELF_LEN (args); i++)
    {
      guchar c = (guchar)SELF_DATA (args)[i];
      if (!deleted[c])
        g_string_append_c (out, table != NULL ? table[c] : (char)c);
    }
  r = new_like (vm, args[0], out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

/* ---- lines and case (ASCII) ------------------------------------------------------------ */

static HsObject *
m_splitlines (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *keep = NULL, *list;
  const char *d = SELF_DATA (args);
  gsize len = SELF_LEN (args), line = 0;
  int keepends = 0;

  if (!hs_parse_args (vm, "splitlines", args + 1, nargs - 1, kwnames, "|keepends", &keep)
      || (keep != NULL && (keepends = hs_object_truth (vm, keep)) < 0)
      || (list = hs_list_new (vm, 0)) == NULL)
    return NULL;
  for (gsize i = 0; i < len;)
    {
      gsize br = d[i] == '\r' ? (i + 1 < len && d[i + 1] == '\n' ? 2 : 1) : d[i] == '\n';
      if (br == 0)
        {
          i++;
          continue;
        }
      if (append_part (vm, list, args[0], d + line, i - line + (keepends ? br : 0)) < 0)
        HS_CLEAR (vm, list);
      if (list == NULL)
        return NULL;
      i += br;
      line = i;
    }
  if (line < len && append_part (vm, list, args[0], d + line, len - line) < 0)
    HS_CLEAR (vm, list);
  return list;
}

typedef enum
{
  BYTES_SWAPCASE,
  BYTES_TITLE,
  BYTES_CAPITALIZE,
} BytesCase;

static HsObject *
change_case (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *name,
             BytesCase mode)
{
  HsObject *r;
  gboolean prev_cased = FALSE;

  if (!no_args (vm, args, nargs, kwnames, name)
      || (r = new_like (vm, args[0], SELF_DATA (args), SELF_LEN (args))) == NULL)
    return NULL;
  for (gsize i = 0; i < HS_BYTES (r)->len; i++)
    {
      char *c = &HS_BYTES (r)->data[i];
      gboolean upper = g_ascii_isupper (*c), lower = g_ascii_islower (*c);
      if (mode == BYTES_SWAPCASE)
        *c = upper ? g_ascii_tolower (*c) : g_ascii_toupper (*c);
      else if (mode == BYTES_CAPITALIZE)
        *c = i == 0 ? g_ascii_toupper (*c) : g_ascii_tolower (*c);
      else
        {
          *c = prev_cased ? g_ascii_tolower (*c) : g_ascii_toupper (*c);
          prev_cased = upper || lower;
        }
    }
  return r;
}

HS_CFUNCTION_VARIANT (m_swapcase, change_case, "swapcase", BYTES_SWAPCASE)
HS_CFUNCTION_VARIANT (m_title, change_case, "title", BYTES_TITLE)
HS_CFUNCTION_VARIANT (m_capitalize, change_case, "capitalize", BYTES_CAPITALIZE)

/* istitle: every uppercase letter follows an uncased byte, every lowercase one a cased one,
 * and there is at least one cased */
static HsObject *
m_istitle (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gboolean cased = FALSE, prev_cased = FALSE;

  if (!no_args (vm, args, nargs, kwnames, "istitle"))
    return NULL;
  for (gsize i = 0; i < SELF_LEN (args); i++)
    {
      char c = SELF_DATA (args)[i];
      if ((g_ascii_isupper (c) && prev_cased) || (g_ascii_islower (c) && !prev_cased))
        return hs_False;
      prev_cased = g_ascii_isupper (c) || g_ascii_islower (c);
      cased |= prev_cased;
    }
  return hs_bool_from (cased);
}

const HsMethodDef hs_bytes_common_methods[] = {
  { "decode", m_decode },
  { "capitalize", m_capitalize },
  { "center", m_center },
  { "expandtabs", hs_text_expandtabs_method },
  { "isascii", m_isascii },
  { "istitle", m_istitle },
  { "ljust", m_ljust },
  { "maketrans", m_maketrans, HS_METH_CLASS },
  { "partition", m_partition },
  { "removeprefix", m_removeprefix },
  { "removesuffix", m_removesuffix },
  { "rjust", m_rjust },
  { "rpartition", m_rpartition },
  { "rsplit", m_rsplit },
  { "splitlines", m_splitlines },
  { "swapcase", m_swapcase },
  { "title", m_title },
  { "translate", m_translate },
  { "zfill", m_zfill },
  { "hex", m_hex },
  { "fromhex", m_fromhex, HS_METH_CLASS },
  { "find", m_find },
  { "index", m_index },
  { "rfind", m_rfind },
  { "rindex", m_rindex },
  { "count", m_count },
  { "startswith", m_startswith },
  { "endswith", m_endswith },
  { "strip", m_strip },
  { "lstrip", m_lstrip },
  { "rstrip", m_rstrip },
  { "split", m_split },
  { "join", m_join },
  { "replace", m_replace },
  { "upper", m_upper },
  { "lower", m_lower },
  { "isdigit", m_isdigit },
  { "isalpha", m_isalpha },
  { "isalnum", m_isalnum },
  { "isspace", m_isspace },
  { "islower", m_islower },
  { "isupper", m_isupper },
  { NULL, NULL },
};

/* bytes.__bytes__(): the value as plain bytes (the same object for bytes) */
static HsObject *
m_dunder_bytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__bytes__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (HS_IS (args[0], &hs_bytes_type))
    return hs_incref (args[0]);
  return hs_bytes_new (vm, SELF_DATA (args), SELF_LEN (args));
}

/* bytes.__getnewargs__(): (a copy of its bytes,) */
static HsObject *
m_getnewargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *copy, *r;
  if (!hs_parse_args (vm, "__getnewargs__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if ((copy = hs_bytes_new (vm, SELF_DATA (args), SELF_LEN (args))) == NULL)
    return NULL;
  r = hs_tuple_pack (vm, 1, copy);
  hs_decref (vm, copy);
  return r;
}

/* The methods of bytes that bytearray lacks (installed by hs_bytearray_ready). */
const HsMethodDef hs_bytes_own_methods[] = {
  { "__bytes__", m_dunder_bytes },
  { "__getnewargs__", m_getnewargs },
  { NULL, NULL },
};

HsType hs_bytes_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "bytes",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsBytes),
  .dealloc = hs_bytes_dealloc,
  .repr = hs_bytes_repr,
  .str = hs_bytes_repr,
  .hash = bytes_hash,
  .richcompare = hs_bytes_richcompare,
  .binop = hs_bytes_binop,
  .truth = hs_bytes_truth,
  .len = hs_bytes_len,
  .getitem = hs_bytes_getitem,
  .contains = hs_bytes_contains,
  .iter = hs_bytes_iter,
  .construct = bytes_construct,
  .methods = hs_bytes_common_methods,
};
