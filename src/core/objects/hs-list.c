/* hs-list.c — Python's list.
 *
 * Invariant: items[0..len) are non-NULL owned references and cap >= len slots are
 * allocated through hs_mem_realloc. A mutation first brings the list to its new
 * consistent state and only then drops the references it replaced (a decref may free
 * objects, which must never see a half-updated list). Every mutation marks the list
 * dirty with the item range that may differ.
 */
#include "config.h"

#include "hs-list.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define PTR_SIZE sizeof (HsObject *)
#define MAX_ITEMS (G_MAXSSIZE / PTR_SIZE)

/* ---- storage ---------------------------------------------------------------------- */

static int
list_reserve_exact (HsVM *vm, HsList *l, gsize cap)
{
  HsObject **items;

  if (cap <= l->cap)
    return 0;
  if (cap > MAX_ITEMS)
    {
      hs_err_no_memory (vm);
      return -1;
    }
  items = hs_mem_realloc (vm, l->items, l->cap * PTR_SIZE, cap * PTR_SIZE);
  if (items == NULL)
    return -1;
  l->items = items;
  l->cap = cap;
  return 0;
}

/* CPython's list_resize for a list about to hold (or left holding) `newsize` items: the
 * slots stay while newsize is between half of them and all of them, else they become
 * newsize plus an eighth plus 6, rounded down to a multiple of 4 (newsize rounded up to a
 * multiple of 4 when the list grows by more than that would spare), none for none.
 * sys.getsizeof reads the slots, so every change of length goes through here as in
 * CPython. A failure to shrink keeps the slots. */
static int
list_resize (HsVM *vm, HsList *l, gsize newsize)
{
  gsize cap;
  HsObject **items;

  if (l->cap >= newsize && newsize >= (l->cap >> 1))
    return 0;
  if (newsize > MAX_ITEMS)
    {
      hs_err_no_memory (vm);
      return -1;
    }
  cap = (newsize + (newsize >> 3) + 6) & ~(gsize)3;
  if (newsize > l->len && newsize - l->len > cap - newsize)
    cap = (newsize + 3) & ~(gsize)3;
  if (newsize == 0)
    cap = 0;
  items = hs_mem_realloc (vm, l->items, l->cap * PTR_SIZE, cap * PTR_SIZE);
  if (items == NULL && cap > 0)
    {
      if (newsize > l->cap)
        return -1;
      hs_err_clear (vm);
      return 0;
    }
  l->items = items;
  l->cap = cap;
  return 0;
}

/* CPython's list_preallocate_exact for a list that never had slots: n rounded up to even
 * (its allocator's granularity). */
static int
list_preallocate (HsVM *vm, HsList *l, gsize n)
{
  return list_reserve_exact (vm, l, n > MAX_ITEMS - 1 ? n : (n + 1) & ~(gsize)1);
}

/* From the last, as CPython's list_ass_slice and list_clear let go of what they removed: a
 * __del__ an item runs shows that order. */
static void
decref_array (HsVM *vm, HsObject **items, gsize n)
{
  while (n > 0)
    hs_decref (vm, items[--n]);
}

HsObject *
hs_list_new (HsVM *vm, gsize prealloc)
{
  HsList *l = (HsList *)hs_object_alloc (vm, &hs_list_type, sizeof (HsList));

  if (l == NULL)
    return NULL;
  if (prealloc > 0 && list_reserve_exact (vm, l, prealloc) < 0)
    {
      hs_decref (vm, &l->header);
      return NULL;
    }
  hs_gc_track (vm, &l->header);
  return &l->header;
}

