/* hs-sort.c — list.sort() and sorted(): timsort, as CPython 3.11 runs it.
 *
 * A learner's __lt__ may print or be stepped through, so the sort must make exactly
 * CPython's comparisons, with the same operands, in the same order. This is the
 * algorithm of CPython's Objects/listsort.txt, written from that description: natural
 * runs (strictly descending ones reversed in place), extended to `minrun` by binary
 * insertion, merged in powersort order (runs on a stack, each new run given a "power"
 * from the midpoints of it and its predecessor), each merge trimmed by galloping at
 * both ends, then merged one item at a time or by galloping, with the adaptive
 * `min_gallop` threshold. reverse=True reverses before and after, so equal items keep
 * their order.
 *
 * Invariant: while sorting, the list is empty (a comparison or key function that looks
 * at it sees [], as in CPython); its items are owned by the sort and put back at the
 * end, in whatever order they are in when a comparison fails. A list changed during the
 * sort raises ValueError and keeps the sorted items.
 */
#include "config.h"

#include <string.h>

#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"

#define MIN_GALLOP 7
/* Run lengths at least double down the powersort stack, so 85 is plenty for 2^64 items. */
#define MAX_PENDING 85

typedef HsObject *(*CmpFn) (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);

/* Parallel key and value arrays (v is NULL when the keys are the values). */
typedef struct
{
  HsObject **k;
  HsObject **v;
} Slice;

typedef struct
{
  Slice base;
  gsize len;
  int power; /* powersort power of the boundary after this run */
} Run;

typedef struct
{
  HsVM *vm;
  /* Every key's richcompare when they all share one class: called directly, as CPython's
   * same-type comparison does (it retries the generic way on NotImplemented). */
  CmpFn same_type_cmp;
  /* every key an int that fits 64 bits (ints are immutable, no comparison runs code): lt
   * compares their values in place, as CPython's unsafe_long_compare does */
  gboolean small_ints;
  HsObject **keys0; /* first key: run positions are measured from it */
  gsize n;
  int min_gallop;
  Slice tmp;
  gsize tmp_cap;
  Run pending[MAX_PENDING];
  int npending;
} Sorter;

static inline Slice
at (Slice s, gssize i)
{
  s.k += i;
  if (s.v != NULL)
    s.v += i;
  return s;
}

/* dst[di..di+n) = src[si..si+n), for keys and values; the ranges may overlap. */
static inline void
move (Slice dst, gssize di, Slice src, gssize si, gsize n)
{
  memmove (dst.k + di, src.k + si, n * sizeof (HsObject *));
  if (dst.v != NULL)
    memmove (dst.v + di, src.v + si, n * sizeof (HsObject *));
}

static void
reverse_array (HsObject **a, gsize n)
{
  for (gsize i = 0, j = n; i + 1 < j; i++, j--)
    {
      HsObject *t = a[i];
      a[i] = a[j - 1];
      a[j - 1] = t;
    }
}

static void
reverse_slice (Slice s, gsize n)
{
  reverse_array (s.k, n);
  if (s.v != NULL)
    reverse_array (s.v, n);
}

/* lt's general way (keys not all small ints). */
static int
lt_general (Sorter *st, HsObject *a, HsObject *b)
{
  if (HS_IS (a, &hs_int_type) && HS_IS (b, &hs_int_type) && hs_int_is_small (a)
      && hs_int_is_small (b))
    return hs_int_small_value (a) < hs_int_small_value (b);
  if (HS_IS (a, &hs_str_type) && HS_IS (b, &hs_str_type))
    {
      /* UTF-8 byte order is code point order. */
      gsize la = hs_str_byte_len (a), lb = hs_str_byte_len (b);
      int c = memcmp (hs_str_utf8 (a), hs_str_utf8 (b), MIN (la, lb));
      return c < 0 || (c == 0 && la < lb);
    }
  if (st->same_type_cmp != NULL)
    {
      HsObject *r = st->same_type_cmp (st->vm, a, b, HS_CMP_LT);
      int t;
      if (r == NULL)
        return -1;
      if (r != hs_NotImplemented)
        {
          t = hs_object_truth (st->vm, r);
          hs_decref (st->vm, r);
          return t;
        }
      hs_decref (st->vm, r);
    }
  return hs_object_richcompare_bool (st->vm, a, b, HS_CMP_LT);
}

/* a < b: 1, 0, or -1 with an exception set. Inline: a sort of ints is mostly this. */
static inline int
lt (Sorter *st, HsObject *a, HsObject *b)
{
  if (G_LIKELY (st->small_ints))
    return hs_int_small_value (a) < hs_int_small_value (b);
  return lt_general (st, a, b);
}

