/* hs-range.c — range and slice objects, and the slice arithmetic of every sequence.
 *
 * Invariant: a range's start, stop, step and len fit a gint64 and step != 0; item i is
 * start + i * step for 0 <= i < len, so indexing, `in` and iteration never build a list.
 * (Ranges whose bounds need more than 64 bits raise OverflowError: a documented limit.)
 * A slice holds three owned references, None for an omitted part.
 */
#include "config.h"

#include "hs-range.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- slice arithmetic ----------------------------------------------------------------- */

/* A slice bound: None keeps *out; an int is saturated to the gssize range. */
static gboolean
slice_bound (HsVM *vm, HsObject *o, gssize *out)
{
  gint64 v;

  if (o == hs_None)
    return TRUE;
  if (!hs_int_check (o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
      return FALSE;
    }
  if (!hs_int_as_i64 (o, &v))
    v = hs_int_sign (o) < 0 ? G_MININT64 : G_MAXINT64;
  *out = (gssize) v;
  return TRUE;
}

static gssize
adjust_bound (gssize i, gssize length, gssize step)
{
  if (i < 0)
    {
      i += length;
      if (i < 0)
        i = step < 0 ? -1 : 0;
    }
  else if (i >= length)
    i = step < 0 ? length - 1 : length;
  return i;
}

int
hs_slice_indices (HsVM *vm, HsObject *slice, gssize length, gssize *start, gssize *stop,
                  gssize *step, gssize *slicelength)
{
  HsSlice *s = HS_SLICE (slice);

  *step = 1;
  if (!slice_bound (vm, s->step, step))
    return -1;
  if (*step == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "slice step cannot be zero");
      return -1;
    }
  if (*step < -G_MAXSSIZE)
    *step = -G_MAXSSIZE;
  *start = *step < 0 ? G_MAXSSIZE : 0;
  *stop = *step < 0 ? G_MINSSIZE : G_MAXSSIZE;
  if (!slice_bound (vm, s->start, start) || !slice_bound (vm, s->stop, stop))
    return -1;
  *start = adjust_bound (*start, length, *step);
  *stop = adjust_bound (*stop, length, *step);
  if (*step < 0)
    *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  else
    *slicelength = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  return 0;
}

/* ---- range -------------------------------------------------------------------------- */

static gint64
range_length (gint64 start, gint64 stop, gint64 step, gboolean *overflow)
{
  guint64 n;

  *overflow = FALSE;
  if (step > 0 && start < stop)
    n = ((guint64) stop - (guint64) start - 1) / (guint64) step + 1;
  else if (step < 0 && start > stop)
    n = ((guint64) start - (guint64) stop - 1) / (0 - (guint64) step) + 1;
  else
    return 0;
  if (n > G_MAXINT64)
    *overflow = TRUE;
  return (gint64) n;
}

static HsObject *
range_alloc (HsVM *vm, gint64 start, gint64 stop, gint64 step, gint64 len)
{
  HsRange *r = (HsRange *) hs_object_alloc (vm, &hs_range_type, sizeof (HsRange));
  if (r == NULL)
    return NULL;
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->len = len;
  return &r->header;
}

static void
range_too_big (HsVM *vm)
{
  hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C ssize_t");
}

HsObject *
hs_range_new (HsVM *vm, gint64 start, gint64 stop, gint64 step)
{
  gboolean overflow;
  gint64 len;

  if (step == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "range() arg 3 must not be zero");
      return NULL;
    }
  len = range_length (start, stop, step, &overflow);
  if (overflow)
    {
      range_too_big (vm);
      return NULL;
    }
  return range_alloc (vm, start, stop, step, len);
}

static gboolean
range_arg (HsVM *vm, HsObject *o, gint64 *out)
{
  if (!hs_int_check (o))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return FALSE;
    }
  if (!hs_int_as_i64 (o, out))
    {
      range_too_big (vm);
      return FALSE;
    }
  return TRUE;
}

static HsObject *
range_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL, *c = NULL;
  gint64 start = 0, stop, step = 1;

  if (!hs_parse_args (vm, "range", args, nargs, kwnames, "a | b c /", &a, &b, &c))
    return NULL;
  if (b == NULL)
    {
      if (!range_arg (vm, a, &stop))
        return NULL;
    }
  else if (!range_arg (vm, a, &start) || !range_arg (vm, b, &stop)
           || (c != NULL && !range_arg (vm, c, &step)))
    return NULL;
  return hs_range_new (vm, start, stop, step);
}

static HsObject *
range_repr (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  if (r->step == 1)
    return hs_str_from_format (vm, "range(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", r->start,
                               r->stop);
  return hs_str_from_format (vm,
                             "range(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                             ")",
                             r->start, r->stop, r->step);
}

static gboolean
ranges_equal (HsRange *a, HsRange *b)
{
  if (a->len != b->len)
    return FALSE;
  if (a->len == 0)
    return TRUE;
  if (a->start != b->start)
    return FALSE;
  return a->len == 1 || a->step == b->step;
}