HsObject *
hs_list_from_array (HsVM *vm, HsObject *const *items, gsize n)
{
  HsObject *list = hs_list_new (vm, n);

  if (list == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    HS_LIST (list)->items[i] = hs_incref (items[i]);
  HS_LIST (list)->len = n;
  return list;
}

int
hs_list_append_take (HsVM *vm, HsObject *list, HsObject *item)
{
  HsList *l = HS_LIST (list);

  if (item == NULL) /* the failed call that made it set the error */
    return -1;
  if (l->len == l->cap && list_resize (vm, l, l->len + 1) < 0)
    {
      hs_decref (vm, item);
      return -1;
    }
  l->items[l->len++] = item;
  hs_object_mark_dirty_range (vm, list, l->len - 1, l->len);
  return 0;
}

int
hs_list_append (HsVM *vm, HsObject *list, HsObject *item)
{
  return hs_list_append_take (vm, list, hs_incref (item));
}

/* Appends src[0..n) (borrowed). */
static int
list_append_array (HsVM *vm, HsObject *list, HsObject *const *src, gsize n)
{
  HsList *l = HS_LIST (list);
  gsize old = l->len;
  gboolean own_items = src == l->items; /* `a.extend(a)`: growing moves the source */

  if (n == 0)
    return 0;
  if ((l->items == NULL ? list_preallocate (vm, l, n) : list_resize (vm, l, old + n)) < 0)
    return -1;
  if (own_items)
    src = l->items;
  for (gsize i = 0; i < n; i++)
    l->items[old + i] = hs_incref (src[i]);
  l->len = old + n;
  hs_object_mark_dirty_range (vm, list, old, l->len);
  return 0;
}

int
hs_list_extend (HsVM *vm, HsObject *list, HsObject *iterable)
{
  HsObject *it, *x;
  gssize hint;

  /* As CPython's list_extend: only exact lists and tuples are copied directly (a
   * subclass's __iter__ runs); otherwise the length hint (a learner's __len__ or
   * __length_hint__) is asked after getting the iterator, and presizes the list. */
  if (HS_IS (iterable, &hs_list_type) || HS_IS (iterable, &hs_tuple_type) || iterable == list)
    {
      gboolean is_list = hs_list_check (iterable);
      gsize n = is_list ? hs_list_len (iterable) : hs_tuple_len (iterable);
      HsObject **src = is_list ? hs_list_items (iterable) : hs_tuple_items (iterable);
      return list_append_array (vm, list, src, n);
    }
  it = hs_object_iter (vm, iterable);
  if (it == NULL)
    return -1;
  hint = hs_object_length_hint (vm, iterable, 8);
  if (hint < 0)
    {
      hs_decref (vm, it);
      return -1;
    }
  /* The room is made, counted against the heap cap, as CPython's list_resize makes it: a
   * hint past it is CPython's MemoryError (its allocation fails), unless adding it to the
   * length overflows, which CPython ignores (the hint may lie). */
  if (hint > 0 && (gsize)hint <= G_MAXSSIZE - hs_list_len (list)
      && (HS_LIST (list)->items == NULL
              ? list_preallocate (vm, HS_LIST (list), (gsize)hint)
              : list_resize (vm, HS_LIST (list), hs_list_len (list) + (gsize)hint))
             < 0)
    {
      hs_decref (vm, it);
      return -1;
    }
  while ((x = hs_iter_next (vm, it)) != NULL)
    if (hs_list_append_take (vm, list, x) < 0)
      break;
  hs_decref (vm, it);
  if (HS_LIST (list)->len < HS_LIST (list)->cap) /* the hint may have been too big */
    list_resize (vm, HS_LIST (list), HS_LIST (list)->len);
  return hs_err_occurred (vm) ? -1 : 0;
}

HsObject *
hs_list_from_iterable (HsVM *vm, HsObject *iterable)
{
  HsObject *list = hs_list_new (vm, 0);

  if (list == NULL)
    return NULL;
  if (hs_list_extend (vm, list, iterable) < 0)
    {
      hs_decref (vm, list);
      return NULL;
    }
  return list;
}

int
hs_list_insert (HsVM *vm, HsObject *list, gssize index, HsObject *item)
{
  HsList *l = HS_LIST (list);
  gsize i;

  if (index < 0)
    index = MAX (index + (gssize)l->len, 0);
  i = MIN ((gsize)index, l->len);
  if (list_resize (vm, l, l->len + 1) < 0)
    return -1;
  memmove (l->items + i + 1, l->items + i, (l->len - i) * PTR_SIZE);
  l->items[i] = hs_incref (item);
  l->len++;
  hs_object_mark_dirty_range (vm, list, i, l->len);
  return 0;
}

void
hs_list_set_item (HsVM *vm, HsObject *list, gsize i, HsObject *item)
{
  HsList *l = HS_LIST (list);
  HsObject *old = l->items[i];

  l->items[i] = hs_incref (item);
  hs_object_mark_dirty_range (vm, list, i, i + 1);
  hs_decref (vm, old);
}

void
hs_list_reverse (HsVM *vm, HsObject *list)
{
  HsList *l = HS_LIST (list);

  for (gsize i = 0, j = l->len; i + 1 < j; i++, j--)
    {
      HsObject *t = l->items[i];
      l->items[i] = l->items[j - 1];
      l->items[j - 1] = t;
    }
  if (l->len > 1)
    hs_object_mark_dirty_range (vm, list, 0, l->len);
}

/* Removes items [lo, hi) (step 1) and drops their references afterwards. */
static int
list_remove_range (HsVM *vm, HsObject *list, gsize lo, gsize hi)
{
  HsList *l = HS_LIST (list);
  gsize n = hi - lo;
  HsObject **old;

  if (n == 0)
    return 0;
  old = g_memdup2 (l->items + lo, n * PTR_SIZE);
  memmove (l->items + lo, l->items + hi, (l->len - hi) * PTR_SIZE);
  l->len -= n;
  hs_object_mark_dirty_range (vm, list, lo, l->len);
  list_resize (vm, l, l->len);
  decref_array (vm, old, n);
  g_free (old);
  return 0;
}

HsObject *
hs_list_as_tuple (HsVM *vm, HsObject *list)
{
  return hs_tuple_from_array (vm, hs_list_items (list), hs_list_len (list));
}

/* ---- type slots ---------------------------------------------------------------------- */

static void
list_dealloc (HsVM *vm, HsObject *self)
{
  HsList *l = HS_LIST (self);

  /* From the end, as CPython does, so long lists free in a natural order. */
  for (gsize i = l->len; i > 0; i--)
    hs_decref (vm, l->items[i - 1]);
  hs_mem_realloc (vm, l->items, l->cap * PTR_SIZE, 0);
  l->items = NULL;
  l->len = l->cap = 0;
}

static void
list_clear_all (HsVM *vm, HsObject *self)
{
  HsList *l = HS_LIST (self);
  HsObject **items = l->items;
  gsize n = l->len, cap = l->cap;

  if (cap == 0)
    return;
  l->items = NULL;
  l->len = l->cap = 0;
  hs_object_mark_dirty_range (vm, self, 0, 0);
  decref_array (vm, items, n);
  hs_mem_realloc (vm, items, cap * PTR_SIZE, 0);
}

static void
list_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsList *l = HS_LIST (self);
  for (gsize i = 0; i < l->len; i++)
    hs_visit_item (visit, l->items[i], HS_REF_ITEM, i, data);
}