/* Sorts s[0..n) by binary insertion, given that s[0..start) is already sorted. */
static int
binary_insertion_sort (Sorter *st, Slice s, gsize n, gsize start)
{
  if (start == 0)
    start = 1;
  for (; start < n; start++)
    {
      HsObject *pk = s.k[start], *pv = s.v != NULL ? s.v[start] : NULL;
      gsize lo = 0, hi = start;
      do
        {
          gsize mid = lo + ((hi - lo) >> 1);
          int c = lt (st, pk, s.k[mid]);
          if (c < 0)
            return -1;
          if (c)
            hi = mid;
          else
            lo = mid + 1;
        }
      while (lo < hi);
      move (s, (gssize)lo + 1, s, (gssize)lo, start - lo);
      s.k[lo] = pk;
      if (s.v != NULL)
        s.v[lo] = pv;
    }
  return 0;
}

/* Length of the run at the start of k[0..n): the longest non-descending prefix, or the
 * longest strictly descending one (*descending set); -1 on error. */
static gssize
count_run (Sorter *st, HsObject **k, gsize n, gboolean *descending)
{
  gsize i;
  int c;

  *descending = FALSE;
  if (n == 1)
    return 1;
  if ((c = lt (st, k[1], k[0])) < 0)
    return -1;
  *descending = c;
  for (i = 2; i < n; i++)
    {
      if ((c = lt (st, k[i], k[i - 1])) < 0)
        return -1;
      if (c != *descending)
        break;
    }
  return (gssize)i;
}

/* Leftmost position in the sorted a[0..n) where key can go (a[r-1] < key <= a[r]),
 * searching outwards from a[hint] by doubling steps, then by bisection. */
static gssize
gallop_left (Sorter *st, HsObject *key, HsObject **a, gssize n, gssize hint)
{
  gssize last = 0, ofs = 1, maxofs;
  int c;

  if ((c = lt (st, a[hint], key)) < 0)
    return -1;
  if (c)
    {
      /* a[hint] < key: gallop right until a[hint + last] < key <= a[hint + ofs]. */
      maxofs = n - hint;
      while (ofs < maxofs)
        {
          if ((c = lt (st, a[hint + ofs], key)) < 0)
            return -1;
          if (!c)
            break;
          last = ofs;
          ofs = (ofs << 1) + 1;
        }
      ofs = MIN (ofs, maxofs);
      last += hint;
      ofs += hint;
    }
  else
    {
      /* key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - last]. */
      gssize k;
      maxofs = hint + 1;
      while (ofs < maxofs)
        {
          if ((c = lt (st, a[hint - ofs], key)) < 0)
            return -1;
          if (c)
            break;
          last = ofs;
          ofs = (ofs << 1) + 1;
        }
      ofs = MIN (ofs, maxofs);
      k = last;
      last = hint - ofs;
      ofs = hint - k;
    }
  /* a[last] < key <= a[ofs]: bisect in between. */
  for (last++; last < ofs;)
    {
      gssize m = last + ((ofs - last) >> 1);
      if ((c = lt (st, a[m], key)) < 0)
        return -1;
      if (c)
        last = m + 1;
      else
        ofs = m;
    }
  return ofs;
}

/* Rightmost position in the sorted a[0..n) where key can go (a[r-1] <= key < a[r]). */
static gssize
gallop_right (Sorter *st, HsObject *key, HsObject **a, gssize n, gssize hint)
{
  gssize last = 0, ofs = 1, maxofs;
  int c;

  if ((c = lt (st, key, a[hint])) < 0)
    return -1;
  if (c)
    {
      /* key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - last]. */
      gssize k;
      maxofs = hint + 1;
      while (ofs < maxofs)
        {
          if ((c = lt (st, key, a[hint - ofs])) < 0)
            return -1;
          if (!c)
            break;
          last = ofs;
          ofs = (ofs << 1) + 1;
        }
      ofs = MIN (ofs, maxofs);
      k = last;
      last = hint - ofs;
      ofs = hint - k;
    }
  else
    {
      /* a[hint] <= key: gallop right until a[hint + last] <= key < a[hint + ofs]. */
      maxofs = n - hint;
      while (ofs < maxofs)
        {
          if ((c = lt (st, key, a[hint + ofs])) < 0)
            return -1;
          if (c)
            break;
          last = ofs;
          ofs = (ofs << 1) + 1;
        }
      ofs = MIN (ofs, maxofs);
      last += hint;
      ofs += hint;
    }
  for (last++; last < ofs;)
    {
      gssize m = last + ((ofs - last) >> 1);
      if ((c = lt (st, key, a[m])) < 0)
        return -1;
      if (c)
        ofs = m;
      else
        last = m + 1;
    }
  return ofs;
}

