/* hs-bytearray.c — bytearray: a mutable sequence of bytes (CPython's bytearrayobject.c).
 *
 * Invariant: the layout and read-only operations are bytes' (hs-bytes.c); what is here
 * changes the buffer, and every change marks the object dirty so that the trace records
 * its new value.
 */
#include "config.h"

#include <string.h>

#include "hs-bytes.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-str.h"

HsObject *
hs_bytearray_new (HsVM *vm, const char *data, gsize len)
{
  return hs_bytes_new_of (vm, &hs_bytearray_type, data, len);
}

/* Replaces [lo, hi) by n bytes of src, which may be the object's own data: appended to
 * itself it is read in place after the buffer grows, otherwise copied first into a block
 * counted against the heap cap. */
static int
splice (HsVM *vm, HsObject *self, gsize lo, gsize hi, const char *src, gsize n)
{
  HsBytes *b = HS_BYTES (self);
  gsize len = b->len, tail = len - hi;
  gboolean own = n > 0 && src >= b->data && src < b->data + b->cap;
  gsize offset = own ? (gsize)(src - b->data) : 0;
  char *copy = NULL;

  if (n != hi - lo && b->exports > 0)
    {
      hs_err_set_string (vm, &hs_exc_BufferError,
                         "Existing exports of data: object cannot be re-sized");
      return -1;
    }
  if (own && !(lo == len && hi == len))
    {
      if ((copy = hs_mem_realloc (vm, NULL, 0, n)) == NULL)
        return -1;
      memcpy (copy, src, n);
      src = copy;
      own = FALSE;
    }
  if (n > hi - lo && hs_bytes_resize (vm, self, len + n - (hi - lo)) < 0)
    {
      if (copy != NULL)
        hs_mem_realloc (vm, copy, n, 0);
      return -1;
    }
  memmove (b->data + lo + n, b->data + hi, tail);
  if (n > 0)
    memcpy (b->data + lo, own ? b->data + offset : src, n);
  if (copy != NULL)
    hs_mem_realloc (vm, copy, n, 0);
  if (n < hi - lo && hs_bytes_resize (vm, self, len + n - (hi - lo)) < 0)
    return -1;
  hs_object_mark_dirty (vm, self);
  return 0;
}

static gboolean
byte_of (HsVM *vm, HsObject *o, char *out)
{
  return hs_bytes_byte_of (vm, o, "byte must be in range(0, 256)", out);
}

static int
set_slice (HsVM *vm, HsObject *self, HsObject *slice, HsObject *value)
{
  gssize start, stop, step, n;
  HsBytesArg src = { "", 0, NULL, NULL, 0 };
  int r = -1;

  if (hs_slice_indices (vm, slice, HS_BYTES (self)->len, &start, &stop, &step, &n) < 0)
    return -1;
  if (value != NULL)
    {
      if (hs_object_has_index (value) || hs_str_check (value))
        {
          hs_err_format (vm, &hs_exc_TypeError,
                         "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
          return -1;
        }
      if (!hs_bytes_from_args (vm, "bytearray", value, NULL, NULL, &src))
        return -1;
    }
  if (step == 1)
    r = splice (vm, self, start, MAX (stop, start), src.data, src.len);
  else if (value == NULL)
    {
      /* del b[::k]: the others move down in place, in order */
      HsBytes *b = HS_BYTES (self);
      gsize kept = 0;
      for (gsize i = 0; i < b->len; i++)
        {
          gboolean gone
              = step > 0
                    ? (gssize)i >= start && (gssize)i < stop && (i - start) % step == 0
                    : (gssize)i <= start && (gssize)i > stop && (start - (gssize)i) % (-step) == 0;
          if (!gone)
            b->data[kept++] = b->data[i];
        }
      r = splice (vm, self, kept, b->len, "", 0);
    }
  else if ((gssize)src.len != n)
    hs_err_format (vm, &hs_exc_ValueError,
                   "attempt to assign bytes of size %" G_GSIZE_FORMAT
                   " to extended slice of size %" G_GSSIZE_FORMAT,
                   src.len, n);
  else
    {
      /* through a counted copy when src is self (b[::-1] = b) */
      char *copy = NULL;
      if (src.ref == self && n > 0 && (copy = hs_mem_realloc (vm, NULL, 0, n)) != NULL)
        memcpy (copy, src.data, n);
      if (copy != NULL || src.ref != self || n == 0)
        {
          for (gssize k = 0; k < n; k++)
            HS_BYTES (self)->data[start + k * step] = (copy != NULL ? copy : src.data)[k];
          hs_object_mark_dirty (vm, self);
          r = 0;
        }
      if (copy != NULL)
        hs_mem_realloc (vm, copy, n, 0);
    }
  hs_bytes_arg_clear (vm, &src);
  return r;
}

static int
bytearray_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  gssize i;
  char byte;

  if (HS_IS (key, &hs_slice_type))
    return set_slice (vm, self, key, value);
  if (!hs_object_has_index (key))
    {
      hs_err_format (vm, &hs_exc_TypeError, "bytearray indices must be integers or slices, not %s",
                     hs_type_name (key));
      return -1;
    }
  if (!hs_sequence_index (vm, key, "index", &i))
    return -1;
  if (hs_index_normalize (&i, HS_BYTES (self)->len) < 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "bytearray index out of range");
      return -1;
    }
  if (value == NULL)
    return splice (vm, self, i, i + 1, "", 0);
  if (!byte_of (vm, value, &byte))
    return -1;
  HS_BYTES (self)->data[i] = byte;
  hs_object_mark_dirty (vm, self);
  return 0;
}

