/* hs-mod-array.c — the `array` module: arrays of C numbers or characters of one typecode
 * (CPython's Modules/arraymodule.c).
 *
 * Invariant: an array holds its items as C values (`len` items of `itemsize` bytes in a side
 * buffer counted against the heap cap), not as references: it is drawn as its repr, like a
 * bytearray, and marks itself dirty whenever it changes. A value is converted as CPython's
 * setitem functions convert it, with their TypeErrors and OverflowErrors (those of
 * PyArg_Parse's formats first: a 'b' item is read as a C short, an 'H' one as a C int).
 * The buffer it exports is read by bytes(), hashlib, struct...; memoryview of an array is
 * refused (its views here are of bytes), as are buffer_info and the file methods.
 */
#include "config.h"

#include <gmp.h>
#include <string.h>

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-range.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  char typecode;
  gsize itemsize, len, cap; /* cap: bytes of data */
  char *data;
} HsArray;

#define ARR(o) ((HsArray *)(o))

static HsType array_type;

static const char typecodes[] = "bBuhHiIlLqQfd";

static gsize
size_of (char tc)
{
  switch (tc)
    {
      case 'b':
      case 'B':
        return 1;
      case 'h':
      case 'H':
        return 2;
      case 'u':
      case 'i':
      case 'I':
      case 'f':
        return 4;
      default:
        return 8;
    }
}

static gboolean
array_check (const HsObject *o)
{
  return o->type == &array_type;
}

/* Room for n items; -1 with MemoryError */
static int
array_resize (HsVM *vm, HsArray *a, gsize n)
{
  gsize need = n * a->itemsize;
  if (need > a->cap || need < a->cap / 4)
    {
      gsize cap = need > a->cap ? MAX (need, a->cap + a->cap / 2) : need;
      char *data = hs_mem_realloc (vm, a->data, a->cap, cap);
      if (data == NULL && cap > 0)
        return -1;
      a->data = data;
      a->cap = cap;
    }
  a->len = n;
  return 0;
}

static HsObject *
array_new (HsVM *vm, char tc, gsize n)
{
  HsArray *a = (HsArray *)hs_object_alloc (vm, &array_type, sizeof (HsArray));
  if (a == NULL)
    return NULL;
  a->typecode = tc;
  a->itemsize = size_of (tc);
  if (array_resize (vm, a, n) < 0)
    {
      hs_decref (vm, &a->header);
      return NULL;
    }
  return &a->header;
}

static void
array_dealloc (HsVM *vm, HsObject *self)
{
  hs_mem_realloc (vm, ARR (self)->data, ARR (self)->cap, 0);
  ARR (self)->data = NULL;
}

/* ---- items ------------------------------------------------------------------------------ */

static HsObject *
get_item (HsVM *vm, HsArray *a, gsize i)
{
  const char *p = a->data + i * a->itemsize;
  union
  {
    gint8 b;
    guint8 B;
    gint16 h;
    guint16 H;
    gint32 i;
    guint32 I;
    gint64 q;
    guint64 Q;
    float f;
    double d;
  } v;
  char utf8[6];

  memcpy (&v, p, a->itemsize);
  switch (a->typecode)
    {
      case 'b':
        return hs_int_from_i64 (vm, v.b);
      case 'B':
        return hs_int_from_i64 (vm, v.B);
      case 'h':
        return hs_int_from_i64 (vm, v.h);
      case 'H':
        return hs_int_from_i64 (vm, v.H);
      case 'i':
        return hs_int_from_i64 (vm, v.i);
      case 'I':
        return hs_int_from_i64 (vm, v.I);
      case 'l':
      case 'q':
        return hs_int_from_i64 (vm, v.q);
      case 'L':
      case 'Q':
        return hs_int_from_u64 (vm, v.Q);
      case 'f':
        return hs_float_new (vm, v.f);
      case 'd':
        return hs_float_new (vm, v.d);
      default:
        return hs_str_new (vm, utf8, (gsize)g_unichar_to_utf8 (v.I, utf8));
    }
}

static gboolean
overflow (HsVM *vm, const char *message)
{
  hs_err_set_string (vm, &hs_exc_OverflowError, message);
  return FALSE;
}