static HsObject *
range_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (!HS_IS (a, &hs_range_type) || !HS_IS (b, &hs_range_type)
      || (op != HS_CMP_EQ && op != HS_CMP_NE))
    return hs_incref (hs_NotImplemented);
  return hs_incref (hs_bool_from (ranges_equal (HS_RANGE (a), HS_RANGE (b)) == (op == HS_CMP_EQ)));
}

/* CPython hashes (len, start, step) with the parts that do not matter set to None. */
static int
range_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsRange *r = HS_RANGE (self);
  HsObject *len = hs_int_from_i64 (vm, r->len);
  HsObject *start = r->len > 0 ? hs_int_from_i64 (vm, r->start) : hs_None;
  HsObject *step = r->len > 1 ? hs_int_from_i64 (vm, r->step) : hs_None;
  HsObject *t = (len && start && step) ? hs_tuple_pack (vm, 3, len, start, step) : NULL;
  int ret = t ? hs_object_hash (vm, t, out) : -1;

  hs_xdecref (vm, t);
  hs_xdecref (vm, len);
  hs_xdecref (vm, start);
  hs_xdecref (vm, step);
  return ret;
}

static gssize
range_len (HsVM *vm, HsObject *self)
{
  return (gssize) HS_RANGE (self)->len;
}

static HsObject *
range_slice (HsVM *vm, HsRange *r, HsObject *slice)
{
  gssize start, stop, step, n;
  gint64 nstart, nstop, nstep;

  if (hs_slice_indices (vm, slice, (gssize) r->len, &start, &stop, &step, &n) < 0)
    return NULL;
  nstart = r->start + (gint64) start * r->step;
  nstep = r->step * (gint64) step;
  nstop = r->start + (gint64) stop * r->step;
  return range_alloc (vm, nstart, nstop, nstep, n);
}

static HsObject *
range_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsRange *r = HS_RANGE (self);
  gssize i;

  if (HS_IS (key, &hs_slice_type))
    return range_slice (vm, r, key);
  if (!hs_sequence_index (vm, key, "range", &i))
    return NULL;
  if (hs_index_normalize (&i, (gsize) r->len) < 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "range object index out of range");
      return NULL;
    }
  return hs_int_from_i64 (vm, r->start + (gint64) i * r->step);
}

/* Position of int x in r, or -1. */
static gint64
range_position (HsRange *r, HsObject *x)
{
  gint64 v;
  guint64 off;

  if (!hs_int_as_i64 (x, &v) || r->len == 0)
    return -1;
  if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop))
    return -1;
  off = r->step > 0 ? (guint64) v - (guint64) r->start : (guint64) r->start - (guint64) v;
  if (off % (r->step > 0 ? (guint64) r->step : 0 - (guint64) r->step) != 0)
    return -1;
  return (gint64) (off / (r->step > 0 ? (guint64) r->step : 0 - (guint64) r->step));
}

static int
range_contains (HsVM *vm, HsObject *self, HsObject *x)
{
  HsRange *r = HS_RANGE (self);

  if (HS_IS (x, &hs_int_type) || HS_IS (x, &hs_bool_type))
    return range_position (r, x) >= 0;
  /* Anything else (1.0 in range(3)) compares item by item. */
  for (gint64 i = 0; i < r->len; i++)
    {
      HsObject *item = hs_int_from_i64 (vm, r->start + i * r->step);
      int eq = item ? hs_object_equal (vm, item, x) : -1;
      hs_xdecref (vm, item);
      if (eq != 0)
        return eq;
    }
  return 0;
}

static HsObject *
range_iter (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  return hs_range_iter_new (vm, r->start, r->step, r->len);
}

static HsObject *
range_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsRange *r = HS_RANGE (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "start") == 0)
    return hs_int_from_i64 (vm, r->start);
  if (strcmp (n, "stop") == 0)
    return hs_int_from_i64 (vm, r->stop);
  if (strcmp (n, "step") == 0)
    return hs_int_from_i64 (vm, r->step);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
m_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x;
  if (!hs_parse_args (vm, "range.count", args + 1, nargs - 1, kwnames, "!value", &x))
    return NULL;
  if (HS_IS (x, &hs_int_type) || HS_IS (x, &hs_bool_type))
    return hs_int_from_i64 (vm, range_position (HS_RANGE (args[0]), x) >= 0);
  int r = range_contains (vm, args[0], x);
  return r < 0 ? NULL : hs_int_from_i64 (vm, r);
}

static HsObject *
m_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x, *repr;
  gint64 pos = -1;

  if (!hs_parse_args (vm, "range.index", args + 1, nargs - 1, kwnames, "!value", &x))
    return NULL;
  if (hs_int_check (x))
    pos = range_position (HS_RANGE (args[0]), x);
  if (pos >= 0)
    return hs_int_from_i64 (vm, pos);
  repr = hs_object_repr (vm, x);
  if (repr != NULL)
    {
      hs_err_format (vm, &hs_exc_ValueError, "%s is not in range", hs_str_utf8 (repr));
      hs_decref (vm, repr);
    }
  return NULL;
}