static HsObject *
list_repr (HsVM *vm, HsObject *self)
{
  HsList *l = HS_LIST (self);
  GString *out;

  if (l->len == 0)
    return hs_str_new (vm, "[]", 2);
  if (hs_repr_enter (self))
    return hs_str_new (vm, "[...]", 5);
  out = g_string_new ("[");
  for (gsize i = 0; i < l->len; i++)
    {
      if ((i > 0 && !hs_str_build (vm, out, ", ", 2)) || !hs_str_build_repr (vm, out, l->items[i]))
        {
          hs_repr_leave (self);
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  g_string_append_c (out, ']');
  hs_repr_leave (self);
  return hs_str_from_gstring (vm, out);
}

static void
seq_view (HsObject *o, HsObject ***items, gsize *n)
{
  if (hs_list_check (o))
    {
      *items = hs_list_items (o);
      *n = hs_list_len (o);
    }
  else
    {
      *items = hs_tuple_items (o);
      *n = hs_tuple_len (o);
    }
}

/* The arrays are re-read through the objects each round: __eq__ may mutate them. */
HsObject *
hs_sequence_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject **ia, **ib;
  gsize na, nb, i;

  seq_view (a, &ia, &na);
  seq_view (b, &ib, &nb);
  if (na != nb && (op == HS_CMP_EQ || op == HS_CMP_NE))
    return hs_incref (hs_bool_from (op == HS_CMP_NE));
  for (i = 0;; i++)
    {
      HsObject *x, *y;
      int eq;

      seq_view (a, &ia, &na);
      seq_view (b, &ib, &nb);
      if (i >= na || i >= nb)
        break;
      x = hs_incref (ia[i]);
      y = hs_incref (ib[i]);
      eq = hs_object_equal (vm, x, y);
      if (eq != 1)
        {
          HsObject *r = NULL;
          if (eq == 0)
            r = (op == HS_CMP_EQ || op == HS_CMP_NE) ? hs_incref (hs_bool_from (op == HS_CMP_NE))
                                                     : hs_object_richcompare (vm, x, y, op);
          hs_decref (vm, x);
          hs_decref (vm, y);
          return r;
        }
      hs_decref (vm, x);
      hs_decref (vm, y);
    }
  return hs_incref (hs_bool_from (hs_compare_holds (na < nb ? -1 : na > nb, op)));
}

static HsObject *
list_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (!hs_list_check (a) || !hs_list_check (b))
    return hs_incref (hs_NotImplemented);
  return hs_sequence_richcompare (vm, a, b, op);
}