/* A signed value within [lo, hi], with PyArg_Parse's messages for `what` */
static gboolean
in_range (HsVM *vm, gint64 v, gint64 lo, gint64 hi, const char *what)
{
  g_autofree char *m = NULL;
  if (v >= lo && v <= hi)
    return TRUE;
  m = g_strdup_printf ("%s is %s", what, v < lo ? "less than minimum" : "greater than maximum");
  return overflow (vm, m);
}

/* An integer item as CPython's b/B/h/H/i/I/l/L/q/Q setitem reads it, into *out */
static gboolean
int_item (HsVM *vm, char tc, HsObject *v, guint64 *out)
{
  HsObject *i;
  gint64 s = 0;
  gboolean fits, ok = TRUE;
  int sign;

  if (!hs_object_has_index (v))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (v));
      return FALSE;
    }
  if ((i = hs_number_index (vm, v)) == NULL)
    return FALSE;
  fits = hs_int_as_i64 (i, &s);
  sign = hs_int_sign (i);
  if (strchr ("ILQ", tc) != NULL)
    {
      gboolean small = sign >= 0 && hs_int_num_bits (i) <= 64;
      if (small && !fits)
        {
          mpz_t z;
          mpz_init (z);
          hs_int_get_mpz (i, z);
          s = (gint64)mpz_get_ui (z);
          mpz_clear (z);
        }
      if (sign < 0)
        ok = overflow (vm, tc == 'Q' ? "can't convert negative int to unsigned"
                                     : "can't convert negative value to unsigned int");
      else if (!small)
        ok = overflow (vm, tc == 'Q' ? "int too big to convert"
                                     : "Python int too large to convert to C unsigned long");
      else if (tc == 'I' && (guint64)s > G_MAXUINT32)
        ok = overflow (vm, "unsigned int is greater than maximum");
    }
  else if (!fits)
    ok = overflow (vm, tc == 'q' ? "int too big to convert"
                                 : "Python int too large to convert to C long");
  else if (tc == 'b')
    ok = in_range (vm, s, G_MINSHORT, G_MAXSHORT, "signed short integer")
         && in_range (vm, s, -128, 127, "signed char");
  else if (tc == 'B')
    ok = in_range (vm, s, 0, 255, "unsigned byte integer");
  else if (tc == 'h')
    ok = in_range (vm, s, G_MINSHORT, G_MAXSHORT, "signed short integer");
  else if (tc == 'H')
    ok = in_range (vm, s, G_MININT32, G_MAXINT32, "signed integer")
         && in_range (vm, s, 0, 65535, "unsigned short");
  else if (tc == 'i')
    ok = in_range (vm, s, G_MININT32, G_MAXINT32, "signed integer");
  hs_decref (vm, i);
  *out = (guint64)s;
  return ok;
}

static gboolean
float_item (HsVM *vm, HsObject *v, double *out)
{
  HsObject *f;
  int rc;

  if (HS_ISINSTANCE (v, &hs_float_type) || HS_ISINSTANCE (v, &hs_int_type))
    return hs_number_as_double (vm, v, out) == 0;
  if (hs_str_check (v) || hs_bytes_has_buffer (v)
      || (hs_type_lookup_borrow (v->type, hs_str_intern_cstr ("__float__")) == NULL
          && !hs_object_has_index (v)))
    {
      hs_err_format (vm, &hs_exc_TypeError, "must be real number, not %s", hs_type_name (v));
      return FALSE;
    }
  if ((f = hs_object_call (vm, (HsObject *)&hs_float_type, &v, 1, NULL)) == NULL)
    return FALSE;
  rc = hs_number_as_double (vm, f, out);
  hs_decref (vm, f);
  return rc == 0;
}

/* Converts v into the C value of a's typecode, at dst */
static gboolean
set_value (HsVM *vm, char tc, HsObject *v, char *dst)
{
  guint64 u;
  double d;
  float f;
  guint32 c;

  if (tc == 'u')
    {
      if (!hs_str_check (v) || hs_str_char_len (v) != 1)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "array item must be unicode character");
          return FALSE;
        }
      c = g_utf8_get_char (hs_str_utf8 (v));
      memcpy (dst, &c, 4);
      return TRUE;
    }
  if (tc == 'f' || tc == 'd')
    {
      if (!float_item (vm, v, &d))
        return FALSE;
      if (tc == 'f')
        f = (float)d, memcpy (dst, &f, 4);
      else
        memcpy (dst, &d, 8);
      return TRUE;
    }
  if (!int_item (vm, tc, v, &u))
    return FALSE;
  switch (size_of (tc))
    {
      case 1:
        *(guint8 *)dst = (guint8)u;
        break;
      case 2:
        {
          guint16 x = (guint16)u;
          memcpy (dst, &x, 2);
          break;
        }
      case 4:
        {
          guint32 x = (guint32)u;
          memcpy (dst, &x, 4);
          break;
        }
      default:
        memcpy (dst, &u, 8);
    }
  return TRUE;
}