static void
reserve_tmp (Sorter *st, gsize need, gboolean with_values)
{
  if (need <= st->tmp_cap)
    return;
  g_free (st->tmp.k);
  g_free (st->tmp.v);
  st->tmp.k = g_new (HsObject *, need);
  st->tmp.v = with_values ? g_new (HsObject *, need) : NULL;
  st->tmp_cap = need;
}

/* Merges the adjacent sorted runs a[0..na) and b[0..nb) (na <= nb) from the left, with
 * a copied aside; given that b[0] < a[0] and that a's last item is above all of b. */
static int
merge_lo (Sorter *st, Slice a, gssize na, Slice b, gssize nb)
{
  Slice dest = a;
  gssize k;
  int c, min_gallop = st->min_gallop, rc = 0;

  reserve_tmp (st, (gsize)na, a.v != NULL);
  move (st->tmp, 0, a, 0, (gsize)na);
  a = st->tmp;
  move (dest, 0, b, 0, 1);
  dest = at (dest, 1);
  b = at (b, 1);
  if (--nb == 0)
    goto done;
  if (na == 1)
    goto copy_b;
  for (;;)
    {
      gssize acount = 0, bcount = 0;

      /* One item at a time until one run keeps winning. */
      for (;;)
        {
          if ((c = lt (st, b.k[0], a.k[0])) < 0)
            goto fail;
          if (c)
            {
              move (dest, 0, b, 0, 1);
              dest = at (dest, 1);
              b = at (b, 1);
              bcount++;
              acount = 0;
              if (--nb == 0)
                goto done;
              if (bcount >= min_gallop)
                break;
            }
          else
            {
              move (dest, 0, a, 0, 1);
              dest = at (dest, 1);
              a = at (a, 1);
              acount++;
              bcount = 0;
              if (--na == 1)
                goto copy_b;
              if (acount >= min_gallop)
                break;
            }
        }
      /* Gallop while it pays; each round lowers the threshold to get back here. */
      min_gallop++;
      do
        {
          min_gallop -= min_gallop > 1;
          st->min_gallop = min_gallop;
          if ((k = gallop_right (st, b.k[0], a.k, na, 0)) < 0)
            goto fail;
          acount = k;
          if (k > 0)
            {
              move (dest, 0, a, 0, (gsize)k);
              dest = at (dest, k);
              a = at (a, k);
              na -= k;
              if (na == 1)
                goto copy_b;
              /* Only an inconsistent __lt__ can empty a here. */
              if (na == 0)
                goto done;
            }
          move (dest, 0, b, 0, 1);
          dest = at (dest, 1);
          b = at (b, 1);
          if (--nb == 0)
            goto done;

          if ((k = gallop_left (st, a.k[0], b.k, nb, 0)) < 0)
            goto fail;
          bcount = k;
          if (k > 0)
            {
              move (dest, 0, b, 0, (gsize)k);
              dest = at (dest, k);
              b = at (b, k);
              nb -= k;
              if (nb == 0)
                goto done;
            }
          move (dest, 0, a, 0, 1);
          dest = at (dest, 1);
          a = at (a, 1);
          if (--na == 1)
            goto copy_b;
        }
      while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      min_gallop++; /* leaving galloping mode costs */
      st->min_gallop = min_gallop;
    }
fail:
  rc = -1;
done:
  if (na > 0)
    move (dest, 0, a, 0, (gsize)na);
  return rc;
copy_b:
  /* a's last item goes after the rest of b. */
  move (dest, 0, b, 0, (gsize)nb);
  move (dest, nb, a, 0, 1);
  return 0;
}

/* Merges a[0..na) and b[0..nb) (na > nb) from the right, with b copied aside; given
 * that b's last item is below a's last, and that b[0] is above all of a's first. */