gssize
hs_sequence_repeat_count (HsVM *vm, HsObject *n)
{
  gint64 v;
  gboolean fits;

  n = hs_object_index (vm, n); /* [0] * X() calls X.__index__ */
  if (n == NULL)
    return -1;
  fits = hs_int_as_i64 (n, &v) && v <= G_MAXSSIZE;
  hs_decref (vm, n);
  if (!fits)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
      return -1;
    }
  return v < 0 ? 0 : (gssize)v;
}

static HsObject *
list_repeat (HsVM *vm, HsObject *list, gssize n)
{
  gsize len = hs_list_len (list);
  HsObject *r;

  if (len > 0 && (gsize)n > MAX_ITEMS / len)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  r = hs_list_new (vm, len * (gsize)n);
  if (r == NULL)
    return NULL;
  for (gssize k = 0; k < n; k++)
    for (gsize i = 0; i < len; i++)
      HS_LIST (r)->items[HS_LIST (r)->len++] = hs_incref (HS_LIST (list)->items[i]);
  return r;
}

static HsObject *
list_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && hs_list_check (a) && hs_list_check (b))
    {
      HsObject *r = hs_list_new (vm, hs_list_len (a) + hs_list_len (b));
      if (r == NULL)
        return NULL;
      list_append_array (vm, r, hs_list_items (a), hs_list_len (a));
      list_append_array (vm, r, hs_list_items (b), hs_list_len (b));
      return r;
    }
  if (op == HS_BIN_MUL)
    {
      HsObject *list = hs_list_check (a) ? a : b, *n = list == a ? b : a;
      gssize count;
      if (!hs_object_has_index (n))
        return hs_incref (hs_NotImplemented);
      count = hs_sequence_repeat_count (vm, n);
      return count < 0 ? NULL : list_repeat (vm, list, count);
    }
  return hs_incref (hs_NotImplemented);
}

static HsObject *
list_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (!hs_list_check (a))
    return hs_incref (hs_NotImplemented);
  if (op == HS_BIN_ADD)
    return hs_list_extend (vm, a, b) < 0 ? NULL : hs_incref (a);
  if (op == HS_BIN_MUL && hs_object_has_index (b))
    {
      gssize count = hs_sequence_repeat_count (vm, b);
      gsize len = hs_list_len (a);
      if (count < 0)
        return NULL;
      if (count == 0 || len == 0)
        {
          list_clear_all (vm, a);
          return hs_incref (a);
        }
      if ((gsize)count > MAX_ITEMS / len)
        {
          hs_err_no_memory (vm);
          return NULL;
        }
      if (count > 1 && list_resize (vm, HS_LIST (a), len * (gsize)count) < 0)
        return NULL;
      for (gssize k = 1; k < count; k++)
        for (gsize i = 0; i < len; i++)
          HS_LIST (a)->items[HS_LIST (a)->len++] = hs_incref (HS_LIST (a)->items[i]);
      hs_object_mark_dirty_range (vm, a, len, HS_LIST (a)->len);
      return hs_incref (a);
    }
  return hs_incref (hs_NotImplemented);
}

static gssize
list_len (HsVM *vm, HsObject *self)
{
  return (gssize)HS_LIST (self)->len;
}

gboolean
hs_sequence_index (HsVM *vm, HsObject *key, const char *what, gssize *out)
{
  if (hs_int_check (key) && hs_int_is_small (key))
    {
      gint64 v = hs_int_small_value (key);
      *out = (gssize)v;
      return TRUE;
    }
  if (!hs_object_has_index (key))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s indices must be integers or slices, not %s", what,
                     hs_type_name (key));
      return FALSE;
    }
  key = hs_object_index (vm, key); /* [10, 20][X()] calls X.__index__ */
  if (key == NULL)
    return FALSE;
  *out = hs_int_as_ssize_index (vm, key);
  hs_decref (vm, key);
  return !(*out == -1 && hs_err_occurred (vm));
}