static int
append (HsVM *vm, HsArray *a, HsObject *v)
{
  char tmp[8];
  if (!set_value (vm, a->typecode, v, tmp) || array_resize (vm, a, a->len + 1) < 0)
    return -1;
  memcpy (a->data + (a->len - 1) * a->itemsize, tmp, a->itemsize);
  return 0;
}

/* Appends n bytes of raw items */
static int
append_bytes (HsVM *vm, HsArray *a, const char *d, gsize n)
{
  gsize old = a->len;
  if (n % a->itemsize != 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "bytes length not a multiple of item size");
      return -1;
    }
  if (array_resize (vm, a, old + n / a->itemsize) < 0)
    return -1;
  memmove (a->data + old * a->itemsize, d, n);
  return 0;
}

static int
extend_iterable (HsVM *vm, HsArray *a, HsObject *iterable)
{
  HsObject *it = hs_object_iter (vm, iterable), *v;
  int rc = 0;

  if (it == NULL)
    return -1;
  while (rc == 0 && (v = hs_iter_next (vm, it)) != NULL)
    {
      rc = append (vm, a, v);
      hs_decref (vm, v);
    }
  hs_decref (vm, it);
  return rc < 0 || hs_err_occurred (vm) ? -1 : 0;
}

static int
append_unicode (HsVM *vm, HsArray *a, HsObject *s)
{
  gsize old = a->len, n = hs_str_char_len (s);
  const char *p = hs_str_utf8 (s);
  if (array_resize (vm, a, old + n) < 0)
    return -1;
  for (gsize i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      guint32 c = g_utf8_get_char (p);
      memcpy (a->data + (old + i) * 4, &c, 4);
    }
  return 0;
}

static gboolean
buffer_of (HsVM *vm, HsObject *o, const char **data, gsize *len)
{
  *data = ARR (o)->data != NULL ? ARR (o)->data : "";
  *len = ARR (o)->len * ARR (o)->itemsize;
  return TRUE;
}

/* ---- the type ---------------------------------------------------------------------------- */

static HsObject *
array_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tc_obj = NULL, *init = NULL, *r;
  char tc;
  int rc = 0;

  if (!hs_parse_no_kwargs (vm, "array.array", kwnames))
    return NULL;
  if (nargs == 0 || nargs > 2)
    {
      hs_err_format (
          vm, &hs_exc_TypeError, "array() takes at %s %d argument%s (%" G_GSIZE_FORMAT " given)",
          nargs == 0 ? "least" : "most", nargs == 0 ? 1 : 2, nargs == 0 ? "" : "s", nargs);
      return NULL;
    }
  tc_obj = args[0];
  init = nargs > 1 ? args[1] : NULL;
  if (!hs_str_check (tc_obj) || hs_str_char_len (tc_obj) != 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "array() argument 1 must be a unicode character, not %s",
                     hs_type_name (tc_obj));
      return NULL;
    }
  tc = hs_str_utf8 (tc_obj)[0];
  if (hs_str_byte_len (tc_obj) != 1 || strchr (typecodes, tc) == NULL)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
      return NULL;
    }
  if (init != NULL && hs_str_check (init) && tc != 'u')
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "cannot use a str to initialize an array with typecode '%c'", tc);
      return NULL;
    }
  if (init != NULL && array_check (init) && ARR (init)->typecode == 'u' && tc != 'u')
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "cannot use a unicode array to initialize an array with typecode '%c'", tc);
      return NULL;
    }
  if ((r = array_new (vm, tc, 0)) == NULL)
    return NULL;
  if (init == NULL)
    ;
  else if (hs_str_check (init))
    rc = append_unicode (vm, ARR (r), init);
  else if (hs_bytes_like_check (init))
    rc = append_bytes (vm, ARR (r), HS_BYTES (init)->data, HS_BYTES (init)->len);
  else
    rc = extend_iterable (vm, ARR (r), init);
  if (rc < 0)
    HS_CLEAR (vm, r);
  return r;
}