static int
extend (HsVM *vm, HsObject *self, HsObject *iterable)
{
  HsBytesArg src;
  int r;

  if (hs_str_check (iterable) && hs_str_byte_len (iterable) > 0)
    {
      /* CPython iterates it and fails at the first character */
      hs_err_set_string (vm, &hs_exc_TypeError, "'str' object cannot be interpreted as an integer");
      return -1;
    }
  if (hs_str_check (iterable))
    return 0;
  if (hs_object_has_index (iterable))
    {
      hs_err_format (vm, &hs_exc_TypeError, "can't extend bytearray with %s",
                     hs_type_name (iterable));
      return -1;
    }
  if (!hs_bytes_from_args (vm, "bytearray", iterable, NULL, NULL, &src))
    return -1;
  r = splice (vm, self, HS_BYTES (self)->len, HS_BYTES (self)->len, src.data, src.len);
  hs_bytes_arg_clear (vm, &src);
  return r;
}

static HsObject *
bytearray_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && b == a && HS_BYTES (a)->len > 0)
    {
      /* CPython holds b's buffer while it resizes a: the same object cannot grow */
      hs_err_set_string (vm, &hs_exc_BufferError,
                         "Existing exports of data: object cannot be re-sized");
      return NULL;
    }
  if (op == HS_BIN_ADD && hs_bytes_like_check (b))
    return splice (vm, a, HS_BYTES (a)->len, HS_BYTES (a)->len, HS_BYTES (b)->data,
                   HS_BYTES (b)->len)
                   < 0
               ? NULL
               : hs_incref (a);
  if (op == HS_BIN_ADD)
    {
      hs_err_format (vm, &hs_exc_TypeError, "can't concat %s to %s", hs_type_name (b),
                     hs_type_name (a));
      return NULL;
    }
  return hs_incref (hs_NotImplemented);
}

static HsObject *
bytearray_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *source = NULL, *encoding = NULL, *errors = NULL;
  HsBytesArg buf;

  if (!hs_parse_args (vm, "bytearray", args, nargs, kwnames, "|source encoding errors", &source,
                      &encoding, &errors))
    return NULL;
  if (!hs_bytes_from_args (vm, "bytearray", source, encoding, errors, &buf))
    return NULL;
  return hs_bytes_new_from_arg (vm, type, &buf);
}

/* ---- methods ---------------------------------------------------------------------- */

static HsObject *
m_append (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *item = NULL;
  char byte;

  if (!hs_parse_args (vm, "append", args + 1, nargs - 1, kwnames, "!item", &item))
    return NULL;
  if (!byte_of (vm, item, &byte))
    return NULL;
  return splice (vm, args[0], HS_BYTES (args[0])->len, HS_BYTES (args[0])->len, &byte, 1) < 0
             ? NULL
             : hs_None;
}

static HsObject *
m_extend (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *items = NULL;

  if (!hs_parse_args (vm, "extend", args + 1, nargs - 1, kwnames, "!iterable_of_ints", &items))
    return NULL;
  return extend (vm, args[0], items) < 0 ? NULL : hs_None;
}