static int
merge_hi (Sorter *st, Slice a, gssize na, Slice b, gssize nb)
{
  Slice dest, base_a = a, base_b;
  gssize k;
  int c, min_gallop = st->min_gallop, rc = 0;

  reserve_tmp (st, (gsize)nb, a.v != NULL);
  dest = at (b, nb - 1);
  move (st->tmp, 0, b, 0, (gsize)nb);
  base_b = st->tmp;
  b = at (st->tmp, nb - 1);
  a = at (a, na - 1);
  move (dest, 0, a, 0, 1);
  dest = at (dest, -1);
  a = at (a, -1);
  if (--na == 0)
    goto done;
  if (nb == 1)
    goto copy_a;
  for (;;)
    {
      gssize acount = 0, bcount = 0;

      for (;;)
        {
          if ((c = lt (st, b.k[0], a.k[0])) < 0)
            goto fail;
          if (c)
            {
              move (dest, 0, a, 0, 1);
              dest = at (dest, -1);
              a = at (a, -1);
              acount++;
              bcount = 0;
              if (--na == 0)
                goto done;
              if (acount >= min_gallop)
                break;
            }
          else
            {
              move (dest, 0, b, 0, 1);
              dest = at (dest, -1);
              b = at (b, -1);
              bcount++;
              acount = 0;
              if (--nb == 1)
                goto copy_a;
              if (bcount >= min_gallop)
                break;
            }
        }
      min_gallop++;
      do
        {
          min_gallop -= min_gallop > 1;
          st->min_gallop = min_gallop;
          if ((k = gallop_right (st, b.k[0], base_a.k, na, na - 1)) < 0)
            goto fail;
          k = na - k;
          acount = k;
          if (k > 0)
            {
              dest = at (dest, -k);
              a = at (a, -k);
              move (dest, 1, a, 1, (gsize)k);
              na -= k;
              if (na == 0)
                goto done;
            }
          move (dest, 0, b, 0, 1);
          dest = at (dest, -1);
          b = at (b, -1);
          if (--nb == 1)
            goto copy_a;

          if ((k = gallop_left (st, a.k[0], base_b.k, nb, nb - 1)) < 0)
            goto fail;
          k = nb - k;
          bcount = k;
          if (k > 0)
            {
              dest = at (dest, -k);
              b = at (b, -k);
              move (dest, 1, b, 1, (gsize)k);
              nb -= k;
              if (nb == 1)
                goto copy_a;
              /* Only an inconsistent __lt__ can empty b here. */
              if (nb == 0)
                goto done;
            }
          move (dest, 0, a, 0, 1);
          dest = at (dest, -1);
          a = at (a, -1);
          if (--na == 0)
            goto done;
        }
      while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      min_gallop++;
      st->min_gallop = min_gallop;
    }
fail:
  rc = -1;
done:
  if (nb > 0)
    move (dest, -(nb - 1), base_b, 0, (gsize)nb);
  return rc;
copy_a:
  /* b's first item goes before the rest of a. */
  move (dest, 1 - na, a, 1 - na, (gsize)na);
  dest = at (dest, -na);
  move (dest, 0, b, 0, 1);
  return 0;
}

/* Merges pending runs i and i + 1. */
static int
merge_at (Sorter *st, int i)
{
  Slice a = st->pending[i].base, b = st->pending[i + 1].base;
  gssize na = (gssize)st->pending[i].len, nb = (gssize)st->pending[i + 1].len, k;

  st->pending[i].len += st->pending[i + 1].len;
  if (i == st->npending - 3)
    st->pending[i + 1] = st->pending[i + 2];
  st->npending--;

  /* a's items up to b[0] and b's from a's last on are already in place. */
  if ((k = gallop_right (st, b.k[0], a.k, na, 0)) < 0)
    return -1;
  a = at (a, k);
  na -= k;
  if (na == 0)
    return 0;
  nb = gallop_left (st, a.k[na - 1], b.k, nb, nb - 1);
  if (nb <= 0)
    return (int)nb;
  return na <= nb ? merge_lo (st, a, na, b, nb) : merge_hi (st, a, na, b, nb);
}

/* Powersort's power of the boundary between the run [s1, s1 + n1) and the next one of
 * n2 items: the first bit where the binary fractions of the two runs' midpoints (over
 * n) differ. Doubled midpoints keep the arithmetic in integers. */
static int
boundary_power (gsize s1, gsize n1, gsize n2, gsize n)
{
  gsize a = 2 * s1 + n1, b = a + n1 + n2;
  int power = 0;

  for (;;)
    {
      power++;
      if (a >= n)
        {
          a -= n;
          b -= n;
        }
      else if (b >= n)
        return power;
      a <<= 1;
      b <<= 1;
    }
}

/* A run of n items follows the last pending one: merge what powersort says must go
 * first, then remember the new boundary's power. */