/* The str of a 'u' array's characters */
static HsObject *
to_unicode (HsVM *vm, HsArray *a)
{
  GString *out = g_string_sized_new (a->len);
  HsObject *r;
  for (gsize i = 0; i < a->len; i++)
    {
      guint32 c;
      memcpy (&c, a->data + i * 4, 4);
      g_string_append_unichar (out, c);
    }
  r = hs_str_new (vm, out->str, out->len);
  g_string_free (out, TRUE);
  return r;
}

static HsObject *
array_repr (HsVM *vm, HsObject *self)
{
  HsArray *a = ARR (self);
  GString *out = g_string_new (NULL);
  HsObject *r = NULL;

  g_string_append_printf (out, "array('%c'", a->typecode);
  if (a->len > 0 && a->typecode == 'u')
    {
      HsObject *s = to_unicode (vm, a);
      r = s != NULL ? hs_object_repr (vm, s) : NULL;
      hs_xdecref (vm, s);
      if (r == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_printf (out, ", %s", hs_str_utf8 (r));
      HS_CLEAR (vm, r);
    }
  else if (a->len > 0)
    {
      g_string_append (out, ", [");
      for (gsize i = 0; i < a->len; i++)
        {
          HsObject *v = get_item (vm, a, i), *t = v != NULL ? hs_object_repr (vm, v) : NULL;
          hs_xdecref (vm, v);
          if (t == NULL)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", hs_str_utf8 (t));
          hs_decref (vm, t);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

static gssize
array_len (HsVM *vm, HsObject *self)
{
  return (gssize)ARR (self)->len;
}

static HsObject *
array_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsArray *a = ARR (self);
  gssize i, start, stop, step, n;
  HsObject *r;

  if (hs_object_has_index (key))
    {
      if (!hs_int_arg_ssize (vm, key, &i))
        return NULL;
      if (i < 0)
        i += (gssize)a->len;
      if (i < 0 || i >= (gssize)a->len)
        {
          hs_err_set_string (vm, &hs_exc_IndexError, "array index out of range");
          return NULL;
        }
      return get_item (vm, a, (gsize)i);
    }
  if (!HS_IS (key, &hs_slice_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "array indices must be integers");
      return NULL;
    }
  if (hs_slice_indices (vm, key, (gssize)a->len, &start, &stop, &step, &n) < 0
      || (r = array_new (vm, a->typecode, (gsize)n)) == NULL)
    return NULL;
  for (gssize k = 0; k < n; k++)
    memcpy (ARR (r)->data + k * a->itemsize, a->data + (start + k * step) * a->itemsize,
            a->itemsize);
  return r;
}

/* Removes the items of [lo, hi) and puts n items of src there */
static int
splice (HsVM *vm, HsArray *a, gsize lo, gsize hi, const char *src, gsize n)
{
  gsize size = a->itemsize, tail = a->len - hi, len = a->len;
  char *copy = NULL;

  if (n > 0 && (copy = hs_mem_realloc (vm, NULL, 0, n * size)) == NULL)
    return -1;
  if (n > 0)
    memcpy (copy, src, n * size);
  if (n > hi - lo && array_resize (vm, a, len + n - (hi - lo)) < 0)
    {
      hs_mem_realloc (vm, copy, n * size, 0);
      return -1;
    }
  memmove (a->data + (lo + n) * size, a->data + hi * size, tail * size);
  if (n > 0)
    memcpy (a->data + lo * size, copy, n * size);
  if (copy != NULL)
    hs_mem_realloc (vm, copy, n * size, 0);
  if (n < hi - lo)
    array_resize (vm, a, len + n - (hi - lo));
  return 0;
}

static int
array_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsArray *a = ARR (self);
  gssize i, start, stop, step, n;
  int rc = 0;

  if (hs_object_has_index (key))
    {
      if (!hs_int_arg_ssize (vm, key, &i))
        return -1;
      if (i < 0)
        i += (gssize)a->len;
      if (i < 0 || i >= (gssize)a->len)
        {
          hs_err_set_string (vm, &hs_exc_IndexError,
                             value != NULL ? "array assignment index out of range"
                                           : "array assignment index out of range");
          return -1;
        }
      if (value == NULL)
        rc = splice (vm, a, (gsize)i, (gsize)i + 1, NULL, 0);
      else if (!set_value (vm, a->typecode, value, a->data + (gsize)i * a->itemsize))
        return -1;
    }
  else if (!HS_IS (key, &hs_slice_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "array indices must be integers");
      return -1;
    }
  else
    {
      if (value != NULL && !array_check (value))
        {
          hs_err_format (vm, &hs_exc_TypeError, "can only assign array (not \"%s\") to array slice",
                         hs_type_name (value));
          return -1;
        }
      if (value != NULL && ARR (value)->typecode != a->typecode)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "bad argument type for built-in operation");
          return -1;
        }
      if (hs_slice_indices (vm, key, (gssize)a->len, &start, &stop, &step, &n) < 0)
        return -1;
      if (step == 1)
        rc = splice (vm, a, (gsize)start, (gsize)MAX (start, stop),
                     value != NULL ? ARR (value)->data : NULL,
                     value != NULL ? ARR (value)->len : 0);
      else if (value == NULL)
        {
          /* deleting an extended slice: keep the others, in order */
          gsize w = 0;
          for (gsize r = 0; r < a->len; r++)
            {
              gboolean gone = step > 0 ? ((gssize)r >= start && (gssize)r < stop
                                          && ((gssize)r - start) % step == 0)
                                       : ((gssize)r <= start && (gssize)r > stop
                                          && (start - (gssize)r) % (-step) == 0);
              if (!gone)
                memmove (a->data + w++ * a->itemsize, a->data + r * a->itemsize, a->itemsize);
            }
          array_resize (vm, a, w);
        }
      else if ((gssize)ARR (value)->len != n)
        {
          hs_err_format (vm, &hs_exc_ValueError,
                         "attempt to assign array of size %" G_GSIZE_FORMAT
                         " to extended slice of size %" G_GSSIZE_FORMAT,
                         ARR (value)->len, n);
          return -1;
        }
      else
        for (gssize k = 0; k < n; k++)
          memmove (a->data + (start + k * step) * a->itemsize, ARR (value)->data + k * a->itemsize,
                   a->itemsize);
    }
  if (rc == 0)
    hs_object_mark_dirty (vm, self);
  return rc;
}