static HsObject *
list_slice (HsVM *vm, HsObject *self, HsObject *slice)
{
  gssize start, stop, step, n;
  HsObject *r;

  if (hs_slice_indices (vm, slice, (gssize)hs_list_len (self), &start, &stop, &step, &n) < 0)
    return NULL;
  r = hs_list_new (vm, (gsize)n);
  if (r == NULL)
    return NULL;
  for (gssize k = 0, i = start; k < n; k++, i += step)
    HS_LIST (r)->items[k] = hs_incref (HS_LIST (self)->items[i]);
  HS_LIST (r)->len = (gsize)n;
  return r;
}

static HsObject *
list_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gssize i;

  if (HS_IS (key, &hs_slice_type))
    return list_slice (vm, self, key);
  if (!hs_sequence_index (vm, key, "list", &i))
    return NULL;
  if (hs_index_normalize (&i, hs_list_len (self)) < 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "list index out of range");
      return NULL;
    }
  return hs_incref (HS_LIST (self)->items[i]);
}

static int
list_del_slice (HsVM *vm, HsObject *self, HsObject *slice)
{
  HsList *l = HS_LIST (self);
  gssize start, stop, step, n;
  HsObject **old;
  gsize w = 0, k = 0, lo;

  if (hs_slice_indices (vm, slice, (gssize)l->len, &start, &stop, &step, &n) < 0)
    return -1;
  if (n <= 0)
    return 0;
  if (step == 1)
    return list_remove_range (vm, self, (gsize)start, (gsize)start + (gsize)n);
  if (step < 0)
    {
      /* Same items, walked upwards. */
      start = start + step * (n - 1);
      step = -step;
    }
  old = g_new (HsObject *, n);
  lo = (gsize)start;
  for (gsize i = lo; i < l->len; i++)
    {
      if (k < (gsize)n && i == (gsize)start + k * (gsize)step)
        old[k++] = l->items[i];
      else
        l->items[lo + w++] = l->items[i];
    }
  l->len = lo + w;
  hs_object_mark_dirty_range (vm, self, lo, l->len);
  list_resize (vm, l, l->len);
  /* an extended slice's items go from the first, as in CPython's list_ass_subscript */
  for (gsize i = 0; i < (gsize)n; i++)
    hs_decref (vm, old[i]);
  g_free (old);
  return 0;
}

/* a[lo:hi] = src[0..m) (step 1). */
static int
list_replace_range (HsVM *vm, HsObject *self, gsize lo, gsize hi, HsObject **src, gsize m)
{
  HsList *l = HS_LIST (self);
  gsize n = hi - lo, newlen = l->len - n + m;
  HsObject **old = n ? g_memdup2 (l->items + lo, n * PTR_SIZE) : NULL;

  if (m > n && list_resize (vm, l, newlen) < 0)
    {
      g_free (old);
      return -1;
    }
  memmove (l->items + lo + m, l->items + hi, (l->len - hi) * PTR_SIZE);
  for (gsize i = 0; i < m; i++)
    l->items[lo + i] = hs_incref (src[i]);
  l->len = newlen;
  hs_object_mark_dirty_range (vm, self, lo, m == n ? lo + m : newlen);
  if (m < n)
    list_resize (vm, l, newlen);
  decref_array (vm, old, n);
  g_free (old);
  return 0;
}

static int
list_ass_slice (HsVM *vm, HsObject *self, HsObject *slice, HsObject *value)
{
  gssize start, stop, step, n;
  HsObject *seq;
  HsObject **src;
  gsize m;
  int r = 0;

  if (value == self)
    seq = hs_list_from_array (vm, hs_list_items (self), hs_list_len (self));
  else
    seq = hs_sequence_fast (vm, value, "can only assign an iterable");
  if (seq == NULL)
    return -1;
  src = hs_list_check (seq) ? hs_list_items (seq) : hs_tuple_items (seq);
  m = hs_list_check (seq) ? hs_list_len (seq) : hs_tuple_len (seq);
  if (hs_slice_indices (vm, slice, (gssize)hs_list_len (self), &start, &stop, &step, &n) < 0)
    r = -1;
  else if (step == 1)
    r = list_replace_range (vm, self, (gsize)start, (gsize)start + (gsize)n, src, m);
  else if ((gsize)n != m)
    {
      hs_err_format (vm, &hs_exc_ValueError,
                     "attempt to assign sequence of size %" G_GSIZE_FORMAT
                     " to extended slice of size %" G_GSSIZE_FORMAT,
                     m, n);
      r = -1;
    }
  else
    for (gssize k = 0, i = start; k < n; k++, i += step)
      hs_list_set_item (vm, self, (gsize)i, src[k]);
  hs_decref (vm, seq);
  return r;
}

