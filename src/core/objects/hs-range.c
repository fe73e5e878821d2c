/* hs-range.c — range and slice objects, and the slice arithmetic of every sequence.
 *
 * Invariant: a small range (all parts fit a gint64) has item i == start + i * step for
 * 0 <= i < len, computed in machine arithmetic, so indexing, `in` and iteration never
 * build a list; a big range keeps int objects and does the same with int arithmetic.
 * A slice holds three owned references, None for an omitted part.
 */
#include "config.h"

#include "hs-range.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- slice arithmetic ----------------------------------------------------------------- */

gboolean
hs_slice_index (HsVM *vm, HsObject *o, gboolean none_allowed, gint64 *out)
{
  if (!hs_object_has_index (o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         none_allowed
                             ? "slice indices must be integers or None or have an __index__ method"
                             : "slice indices must be integers or have an __index__ method");
      return FALSE;
    }
  o = hs_object_index (vm, o);
  if (o == NULL)
    return FALSE;
  if (!hs_int_as_i64 (o, out))
    *out = hs_int_sign (o) < 0 ? G_MININT64 : G_MAXINT64;
  hs_decref (vm, o);
  return TRUE;
}

/* A slice bound: None keeps *out; an int is saturated to the gssize range. */
static gboolean
slice_bound (HsVM *vm, HsObject *o, gssize *out)
{
  gint64 v;

  if (o == hs_None)
    return TRUE;
  if (!hs_slice_index (vm, o, TRUE, &v))
    return FALSE;
  *out = (gssize)v;
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

/* ---- range: construction -------------------------------------------------------------- */

static gint64
range_length (gint64 start, gint64 stop, gint64 step, gboolean *overflow)
{
  guint64 n;

  *overflow = FALSE;
  if (step > 0 && start < stop)
    n = ((guint64)stop - (guint64)start - 1) / (guint64)step + 1;
  else if (step < 0 && start > stop)
    n = ((guint64)start - (guint64)stop - 1) / (0 - (guint64)step) + 1;
  else
    return 0;
  if (n > G_MAXINT64)
    *overflow = TRUE;
  return (gint64)n;
}

static HsObject *
range_alloc (HsVM *vm, gint64 start, gint64 stop, gint64 step, gint64 len)
{
  HsRange *r = (HsRange *)hs_object_alloc (vm, &hs_range_type, sizeof (HsRange));
  if (r == NULL)
    return NULL;
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->len = len;
  return &r->header;
}

static HsObject *
ibin (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  return hs_int_binop (vm, op, a, b);
}

/* CPython's compute_range_length with int objects: new reference or NULL. */
static HsObject *
big_length (HsVM *vm, HsObject *lo, HsObject *hi, HsObject *step)
{
  HsObject *one = hs_int_from_i64 (vm, 1), *diff, *d1, *q, *n, *div;
  gboolean up = hs_int_sign (step) > 0;

  if (up ? hs_int_compare (lo, hi) >= 0 : hs_int_compare (lo, hi) <= 0)
    return hs_int_from_i64 (vm, 0);
  diff = up ? ibin (vm, HS_BIN_SUB, hi, lo) : ibin (vm, HS_BIN_SUB, lo, hi);
  div = up ? hs_incref (step) : hs_number_unaryop (vm, HS_UNARY_NEG, step);
  d1 = diff ? ibin (vm, HS_BIN_SUB, diff, one) : NULL;
  q = (d1 && div) ? ibin (vm, HS_BIN_FLOORDIV, d1, div) : NULL;
  n = q ? ibin (vm, HS_BIN_ADD, q, one) : NULL;
  hs_xdecref (vm, diff);
  hs_xdecref (vm, div);
  hs_xdecref (vm, d1);
  hs_xdecref (vm, q);
  hs_xdecref (vm, one);
  return n;
}

static HsObject *
big_new (HsVM *vm, HsObject *start, HsObject *stop, HsObject *step)
{
  HsObject *len = big_length (vm, start, stop, step);
  HsRange *r;

  if (len == NULL)
    return NULL;
  r = (HsRange *)hs_object_alloc (vm, &hs_range_type, sizeof (HsRange));
  if (r == NULL)
    {
      hs_decref (vm, len);
      return NULL;
    }
  r->ostart = hs_incref (start);
  r->ostop = hs_incref (stop);
  r->ostep = hs_incref (step);
  r->olen = len;
  return &r->header;
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
      HsObject *a = hs_int_from_i64 (vm, start), *b = hs_int_from_i64 (vm, stop);
      HsObject *c = hs_int_from_i64 (vm, step), *r = NULL;
      if (a && b && c)
        r = big_new (vm, a, b, c);
      hs_xdecref (vm, a);
      hs_xdecref (vm, b);
      hs_xdecref (vm, c);
      return r;
    }
  return range_alloc (vm, start, stop, step, len);
}