/* The index of the first item equal to v in [lo, hi), -1 if none, -2 on error */
static gssize
find (HsVM *vm, HsArray *a, HsObject *v, gsize lo, gsize hi)
{
  for (gsize i = lo; i < MIN (hi, a->len); i++)
    {
      HsObject *x = get_item (vm, a, i);
      int eq = x != NULL ? hs_object_richcompare_bool (vm, x, v, HS_CMP_EQ) : -1;
      hs_xdecref (vm, x);
      if (eq != 0)
        return eq < 0 ? -2 : (gssize)i;
    }
  return -1;
}

static int
array_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  gssize i = find (vm, ARR (self), item, 0, ARR (self)->len);
  return i == -2 ? -1 : i >= 0;
}

static HsObject *
array_iter (HsVM *vm, HsObject *self)
{
  return hs_seq_iter_new (vm, self);
}

static HsObject *
concat (HsVM *vm, HsArray *a, HsArray *b)
{
  HsObject *r = array_new (vm, a->typecode, a->len + b->len);
  if (r == NULL)
    return NULL;
  if (a->len > 0)
    memcpy (ARR (r)->data, a->data, a->len * a->itemsize);
  if (b->len > 0)
    memcpy (ARR (r)->data + a->len * a->itemsize, b->data, b->len * b->itemsize);
  return r;
}

static HsObject *
repeat (HsVM *vm, HsArray *a, HsObject *count)
{
  gssize n;
  HsObject *r;
  if (!hs_int_arg_ssize (vm, count, &n))
    return NULL;
  n = MAX (n, 0);
  if (a->len > 0 && (gsize)n > G_MAXSIZE / a->itemsize / a->len)
    {
      hs_err_set_string (vm, &hs_exc_MemoryError, "");
      return NULL;
    }
  if ((r = array_new (vm, a->typecode, a->len * (gsize)n)) == NULL)
    return NULL;
  for (gssize k = 0; k < n; k++)
    memcpy (ARR (r)->data + (gsize)k * a->len * a->itemsize, a->data, a->len * a->itemsize);
  return r;
}