static HsObject *
m_insert (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *index = NULL, *item = NULL;
  gssize i, len = HS_BYTES (args[0])->len;
  char byte;

  if (!hs_parse_args (vm, "insert", args + 1, nargs - 1, kwnames, "index item /", &index, &item))
    return NULL;
  if (!hs_int_arg_ssize (vm, index, &i) || !byte_of (vm, item, &byte))
    return NULL;
  i = i < 0 ? MAX (i + len, 0) : MIN (i, len);
  return splice (vm, args[0], i, i, &byte, 1) < 0 ? NULL : hs_None;
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *index = NULL;
  gssize i = -1;
  int v;

  if (!hs_parse_args (vm, "pop", args + 1, nargs - 1, kwnames, "|index /", &index))
    return NULL;
  if (index != NULL && !hs_int_arg_ssize (vm, index, &i))
    return NULL;
  if (HS_BYTES (args[0])->len == 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "pop from empty bytearray");
      return NULL;
    }
  if (hs_index_normalize (&i, HS_BYTES (args[0])->len) < 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "pop index out of range");
      return NULL;
    }
  v = (guchar)HS_BYTES (args[0])->data[i];
  if (splice (vm, args[0], i, i + 1, "", 0) < 0)
    return NULL;
  return hs_int_from_i64 (vm, v);
}

static HsObject *
m_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *value = NULL;
  const char *p;
  char byte;

  if (!hs_parse_args (vm, "remove", args + 1, nargs - 1, kwnames, "!value", &value))
    return NULL;
  if (!byte_of (vm, value, &byte))
    return NULL;
  p = memchr (HS_BYTES (args[0])->data, byte, HS_BYTES (args[0])->len);
  if (p == NULL)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "value not found in bytearray");
      return NULL;
    }
  return splice (vm, args[0], p - HS_BYTES (args[0])->data, p - HS_BYTES (args[0])->data + 1, "", 0)
                 < 0
             ? NULL
             : hs_None;
}

static HsObject *
m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return splice (vm, args[0], 0, HS_BYTES (args[0])->len, "", 0) < 0 ? NULL : hs_None;
}

static HsObject *
m_reverse (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  char *d = HS_BYTES (args[0])->data;
  gsize n = HS_BYTES (args[0])->len;

  if (!hs_parse_args (vm, "reverse", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  for (gsize i = 0; i < n / 2; i++)
    {
      char t = d[i];
      d[i] = d[n - 1 - i];
      d[n - 1 - i] = t;
    }
  hs_object_mark_dirty (vm, args[0]);
  return hs_None;
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_bytearray_new (vm, HS_BYTES (args[0])->data, HS_BYTES (args[0])->len);
}

/* bytearray.__alloc__(): refused, as Heapscope's buffers do not grow as CPython's */
static HsObject *
m_alloc (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__alloc__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  hs_err_set_string (vm, &hs_exc_NotImplementedError,
                     "bytearray.__alloc__() is not supported by Heapscope yet");
  return NULL;
}

static const HsMethodDef bytearray_methods[] = {
  { "append", m_append },   { "extend", m_extend }, { "insert", m_insert },   { "pop", m_pop },
  { "remove", m_remove },   { "clear", m_clear },   { "reverse", m_reverse }, { "copy", m_copy },
  { "__alloc__", m_alloc }, { NULL, NULL },
};

/* Installs bytes' read-only methods beside bytearray's own (hs_type_ready installs one
 * table, skipping names already there). */
void
hs_bytearray_ready (void)
{
  HsType *t = &hs_bytearray_type;

  t->methods = hs_bytes_common_methods;
  hs_type_ready (t);
  t->methods = bytearray_methods;
  hs_type_ready (t);
  hs_bytes_type.methods = hs_bytes_own_methods;
  hs_type_ready (&hs_bytes_type);
  hs_bytes_type.methods = hs_bytes_common_methods;
}

HsType hs_bytearray_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "bytearray",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsBytes),
  .dealloc = hs_bytes_dealloc,
  .repr = hs_bytes_repr,
  .str = hs_bytes_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = hs_bytes_richcompare,
  .binop = hs_bytes_binop,
  .inplace = bytearray_inplace,
  .truth = hs_bytes_truth,
  .len = hs_bytes_len,
  .getitem = hs_bytes_getitem,
  .setitem = bytearray_setitem,
  .contains = hs_bytes_contains,
  .iter = hs_bytes_iter,
  .construct = bytearray_construct,
  .methods = bytearray_methods,
};