HsObject *
hs_range_new_from_ints (HsVM *vm, HsObject *start, HsObject *stop, HsObject *step)
{
  gint64 a, b, c;

  if (hs_int_sign (step) == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "range() arg 3 must not be zero");
      return NULL;
    }
  if (hs_int_as_i64 (start, &a) && hs_int_as_i64 (stop, &b) && hs_int_as_i64 (step, &c))
    return hs_range_new (vm, a, b, c);
  return big_new (vm, start, stop, step);
}

static HsObject *
range_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *in[3] = { NULL, NULL, NULL }, *ix[3] = { NULL, NULL, NULL }, *r = NULL;
  gboolean ok = TRUE;

  if (!hs_parse_args (vm, "range", args, nargs, kwnames, "a | b c /", &in[0], &in[1], &in[2]))
    return NULL;
  /* range(X()) honours X.__index__, as CPython */
  for (int i = 0; i < 3 && ok; i++)
    ok = in[i] == NULL || (ix[i] = hs_object_index (vm, in[i])) != NULL;
  if (ok)
    {
      HsObject *zero = hs_int_from_i64 (vm, 0), *one = hs_int_from_i64 (vm, 1);
      r = ix[1] == NULL ? hs_range_new_from_ints (vm, zero, ix[0], one)
                        : hs_range_new_from_ints (vm, ix[0], ix[1], ix[2] ? ix[2] : one);
      hs_decref (vm, zero);
      hs_decref (vm, one);
    }
  for (int i = 0; i < 3; i++)
    hs_xdecref (vm, ix[i]);
  return r;
}

static void
range_dealloc (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  HS_CLEAR (vm, r->ostart);
  HS_CLEAR (vm, r->ostop);
  HS_CLEAR (vm, r->ostep);
  HS_CLEAR (vm, r->olen);
}

/* Only ranges past 64 bits hold int objects; they count like any reference. */
static void
range_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsRange *r = HS_RANGE (self);
  HsObject *parts[] = { r->ostart, r->ostop, r->ostep, r->olen };
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      hs_visit (visit, parts[i], data);
}

/* The parts as int objects (new references), for both kinds. */
static HsObject *
part (HsVM *vm, HsObject *big, gint64 small)
{
  return big ? hs_incref (big) : hs_int_from_i64 (vm, small);
}

#define R_START(vm, r) part ((vm), (r)->ostart, (r)->start)
#define R_STOP(vm, r) part ((vm), (r)->ostop, (r)->stop)
#define R_STEP(vm, r) part ((vm), (r)->ostep, (r)->step)
#define R_LEN(vm, r) part ((vm), (r)->olen, (r)->len)

/* ---- range: slots ----------------------------------------------------------------------- */