static int
list_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  gssize i;

  if (HS_IS (key, &hs_slice_type))
    return value ? list_ass_slice (vm, self, key, value) : list_del_slice (vm, self, key);
  if (!hs_sequence_index (vm, key, "list", &i))
    return -1;
  if (hs_index_normalize (&i, hs_list_len (self)) < 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "list assignment index out of range");
      return -1;
    }
  if (value == NULL)
    return list_remove_range (vm, self, (gsize)i, (gsize)i + 1);
  hs_list_set_item (vm, self, (gsize)i, value);
  return 0;
}

static int
list_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  for (gsize i = 0; i < hs_list_len (self); i++)
    {
      HsObject *x = hs_incref (HS_LIST (self)->items[i]);
      int r = hs_object_equal (vm, x, item);
      hs_decref (vm, x);
      if (r != 0)
        return r;
    }
  return 0;
}

static HsObject *
list_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL;

  if (!hs_parse_args (vm, "list", args, nargs, kwnames, "|iterable /", &iterable))
    return NULL;
  return iterable ? hs_list_from_iterable (vm, iterable) : hs_list_new (vm, 0);
}

/* ---- methods ------------------------------------------------------------------------- */

static HsObject *
m_append (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x;
  if (nargs == 2 && kwnames == NULL) /* the call of every loop building a list */
    x = args[1];
  else if (!hs_parse_args (vm, "list.append", args + 1, nargs - 1, kwnames, "!object", &x))
    return NULL;
  return hs_list_append (vm, args[0], x) < 0 ? NULL : hs_None;
}

static HsObject *
m_extend (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x;
  if (!hs_parse_args (vm, "list.extend", args + 1, nargs - 1, kwnames, "!iterable", &x))
    return NULL;
  return hs_list_extend (vm, args[0], x) < 0 ? NULL : hs_None;
}

static HsObject *
m_insert (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *index, *x;
  gssize i;
  if (!hs_parse_args (vm, "list.insert", args + 1, nargs - 1, kwnames, "index object /", &index, &x)
      || !hs_int_arg_ssize (vm, index, &i))
    return NULL;
  return hs_list_insert (vm, args[0], i, x) < 0 ? NULL : hs_None;
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *index = NULL, *self = args[0], *r;
  gssize i = -1;

  if (!hs_parse_args (vm, "list.pop", args + 1, nargs - 1, kwnames, "|index /", &index))
    return NULL;
  if (index != NULL && !hs_int_arg_ssize (vm, index, &i))
    return NULL;
  if (hs_list_len (self) == 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "pop from empty list");
      return NULL;
    }
  if (hs_index_normalize (&i, hs_list_len (self)) < 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "pop index out of range");
      return NULL;
    }
  r = hs_incref (HS_LIST (self)->items[i]);
  list_remove_range (vm, self, (gsize)i, (gsize)i + 1);
  return r;
}

/* Index of the first item equal to x in [lo, hi); -1 if none, -2 on error. */
static gssize
list_find (HsVM *vm, HsObject *self, HsObject *x, gsize lo, gsize hi)
{
  for (gsize i = lo; i < hi && i < hs_list_len (self); i++)
    {
      HsObject *y = hs_incref (HS_LIST (self)->items[i]);
      int r = hs_object_equal (vm, y, x);
      hs_decref (vm, y);
      if (r < 0)
        return -2;
      if (r > 0)
        return (gssize)i;
    }
  return -1;
}

static HsObject *
m_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x;
  gssize i;
  if (!hs_parse_args (vm, "list.remove", args + 1, nargs - 1, kwnames, "!value", &x))
    return NULL;
  i = list_find (vm, args[0], x, 0, G_MAXSIZE);
  if (i == -2)
    return NULL;
  if (i == -1)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "list.remove(x): x not in list");
      return NULL;
    }
  list_remove_range (vm, args[0], (gsize)i, (gsize)i + 1);
  return hs_None;
}