static const HsMethodDef range_methods[] = {
  { "count", m_count },
  { "index", m_index },
  { NULL },
};

HsType hs_range_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "range",
  .base = &hs_object_type,
  .basicsize = sizeof (HsRange),
  .repr = range_repr,
  .hash = range_hash,
  .richcompare = range_richcompare,
  .len = range_len,
  .getitem = range_getitem,
  .contains = range_contains,
  .iter = range_iter,
  .getattr = range_getattr,
  .construct = range_construct,
  .methods = range_methods,
};

/* ---- slice ---------------------------------------------------------------------------- */

HsObject *
hs_slice_new (HsVM *vm, HsObject *start, HsObject *stop, HsObject *step)
{
  HsSlice *s = (HsSlice *) hs_object_alloc (vm, &hs_slice_type, sizeof (HsSlice));
  if (s == NULL)
    return NULL;
  s->start = hs_incref (start ? start : hs_None);
  s->stop = hs_incref (stop ? stop : hs_None);
  s->step = hs_incref (step ? step : hs_None);
  if (vm != NULL)
    hs_gc_track (vm, &s->header);
  return &s->header;
}

static void
slice_dealloc (HsVM *vm, HsObject *self)
{
  HsSlice *s = HS_SLICE (self);
  HS_CLEAR (vm, s->start);
  HS_CLEAR (vm, s->stop);
  HS_CLEAR (vm, s->step);
}

static void
slice_traverse (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsSlice *s = HS_SLICE (self);
  if (s->start)
    visit (s->start, data);
  if (s->stop)
    visit (s->stop, data);
  if (s->step)
    visit (s->step, data);
}

static HsObject *
slice_repr (HsVM *vm, HsObject *self)
{
  HsSlice *s = HS_SLICE (self);
  HsObject *parts[3] = { s->start, s->stop, s->step };
  GString *out = g_string_new ("slice(");

  for (int i = 0; i < 3; i++)
    {
      HsObject *r = hs_object_repr (vm, parts[i]);
      if (r == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, hs_str_utf8 (r));
      g_string_append (out, i < 2 ? ", " : ")");
      hs_decref (vm, r);
    }
  return hs_str_from_gstring (vm, out);
}

static HsObject *
slice_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *ta, *tb, *r;

  if (!HS_IS (a, &hs_slice_type) || !HS_IS (b, &hs_slice_type))
    return hs_incref (hs_NotImplemented);
  ta = hs_tuple_pack (vm, 3, HS_SLICE (a)->start, HS_SLICE (a)->stop, HS_SLICE (a)->step);
  tb = ta ? hs_tuple_pack (vm, 3, HS_SLICE (b)->start, HS_SLICE (b)->stop, HS_SLICE (b)->step)
          : NULL;
  r = tb ? hs_object_richcompare (vm, ta, tb, op) : NULL;
  hs_xdecref (vm, ta);
  hs_xdecref (vm, tb);
  return r;
}

static HsObject *
slice_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL, *c = NULL;

  if (!hs_parse_args (vm, "slice", args, nargs, kwnames, "a | b c /", &a, &b, &c))
    return NULL;
  if (b == NULL)
    return hs_slice_new (vm, NULL, a, NULL);
  return hs_slice_new (vm, a, b, c);
}

static HsObject *
slice_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsSlice *s = HS_SLICE (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "start") == 0)
    return hs_incref (s->start);
  if (strcmp (n, "stop") == 0)
    return hs_incref (s->stop);
  if (strcmp (n, "step") == 0)
    return hs_incref (s->step);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
m_indices (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *len, *a, *b, *c, *t;
  gssize start, stop, step, n, length;

  if (!hs_parse_args (vm, "slice.indices", args + 1, nargs - 1, kwnames, "!len", &len))
    return NULL;
  if (!hs_int_check (len))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (len));
      return NULL;
    }
  length = hs_int_as_ssize (vm, len);
  if (length == -1 && hs_err_occurred (vm))
    return NULL;
  if (length < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "length should not be negative");
      return NULL;
    }
  if (hs_slice_indices (vm, args[0], length, &start, &stop, &step, &n) < 0)
    return NULL;
  /* slice.indices reports the clamped stop the way range() would consume it. */
  a = hs_int_from_i64 (vm, start);
  b = hs_int_from_i64 (vm, stop);
  c = hs_int_from_i64 (vm, step);
  t = (a && b && c) ? hs_tuple_pack (vm, 3, a, b, c) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  hs_xdecref (vm, c);
  return t;
}

static const HsMethodDef slice_methods[] = {
  { "indices", m_indices },
  { NULL },
};

HsType hs_slice_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "slice",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsSlice),
  .dealloc = slice_dealloc,
  .traverse = slice_traverse,
  .clear = slice_dealloc,
  .repr = slice_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = slice_richcompare,
  .getattr = slice_getattr,
  .construct = slice_construct,
  .methods = slice_methods,
};