static HsObject *
range_repr (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  HsObject *a, *b, *c, *res = NULL;
  HsObject *sa, *sb, *sc = NULL;
  gboolean show_step;

  if (r->olen == NULL)
    {
      if (r->step == 1)
        return hs_str_from_format (vm, "range(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                   r->start, r->stop);
      return hs_str_from_format (
          vm, "range(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", r->start,
          r->stop, r->step);
    }
  a = r->ostart;
  b = r->ostop;
  c = r->ostep;
  show_step = !(hs_int_is_small (c) && hs_int_small_value (c) == 1);
  sa = hs_object_repr (vm, a);
  sb = hs_object_repr (vm, b);
  if (show_step)
    sc = hs_object_repr (vm, c);
  if (sa && sb && (!show_step || sc))
    res = show_step ? hs_str_from_format (vm, "range(%s, %s, %s)", hs_str_utf8 (sa),
                                          hs_str_utf8 (sb), hs_str_utf8 (sc))
                    : hs_str_from_format (vm, "range(%s, %s)", hs_str_utf8 (sa), hs_str_utf8 (sb));
  hs_xdecref (vm, sa);
  hs_xdecref (vm, sb);
  hs_xdecref (vm, sc);
  return res;
}

/* Equal as sequences: same length and, when not empty, same start and (if longer than
 * one) same step. 1, 0, -1. */
static int
ranges_equal (HsVM *vm, HsRange *a, HsRange *b)
{
  HsObject *x[2], *y[2];
  int r, i;

  if (a->olen == NULL && b->olen == NULL)
    {
      if (a->len != b->len)
        return 0;
      if (a->len == 0)
        return 1;
      if (a->start != b->start)
        return 0;
      return a->len == 1 || a->step == b->step;
    }
  x[0] = R_LEN (vm, a);
  y[0] = R_LEN (vm, b);
  r = hs_int_compare (x[0], y[0]) == 0;
  if (r && hs_int_sign (x[0]) != 0)
    {
      HsObject *one = hs_int_from_i64 (vm, 1);
      gboolean single = hs_int_compare (x[0], one) == 0;
      hs_decref (vm, one);
      for (i = 0; r && i < (single ? 1 : 2); i++)
        {
          HsObject *p = i == 0 ? R_START (vm, a) : R_STEP (vm, a);
          HsObject *q = i == 0 ? R_START (vm, b) : R_STEP (vm, b);
          r = hs_int_compare (p, q) == 0;
          hs_decref (vm, p);
          hs_decref (vm, q);
        }
    }
  hs_decref (vm, x[0]);
  hs_decref (vm, y[0]);
  return r;
}

static HsObject *
range_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (!HS_IS (a, &hs_range_type) || !HS_IS (b, &hs_range_type)
      || (op != HS_CMP_EQ && op != HS_CMP_NE))
    return hs_incref (hs_NotImplemented);
  return hs_incref (
      hs_bool_from ((ranges_equal (vm, HS_RANGE (a), HS_RANGE (b)) == 1) == (op == HS_CMP_EQ)));
}

/* CPython hashes (len, start, step) with the parts that do not matter set to None. */
static int
range_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsRange *r = HS_RANGE (self);
  HsObject *len = R_LEN (vm, r), *one = hs_int_from_i64 (vm, 1);
  int cmp = hs_int_compare (len, one);
  HsObject *start = hs_int_sign (len) > 0 ? R_START (vm, r) : hs_None;
  HsObject *step = cmp > 0 ? R_STEP (vm, r) : hs_None;
  HsObject *t = hs_tuple_pack (vm, 3, len, start, step);
  int ret = t ? hs_object_hash (vm, t, out) : -1;

  hs_xdecref (vm, t);
  hs_decref (vm, len);
  hs_decref (vm, one);
  hs_decref (vm, start);
  hs_decref (vm, step);
  return ret;
}

static gssize
range_len (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  gint64 n;

  if (r->olen == NULL)
    return (gssize)r->len;
  if (!hs_int_as_i64 (r->olen, &n))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C ssize_t");
      return -1;
    }
  return (gssize)n;
}