gboolean
hs_sequence_bound (HsVM *vm, HsObject *o, gsize len, gsize *out)
{
  gint64 v;

  if (!hs_slice_index (vm, o, FALSE, &v))
    return FALSE;
  if (v < 0)
    v = MAX (v + (gint64)len, 0);
  *out = (gsize)v;
  return TRUE;
}

static HsObject *
m_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x, *start = NULL, *stop = NULL, *self = args[0];
  gsize lo = 0, hi = G_MAXSIZE;
  gssize i;

  if (!hs_parse_args (vm, "list.index", args + 1, nargs - 1, kwnames, "value | start stop /", &x,
                      &start, &stop))
    return NULL;
  if ((start && !hs_sequence_bound (vm, start, hs_list_len (self), &lo))
      || (stop && !hs_sequence_bound (vm, stop, hs_list_len (self), &hi)))
    return NULL;
  i = list_find (vm, self, x, lo, hi);
  if (i == -2)
    return NULL;
  if (i == -1)
    {
      HsObject *r = hs_object_repr (vm, x);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "%s is not in list", hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  return hs_int_from_i64 (vm, i);
}

static HsObject *
m_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x, *self = args[0];
  gint64 n = 0;

  if (!hs_parse_args (vm, "list.count", args + 1, nargs - 1, kwnames, "!value", &x))
    return NULL;
  for (gsize i = 0; i < hs_list_len (self); i++)
    {
      HsObject *y = hs_incref (HS_LIST (self)->items[i]);
      int r = hs_object_equal (vm, y, x);
      hs_decref (vm, y);
      if (r < 0)
        return NULL;
      n += r;
    }
  return hs_int_from_i64 (vm, n);
}

static HsObject *
m_sort (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = NULL, *reverse = NULL;
  int rev = 0;

  if (!hs_parse_args (vm, "list.sort", args + 1, nargs - 1, kwnames, "$ | key reverse", &key,
                      &reverse))
    return NULL;
  if (reverse != NULL && (rev = hs_object_truth (vm, reverse)) < 0)
    return NULL;
  return hs_list_sort (vm, args[0], key, rev) < 0 ? NULL : hs_None;
}

static HsObject *
m_reverse (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "list.reverse", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  hs_list_reverse (vm, args[0]);
  return hs_None;
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "list.copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_list_from_array (vm, hs_list_items (args[0]), hs_list_len (args[0]));
}

static HsObject *
m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "list.clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  list_clear_all (vm, args[0]);
  return hs_None;
}

static HsObject *
m_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "list.__len__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, (gint64)hs_list_len (args[0]));
}

/* list.__init__(self, iterable=(), /): fills an instance of a class derived from list
 * (list(x) itself is list_construct). */
static HsObject *
m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL;

  if (!hs_parse_args (vm, "list", args + 1, nargs - 1, kwnames, "|iterable /", &iterable))
    return NULL;
  list_clear_all (vm, args[0]);
  return iterable != NULL && hs_list_extend (vm, args[0], iterable) < 0 ? NULL : hs_None;
}

/* list.__reversed__(): what reversed() gives for a list (CPython's list_reverseiterator). */
static HsObject *
m_reversed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "list.__reversed__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_list_reviter_new (vm, args[0]);
}

static const HsMethodDef list_methods[] = {
  { "__reversed__", m_reversed },
  { "__init__", m_init, HS_METH_SLOT },
  { "append", m_append },
  { "extend", m_extend },
  { "insert", m_insert },
  { "pop", m_pop },
  { "remove", m_remove },
  { "index", m_index },
  { "count", m_count },
  { "sort", m_sort },
  { "reverse", m_reverse },
  { "copy", m_copy },
  { "clear", m_clear },
  { "__len__", m_len, HS_METH_SLOT },
  { NULL },
};

static HsObject *
list_iter (HsVM *vm, HsObject *self)
{
  return hs_list_iter_new (vm, self);
}

HsType hs_list_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "list",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsList),
  .dealloc = list_dealloc,
  .refs = list_refs,
  .clear = list_clear_all,
  .repr = list_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = list_richcompare,
  .binop = list_binop,
  .inplace = list_inplace,
  .len = list_len,
  .getitem = list_getitem,
  .setitem = list_setitem,
  .contains = list_contains,
  .iter = list_iter,
  .construct = list_construct,
  .methods = list_methods,
};