static HsObject *
array_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && array_check (a))
    {
      if (!array_check (b))
        {
          hs_err_format (vm, &hs_exc_TypeError, "can only append array (not \"%s\") to array",
                         hs_type_name (b));
          return NULL;
        }
      if (ARR (a)->typecode != ARR (b)->typecode)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "bad argument type for built-in operation");
          return NULL;
        }
      return concat (vm, ARR (a), ARR (b));
    }
  if (op == HS_BIN_MUL && array_check (a) && hs_object_has_index (b))
    return repeat (vm, ARR (a), b);
  if (op == HS_BIN_MUL && array_check (b) && hs_object_has_index (a))
    return repeat (vm, ARR (b), a);
  return hs_incref (hs_NotImplemented);
}

static int
extend (HsVM *vm, HsArray *a, HsObject *b)
{
  if (!array_check (b))
    return extend_iterable (vm, a, b);
  if (ARR (b)->typecode != a->typecode)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "can only extend with array of same kind");
      return -1;
    }
  return splice (vm, a, a->len, a->len, ARR (b)->data, ARR (b)->len);
}

static HsObject *
array_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  int rc;
  if (op == HS_BIN_ADD)
    {
      if (!array_check (b))
        {
          hs_err_format (vm, &hs_exc_TypeError, "can only extend array with array (not \"%s\")",
                         hs_type_name (b));
          return NULL;
        }
      rc = extend (vm, ARR (a), b);
    }
  else if (op == HS_BIN_MUL && hs_object_has_index (b))
    {
      HsObject *r = repeat (vm, ARR (a), b);
      if (r == NULL)
        return NULL;
      rc = splice (vm, ARR (a), 0, ARR (a)->len, ARR (r)->data, ARR (r)->len);
      hs_decref (vm, r);
    }
  else
    return hs_incref (hs_NotImplemented);
  if (rc < 0)
    return NULL;
  hs_object_mark_dirty (vm, a);
  return hs_incref (a);
}

static HsObject *
to_list (HsVM *vm, HsArray *a)
{
  HsObject *list = hs_list_new (vm, a->len);
  for (gsize i = 0; list != NULL && i < a->len; i++)
    {
      HsObject *v = get_item (vm, a, i);
      if (v == NULL || hs_list_append_take (vm, list, v) < 0)
        HS_CLEAR (vm, list);
    }
  return list;
}

/* Comparisons item by item, as lists of the items' values compare */
static HsObject *
array_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *la, *lb, *r;
  if (!array_check (a) || !array_check (b))
    return hs_incref (hs_NotImplemented);
  if ((op == HS_CMP_EQ || op == HS_CMP_NE) && ARR (a)->len != ARR (b)->len)
    return hs_incref (hs_bool_from (op == HS_CMP_NE));
  la = to_list (vm, ARR (a));
  lb = la != NULL ? to_list (vm, ARR (b)) : NULL;
  r = lb != NULL ? hs_object_richcompare (vm, la, lb, op) : NULL;
  hs_xdecref (vm, la);
  hs_xdecref (vm, lb);
  return r;
}

/* ---- methods ------------------------------------------------------------------------------ */

static HsObject *
done (HsVM *vm, HsObject *self, int rc)
{
  hs_object_mark_dirty (vm, self);
  return rc < 0 ? NULL : hs_None;
}

static HsObject *
m_append (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v = NULL;
  if (!hs_parse_args (vm, "append", args + 1, nargs - 1, kwnames, "!v", &v))
    return NULL;
  return done (vm, args[0], append (vm, ARR (args[0]), v));
}

static HsObject *
m_extend (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *b = NULL;
  if (!hs_parse_args (vm, "extend", args + 1, nargs - 1, kwnames, "!bb", &b))
    return NULL;
  return done (vm, args[0], extend (vm, ARR (args[0]), b));
}