static int
found_run (Sorter *st, gsize n)
{
  Run *p = st->pending;

  if (st->npending > 0)
    {
      Run *last = &p[st->npending - 1];
      int power = boundary_power ((gsize)(last->base.k - st->keys0), last->len, n, st->n);
      while (st->npending > 1 && p[st->npending - 2].power > power)
        if (merge_at (st, st->npending - 2) < 0)
          return -1;
      p[st->npending - 1].power = power;
    }
  return 0;
}

/* A run length in [32, 64] so that n / minrun is a power of two or a little less. */
static gsize
compute_minrun (gsize n)
{
  gsize r = 0;

  while (n >= 64)
    {
      r |= n & 1;
      n >>= 1;
    }
  return n + r;
}

static int
timsort (Sorter *st, Slice s, gsize n)
{
  gsize remaining = n, minrun = compute_minrun (n);

  do
    {
      gboolean descending;
      gssize run = count_run (st, s.k, remaining, &descending);
      if (run < 0)
        return -1;
      if (descending)
        reverse_slice (s, (gsize)run);
      if ((gsize)run < minrun)
        {
          gsize force = MIN (remaining, minrun);
          if (binary_insertion_sort (st, s, force, (gsize)run) < 0)
            return -1;
          run = (gssize)force;
        }
      if (found_run (st, (gsize)run) < 0)
        return -1;
      g_assert (st->npending < MAX_PENDING);
      st->pending[st->npending].base = s;
      st->pending[st->npending].len = (gsize)run;
      st->npending++;
      s = at (s, run);
      remaining -= (gsize)run;
    }
  while (remaining > 0);
  while (st->npending > 1)
    {
      int i = st->npending - 2;
      if (i > 0 && st->pending[i - 1].len < st->pending[i + 1].len)
        i--;
      if (merge_at (st, i) < 0)
        return -1;
    }
  return 0;
}

/* The shared class's richcompare when every key is an instance of the same class. */
static CmpFn
same_class_cmp (HsObject **keys, gsize n)
{
  const HsType *t = keys[0]->type;

  if (!(t->type_flags & HS_TYPE_HEAP))
    return NULL;
  for (gsize i = 1; i < n; i++)
    if (keys[i]->type != t)
      return NULL;
  while (t != NULL && t->richcompare == NULL)
    t = t->base;
  return t != NULL ? t->richcompare : NULL;
}

static gboolean
all_small_ints (HsObject **keys, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!HS_IS (keys[i], &hs_int_type) || !hs_int_is_small (keys[i]))
      return FALSE;
  return TRUE;
}

int
hs_list_sort (HsVM *vm, HsObject *list, HsObject *key, gboolean reverse)
{
  HsList *l = HS_LIST (list);
  HsObject **items = l->items, **keys = NULL, **final;
  gsize n = l->len, cap = l->cap, final_len, final_cap, nkeys = 0;
  int rc = 0;

  if (key == hs_None)
    key = NULL;
  l->items = NULL;
  l->len = l->cap = 0;
  hs_object_mark_dirty_range (vm, list, 0, 0);
  if (key != NULL && n > 0)
    {
      keys = g_new (HsObject *, n);
      for (; nkeys < n; nkeys++)
        if ((keys[nkeys] = hs_object_call (vm, key, &items[nkeys], 1, NULL)) == NULL)
          {
            rc = -1;
            break;
          }
    }
  if (rc == 0 && n > 1)
    {
      Sorter st = { .vm = vm, .n = n, .min_gallop = MIN_GALLOP };
      Slice s = keys != NULL ? (Slice){ keys, items } : (Slice){ items, NULL };

      st.keys0 = s.k;
      st.same_type_cmp = same_class_cmp (s.k, n);
      st.small_ints = all_small_ints (s.k, n);
      if (reverse)
        reverse_slice (s, n);
      rc = timsort (&st, s, n);
      g_free (st.tmp.k);
      g_free (st.tmp.v);
      if (reverse)
        reverse_array (items, n);
    }
  if (rc == 0 && l->items != NULL)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "list modified during sort");
      rc = -1;
    }
  for (gsize i = 0; i < nkeys; i++)
    hs_decref (vm, keys[i]);
  g_free (keys);

  /* Put the items back; whatever was put into the list meanwhile is dropped. */
  final = l->items;
  final_len = l->len;
  final_cap = l->cap;
  l->items = items;
  l->len = n;
  l->cap = cap;
  hs_object_mark_dirty_range (vm, list, 0, n);
  for (gsize i = 0; i < final_len; i++)
    hs_decref (vm, final[i]);
  hs_mem_realloc (vm, final, final_cap * sizeof (HsObject *), 0);
  return rc;
}