/* start + i * step for an int object i already known to be in range. */
static HsObject *
big_item (HsVM *vm, HsRange *r, HsObject *i)
{
  HsObject *start = R_START (vm, r), *step = R_STEP (vm, r);
  HsObject *off = ibin (vm, HS_BIN_MUL, i, step);
  HsObject *v = off ? ibin (vm, HS_BIN_ADD, start, off) : NULL;

  hs_xdecref (vm, off);
  hs_decref (vm, start);
  hs_decref (vm, step);
  return v;
}

static HsObject *
range_index_error (HsVM *vm)
{
  hs_err_set_string (vm, &hs_exc_IndexError, "range object index out of range");
  return NULL;
}

static HsObject *
big_getitem (HsVM *vm, HsRange *r, HsObject *key)
{
  HsObject *len = R_LEN (vm, r), *i = hs_incref (key), *v = NULL;

  if (hs_int_sign (i) < 0)
    {
      HsObject *j = ibin (vm, HS_BIN_ADD, i, len);
      hs_decref (vm, i);
      i = j;
    }
  if (i != NULL)
    {
      if (hs_int_sign (i) < 0 || hs_int_compare (i, len) >= 0)
        range_index_error (vm);
      else
        v = big_item (vm, r, i);
    }
  hs_xdecref (vm, i);
  hs_decref (vm, len);
  return v;
}

static HsObject *
range_slice (HsVM *vm, HsRange *r, HsObject *slice)
{
  gssize start, stop, step, n, length = range_len (vm, &r->header);
  HsObject *a, *b, *c, *sa, *sb, *sc, *res;

  if (length < 0)
    return NULL;
  if (hs_slice_indices (vm, slice, length, &start, &stop, &step, &n) < 0)
    return NULL;
  if (r->olen == NULL)
    {
      gint64 nstart = r->start + (gint64)start * r->step;
      gint64 nstop = r->start + (gint64)stop * r->step;
      return range_alloc (vm, nstart, nstop, r->step * (gint64)step, n);
    }
  a = hs_int_from_i64 (vm, start);
  b = hs_int_from_i64 (vm, stop);
  c = hs_int_from_i64 (vm, step);
  sa = big_item (vm, r, a);
  sb = big_item (vm, r, b);
  sc = ibin (vm, HS_BIN_MUL, r->ostep, c);
  res = (sa && sb && sc) ? hs_range_new_from_ints (vm, sa, sb, sc) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  hs_xdecref (vm, c);
  hs_xdecref (vm, sa);
  hs_xdecref (vm, sb);
  hs_xdecref (vm, sc);
  return res;
}

static HsObject *
range_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsRange *r = HS_RANGE (self);
  gssize i;

  if (HS_IS (key, &hs_slice_type))
    return range_slice (vm, r, key);
  if (r->olen != NULL && hs_int_check (key))
    return big_getitem (vm, r, key);
  if (!hs_sequence_index (vm, key, "range", &i))
    return NULL;
  if (hs_index_normalize (&i, (gsize)r->len) < 0)
    return range_index_error (vm);
  return hs_int_from_i64 (vm, r->start + (gint64)i * r->step);
}

/* Position of int x in a small range, or -1. */
static gint64
small_position (HsRange *r, HsObject *x)
{
  gint64 v;
  guint64 off, step;

  if (!hs_int_as_i64 (x, &v) || r->len == 0)
    return -1;
  if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop))
    return -1;
  off = r->step > 0 ? (guint64)v - (guint64)r->start : (guint64)r->start - (guint64)v;
  step = r->step > 0 ? (guint64)r->step : 0 - (guint64)r->step;
  return off % step != 0 ? -1 : (gint64)(off / step);
}