static HsObject *
m_insert (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *i_obj = NULL, *v = NULL;
  HsArray *a = ARR (args[0]);
  gssize i;
  char tmp[8];

  if (!hs_parse_args (vm, "insert", args + 1, nargs - 1, kwnames, "i v /", &i_obj, &v)
      || !hs_int_arg_ssize (vm, i_obj, &i))
    return NULL;
  if (i < 0)
    i = MAX (i + (gssize)a->len, 0);
  i = MIN (i, (gssize)a->len);
  if (!set_value (vm, a->typecode, v, tmp))
    return NULL;
  return done (vm, args[0], splice (vm, a, (gsize)i, (gsize)i, tmp, 1));
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *i_obj = NULL, *r;
  HsArray *a = ARR (args[0]);
  gssize i = -1;

  if (!hs_parse_args (vm, "pop", args + 1, nargs - 1, kwnames, "|i /", &i_obj)
      || (i_obj != NULL && !hs_int_arg_ssize (vm, i_obj, &i)))
    return NULL;
  if (a->len == 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "pop from empty array");
      return NULL;
    }
  if (i < 0)
    i += (gssize)a->len;
  if (i < 0 || i >= (gssize)a->len)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "pop index out of range");
      return NULL;
    }
  if ((r = get_item (vm, a, (gsize)i)) == NULL
      || splice (vm, a, (gsize)i, (gsize)i + 1, NULL, 0) < 0)
    {
      hs_xdecref (vm, r);
      return NULL;
    }
  hs_object_mark_dirty (vm, args[0]);
  return r;
}

static HsObject *
m_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v = NULL;
  gssize i;
  if (!hs_parse_args (vm, "remove", args + 1, nargs - 1, kwnames, "!v", &v)
      || (i = find (vm, ARR (args[0]), v, 0, ARR (args[0])->len)) == -2)
    return NULL;
  if (i < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "array.remove(x): x not in array");
      return NULL;
    }
  return done (vm, args[0], splice (vm, ARR (args[0]), (gsize)i, (gsize)i + 1, NULL, 0));
}

static HsObject *
m_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v = NULL, *start_obj = NULL, *stop_obj = NULL;
  gssize start = 0, stop = G_MAXSSIZE, i, len = (gssize)ARR (args[0])->len;

  if (!hs_parse_args (vm, "index", args + 1, nargs - 1, kwnames, "v | start stop /", &v, &start_obj,
                      &stop_obj)
      || (start_obj != NULL && !hs_int_arg_ssize (vm, start_obj, &start))
      || (stop_obj != NULL && !hs_int_arg_ssize (vm, stop_obj, &stop)))
    return NULL;
  start = start < 0 ? MAX (start + len, 0) : start;
  stop = stop < 0 ? MAX (stop + len, 0) : stop;
  if ((i = find (vm, ARR (args[0]), v, (gsize)start, (gsize)stop)) == -2)
    return NULL;
  if (i < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "array.index(x): x not in array");
      return NULL;
    }
  return hs_int_from_i64 (vm, i);
}

static HsObject *
m_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v = NULL;
  gsize n = 0;
  gssize i = -1;
  if (!hs_parse_args (vm, "count", args + 1, nargs - 1, kwnames, "!v", &v))
    return NULL;
  while ((i = find (vm, ARR (args[0]), v, (gsize)(i + 1), ARR (args[0])->len)) >= 0)
    n++;
  return i == -2 ? NULL : hs_int_from_u64 (vm, n);
}

static HsObject *
m_tolist (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "tolist", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return to_list (vm, ARR (args[0]));
}

static HsObject *
m_tobytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsArray *a = ARR (args[0]);
  if (!hs_parse_args (vm, "tobytes", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_bytes_new (vm, a->data != NULL ? a->data : "", a->len * a->itemsize);
}

static HsObject *
m_frombytes (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *b = NULL, *copy;
  const char *d;
  gsize n;
  int rc;

  if (!hs_parse_args (vm, "frombytes", args + 1, nargs - 1, kwnames, "!buffer", &b)
      || !hs_bytes_buffer (vm, b, &d, &n) || (copy = hs_bytes_new (vm, d, n)) == NULL)
    return NULL;
  rc = append_bytes (vm, ARR (args[0]), HS_BYTES (copy)->data, n);
  hs_decref (vm, copy);
  return done (vm, args[0], rc);
}

static HsObject *
m_fromlist (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *list = NULL;
  HsArray *a = ARR (args[0]);
  gsize old = a->len;
  int rc = 0;

  if (!hs_parse_args (vm, "fromlist", args + 1, nargs - 1, kwnames, "!list", &list))
    return NULL;
  if (!HS_ISINSTANCE (list, &hs_list_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "arg must be list");
      return NULL;
    }
  for (gsize i = 0; rc == 0 && i < hs_list_len (list); i++)
    rc = append (vm, a, hs_list_get_borrow (list, i));
  if (rc < 0) /* all or nothing, as CPython's */
    array_resize (vm, a, old);
  return done (vm, args[0], rc);
}

static HsObject *
m_tounicode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "tounicode", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (ARR (args[0])->typecode != 'u')
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "tounicode() may only be called on unicode type arrays");
      return NULL;
    }
  return to_unicode (vm, ARR (args[0]));
}