/* Position of int x in r as an int object, None if absent, NULL on error. */
static HsObject *
range_position (HsVM *vm, HsRange *r, HsObject *x)
{
  HsObject *off, *q, *m, *res = NULL;
  gboolean up;

  if (r->olen == NULL)
    {
      gint64 p = small_position (r, x);
      return p < 0 ? hs_None : hs_int_from_i64 (vm, p);
    }
  up = hs_int_sign (r->ostep) > 0;
  if (up ? (hs_int_compare (x, r->ostart) < 0 || hs_int_compare (x, r->ostop) >= 0)
         : (hs_int_compare (x, r->ostart) > 0 || hs_int_compare (x, r->ostop) <= 0))
    return hs_None;
  off = ibin (vm, HS_BIN_SUB, x, r->ostart);
  m = off ? ibin (vm, HS_BIN_MOD, off, r->ostep) : NULL;
  q = m ? ibin (vm, HS_BIN_FLOORDIV, off, r->ostep) : NULL;
  if (q != NULL)
    res = hs_int_sign (m) == 0 ? hs_incref (q) : hs_None;
  hs_xdecref (vm, off);
  hs_xdecref (vm, m);
  hs_xdecref (vm, q);
  return res;
}

static int
range_contains (HsVM *vm, HsObject *self, HsObject *x)
{
  HsRange *r = HS_RANGE (self);
  int found;

  if (HS_IS (x, &hs_int_type) || HS_IS (x, &hs_bool_type))
    {
      HsObject *p;
      if (r->olen == NULL)
        return small_position (r, x) >= 0;
      p = range_position (vm, r, x);
      if (p == NULL)
        return -1;
      found = p != hs_None;
      hs_decref (vm, p);
      return found;
    }
  /* Anything else (1.0 in range(3)) compares item by item. */
  return hs_object_iter_search (vm, self, x);
}

/* ---- range: iteration ------------------------------------------------------------------ */

/* The iterator of a big range: next value and remaining count as int objects. */
typedef struct
{
  HsObject header;
  HsObject *next;
  HsObject *step;
  HsObject *remaining;
} LongRangeIter;

static HsObject *
longiter_self (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
longiter_next (HsVM *vm, HsObject *self)
{
  LongRangeIter *it = (LongRangeIter *)self;
  HsObject *one, *v, *n, *rem;

  if (hs_int_sign (it->remaining) <= 0)
    return NULL;
  hs_object_mark_dirty (vm, self); /* its references to big ints change below */
  one = hs_int_from_i64 (vm, 1);
  n = ibin (vm, HS_BIN_ADD, it->next, it->step);
  rem = n ? ibin (vm, HS_BIN_SUB, it->remaining, one) : NULL;
  hs_decref (vm, one);
  if (rem == NULL)
    {
      hs_xdecref (vm, n);
      return NULL;
    }
  v = it->next;
  it->next = n;
  hs_decref (vm, it->remaining);
  it->remaining = rem;
  return v;
}

static void
longiter_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  LongRangeIter *it = (LongRangeIter *)self;
  HsObject *parts[] = { it->next, it->step, it->remaining };
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      hs_visit (visit, parts[i], data);
}

static void
longiter_dealloc (HsVM *vm, HsObject *self)
{
  LongRangeIter *it = (LongRangeIter *)self;
  HS_CLEAR (vm, it->next);
  HS_CLEAR (vm, it->step);
  HS_CLEAR (vm, it->remaining);
}

static HsType longrange_iter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "longrange_iterator",
  .base = &hs_object_type,
  .basicsize = sizeof (LongRangeIter),
  .dealloc = longiter_dealloc,
  .refs = longiter_refs,
  .iter = longiter_self,
  .iternext = longiter_next,
};

/* Takes the three references. */
static HsObject *
longiter_new (HsVM *vm, HsObject *start, HsObject *step, HsObject *len)
{
  LongRangeIter *it = NULL;

  if (start && step && len)
    it = (LongRangeIter *)hs_object_alloc (vm, &longrange_iter_type, sizeof (LongRangeIter));
  if (it == NULL)
    {
      hs_xdecref (vm, start);
      hs_xdecref (vm, step);
      hs_xdecref (vm, len);
      return NULL;
    }
  it->next = start;
  it->step = step;
  it->remaining = len;
  return &it->header;
}

static HsObject *
range_iter (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  if (r->olen == NULL)
    return hs_range_iter_new (vm, r->start, r->step, r->len);
  return longiter_new (vm, hs_incref (r->ostart), hs_incref (r->ostep), hs_incref (r->olen));
}

HsObject *
hs_range_reversed (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  HsObject *one, *last, *start, *step;

  if (r->olen == NULL)
    return hs_range_iter_new (vm, r->start + (r->len - 1) * r->step, -r->step, r->len);
  one = hs_int_from_i64 (vm, 1);
  last = ibin (vm, HS_BIN_SUB, r->olen, one);
  hs_decref (vm, one);
  start = last ? big_item (vm, r, last) : NULL;
  hs_xdecref (vm, last);
  step = hs_number_unaryop (vm, HS_UNARY_NEG, r->ostep);
  return longiter_new (vm, start, step, hs_incref (r->olen));
}

static HsObject *
range_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsRange *r = HS_RANGE (self);
  const char *n = hs_str_utf8 (name);

  if (strcmp (n, "start") == 0)
    return R_START (vm, r);
  if (strcmp (n, "stop") == 0)
    return R_STOP (vm, r);
  if (strcmp (n, "step") == 0)
    return R_STEP (vm, r);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
m_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x;
  int r;

  if (!hs_parse_args (vm, "range.count", args + 1, nargs - 1, kwnames, "!value", &x))
    return NULL;
  r = range_contains (vm, args[0], x);
  return r < 0 ? NULL : hs_int_from_i64 (vm, r);
}

static HsObject *
m_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x, *repr, *pos = hs_None;

  if (!hs_parse_args (vm, "range.index", args + 1, nargs - 1, kwnames, "!value", &x))
    return NULL;
  if (hs_int_check (x))
    {
      pos = range_position (vm, HS_RANGE (args[0]), x);
      if (pos == NULL)
        return NULL;
      if (pos != hs_None)
        return pos;
    }
  repr = hs_object_repr (vm, x);
  if (repr != NULL)
    {
      hs_err_format (vm, &hs_exc_ValueError, "%s is not in range", hs_str_utf8 (repr));
      hs_decref (vm, repr);
    }
  return NULL;
}

/* range.__reversed__(): what reversed() gives for a range. */
static HsObject *
m_reversed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "range.__reversed__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_range_reversed (vm, args[0]);
}

/* bool(r): whether it has items, however many (CPython's range_bool: no OverflowError). */
static int
range_truth (HsVM *vm, HsObject *self)
{
  HsRange *r = HS_RANGE (self);
  return r->olen != NULL ? hs_int_sign (r->olen) != 0 : r->len != 0;
}

static const HsMethodDef range_methods[] = {
  { "__reversed__", m_reversed },
  { "count", m_count },
  { "index", m_index },
  { NULL },
};

HsType hs_range_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "range",
  .base = &hs_object_type,
  .basicsize = sizeof (HsRange),
  .dealloc = range_dealloc,
  .refs = range_refs,
  .repr = range_repr,
  .hash = range_hash,
  .richcompare = range_richcompare,
  .truth = range_truth,
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
  HsSlice *s = (HsSlice *)hs_object_alloc (vm, &hs_slice_type, sizeof (HsSlice));
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
slice_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsSlice *s = HS_SLICE (self);
  if (s->start)
    hs_visit (visit, s->start, data);
  if (s->stop)
    hs_visit (visit, s->stop, data);
  if (s->step)
    hs_visit (visit, s->step, data);
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
  .refs = slice_refs,
  .clear = slice_dealloc,
  .repr = slice_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = slice_richcompare,
  .getattr = slice_getattr,
  .construct = slice_construct,
  .methods = slice_methods,
};

void
hs_range_runtime_init (void)
{
  /* start, stop and step are read-only members, as CPython's (range.start is
   * <member 'start' of 'range' objects>); their values come from the getattr slots */
  hs_member_install_readonly (&hs_range_type, "start stop step", range_getattr);
  hs_member_install_readonly (&hs_slice_type, "start stop step", slice_getattr);
}