static HsObject *
m_fromunicode (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  if (!hs_parse_args (vm, "fromunicode", args + 1, nargs - 1, kwnames, "!ustr", &s))
    return NULL;
  if (!hs_str_check (s))
    {
      hs_err_format (vm, &hs_exc_TypeError, "fromunicode() argument must be str, not %s",
                     hs_type_name (s));
      return NULL;
    }
  if (ARR (args[0])->typecode != 'u')
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "fromunicode() may only be called on unicode type arrays");
      return NULL;
    }
  return done (vm, args[0], append_unicode (vm, ARR (args[0]), s));
}

static HsObject *
m_reverse (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsArray *a = ARR (args[0]);
  char tmp[8];
  if (!hs_parse_args (vm, "reverse", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  for (gsize i = 0; i < a->len / 2; i++)
    {
      char *p = a->data + i * a->itemsize, *q = a->data + (a->len - 1 - i) * a->itemsize;
      memcpy (tmp, p, a->itemsize);
      memcpy (p, q, a->itemsize);
      memcpy (q, tmp, a->itemsize);
    }
  return done (vm, args[0], 0);
}

static HsObject *
m_byteswap (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsArray *a = ARR (args[0]);
  if (!hs_parse_args (vm, "byteswap", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  for (gsize i = 0; i < a->len; i++)
    {
      char *p = a->data + i * a->itemsize;
      for (gsize k = 0; k < a->itemsize / 2; k++)
        {
          char t = p[k];
          p[k] = p[a->itemsize - 1 - k];
          p[a->itemsize - 1 - k] = t;
        }
    }
  return done (vm, args[0], 0);
}

static HsObject *
array_attr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "itemsize"))
    return hs_int_from_u64 (vm, ARR (self)->itemsize);
  return hs_str_new (vm, &ARR (self)->typecode, 1);
}

static const HsMethodDef array_methods[] = {
  { "append", m_append },
  { "extend", m_extend },
  { "insert", m_insert },
  { "pop", m_pop },
  { "remove", m_remove },
  { "index", m_index },
  { "count", m_count },
  { "tolist", m_tolist },
  { "tobytes", m_tobytes },
  { "frombytes", m_frombytes },
  { "fromlist", m_fromlist },
  { "tounicode", m_tounicode },
  { "fromunicode", m_fromunicode },
  { "reverse", m_reverse },
  { "byteswap", m_byteswap },
  { NULL, NULL },
};

static HsType array_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "array",
  .module = "array",
  .tp_name = "array.array",
  .base = &hs_object_type,
  .basicsize = sizeof (HsArray),
  .dealloc = array_dealloc,
  .repr = array_repr,
  .str = array_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = array_richcompare,
  .binop = array_binop,
  .inplace = array_inplace,
  .len = array_len,
  .getitem = array_getitem,
  .setitem = array_setitem,
  .contains = array_contains,
  .iter = array_iter,
  .construct = array_construct,
  .methods = array_methods,
};

void
hs_mod_array_runtime_init (void)
{
  hs_type_ready (&array_type);
  hs_getset_install (&array_type, "typecode itemsize", array_attr, NULL);
  hs_bytes_register_exporter (&array_type, buffer_of);
}

int
hs_mod_array_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_take (vm, dict, "array", hs_incref ((HsObject *)&array_type)) < 0
      || hs_module_add_take (vm, dict, "ArrayType", hs_incref ((HsObject *)&array_type)) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "typecodes", hs_str_from_cstr (vm, typecodes));
}
