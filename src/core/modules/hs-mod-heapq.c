/* hs-mod-heapq.c — the `heapq` module: a binary min-heap kept in a plain list.
 *
 * Invariant: every function keeps heap[k] <= heap[2k+1] and heap[k] <= heap[2k+2] for the
 * list it is given, comparing with `<` only, and moves items exactly as CPython's
 * _heapq does (siftdown/siftup), so a learner who prints the list after each call sees
 * CPython's order. The list is changed in place and marked dirty at each move.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-tuple.h"
#include "hs-module.h"

static gboolean
list_arg (HsVM *vm, const char *fname, HsObject *o)
{
  if (hs_list_check (o))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "%s() argument 1 must be list, not %s", fname,
                 hs_type_name (o));
  return FALSE;
}

/* a < b: 1, 0, -1 */
static int
less (HsVM *vm, HsObject *a, HsObject *b)
{
  int r;
  hs_incref (a);
  hs_incref (b);
  r = hs_object_richcompare_bool (vm, a, b, HS_CMP_LT);
  hs_decref (vm, a);
  hs_decref (vm, b);
  return r;
}

static void
swap_in (HsVM *vm, HsObject *heap, gsize i, HsObject *item)
{
  hs_list_set_item (vm, heap, i, item);
}

/* Moves heap[pos] up towards start while it is smaller than its parent. */
static int
siftdown (HsVM *vm, HsObject *heap, gsize start, gsize pos)
{
  HsObject *item = hs_incref (hs_list_get_borrow (heap, pos));
  int r = 0;
  while (pos > start)
    {
      gsize parent = (pos - 1) >> 1;
      HsObject *p = hs_list_get_borrow (heap, parent);
      if ((r = less (vm, item, p)) <= 0)
        break;
      if (pos >= hs_list_len (heap) || parent >= hs_list_len (heap))
        {
          hs_err_set_string (vm, &hs_exc_RuntimeError, "list changed size during iteration");
          r = -1;
          break;
        }
      swap_in (vm, heap, pos, p);
      pos = parent;
    }
  if (r >= 0 && pos < hs_list_len (heap))
    swap_in (vm, heap, pos, item);
  hs_decref (vm, item);
  return r < 0 ? -1 : 0;
}

/* The smaller child moves up until a leaf is reached, then item sifts down (CPython's). */
static int
siftup (HsVM *vm, HsObject *heap, gsize pos)
{
  gsize end = hs_list_len (heap), start = pos, child = 2 * pos + 1;
  HsObject *item = hs_incref (hs_list_get_borrow (heap, pos));
  while (child < end)
    {
      gsize right = child + 1;
      if (right < end)
        {
          int r = less (vm, hs_list_get_borrow (heap, child), hs_list_get_borrow (heap, right));
          if (r < 0)
            {
              hs_decref (vm, item);
              return -1;
            }
          if (!r)
            child = right;
        }
      if (end != hs_list_len (heap))
        {
          hs_err_set_string (vm, &hs_exc_RuntimeError, "list changed size during iteration");
          hs_decref (vm, item);
          return -1;
        }
      swap_in (vm, heap, pos, hs_list_get_borrow (heap, child));
      pos = child;
      child = 2 * pos + 1;
    }
  swap_in (vm, heap, pos, item);
  hs_decref (vm, item);
  return siftdown (vm, heap, start, pos);
}

static HsObject *
hq_heappush (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *heap = NULL, *item = NULL;
  if (!hs_parse_args (vm, "heappush", args, nargs, kwnames, "heap item /", &heap, &item)
      || !list_arg (vm, "heappush", heap) || hs_list_append (vm, heap, item) < 0)
    return NULL;
  return siftdown (vm, heap, 0, hs_list_len (heap) - 1) < 0 ? NULL : hs_None;
}

/* Removes and returns the last item. */
static HsObject *
pop_last (HsVM *vm, HsObject *heap)
{
  gsize n = hs_list_len (heap);
  HsObject *last, *pop, *r;
  if (n == 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "index out of range");
      return NULL;
    }
  last = hs_incref (hs_list_get_borrow (heap, n - 1));
  pop = hs_object_getattr_cstr (vm, heap, "pop");
  r = pop ? hs_object_call (vm, pop, NULL, 0, NULL) : NULL;
  hs_xdecref (vm, pop);
  hs_xdecref (vm, r);
  if (r == NULL)
    HS_CLEAR (vm, last);
  return last;
}

static HsObject *
hq_heappop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *heap = NULL, *last, *top;
  if (!hs_parse_args (vm, "heappop", args, nargs, kwnames, "!heap", &heap)
      || !list_arg (vm, "heappop", heap) || (last = pop_last (vm, heap)) == NULL)
    return NULL;
  if (hs_list_len (heap) == 0)
    return last;
  top = hs_incref (hs_list_get_borrow (heap, 0));
  swap_in (vm, heap, 0, last);
  hs_decref (vm, last);
  if (siftup (vm, heap, 0) < 0)
    HS_CLEAR (vm, top);
  return top;
}

/* heapreplace (pop, then push) and heappushpop (push, then pop) */
static HsObject *
replace (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
         gboolean push_first)
{
  HsObject *heap = NULL, *item = NULL, *top;
  int lt;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "heap item /", &heap, &item)
      || !list_arg (vm, fname, heap))
    return NULL;
  if (hs_list_len (heap) == 0)
    {
      if (push_first)
        return hs_incref (item);
      hs_err_set_string (vm, &hs_exc_IndexError, "index out of range");
      return NULL;
    }
  if (push_first)
    {
      if ((lt = less (vm, hs_list_get_borrow (heap, 0), item)) <= 0)
        return lt < 0 ? NULL : hs_incref (item);
    }
  top = hs_incref (hs_list_get_borrow (heap, 0));
  swap_in (vm, heap, 0, item);
  if (siftup (vm, heap, 0) < 0)
    HS_CLEAR (vm, top);
  return top;
}

static HsObject *
hq_heapreplace (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return replace (vm, "heapreplace", args, nargs, kwnames, FALSE);
}

static HsObject *
hq_heappushpop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return replace (vm, "heappushpop", args, nargs, kwnames, TRUE);
}

static HsObject *
hq_heapify (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *heap = NULL;
  if (!hs_parse_args (vm, "heapify", args, nargs, kwnames, "!heap", &heap)
      || !list_arg (vm, "heapify", heap))
    return NULL;
  for (gsize i = hs_list_len (heap) / 2; i > 0; i--)
    if (siftup (vm, heap, i - 1) < 0)
      return NULL;
  return hs_None;
}

/* nsmallest/nlargest: sorted(iterable, key=key)[:n] (reverse for nlargest), which is
 * what CPython's results equal, ties in the order of the iterable. */
static HsObject *
n_extreme (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
           gboolean largest)
{
  HsObject *n_obj = NULL, *iterable = NULL, *key = NULL, *list, *r;
  gssize n;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@n iterable|key", &n_obj, &iterable, &key))
    return NULL;
  if ((n = hs_int_as_ssize_index (vm, n_obj)) == -1 && hs_err_occurred (vm))
    return NULL;
  if ((list = hs_list_from_iterable (vm, iterable)) == NULL)
    return NULL;
  if (hs_list_sort (vm, list, key, largest) < 0)
    {
      hs_decref (vm, list);
      return NULL;
    }
  n = CLAMP (n, 0, (gssize)hs_list_len (list));
  r = hs_list_from_array (vm, hs_list_items (list), (gsize)n);
  hs_decref (vm, list);
  return r;
}

static HsObject *
hq_nsmallest (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return n_extreme (vm, "nsmallest", args, nargs, kwnames, FALSE);
}

static HsObject *
hq_nlargest (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return n_extreme (vm, "nlargest", args, nargs, kwnames, TRUE);
}

static const HsMethodDef heapq_functions[] = {
  { "heappush", hq_heappush },       { "heappop", hq_heappop },
  { "heapify", hq_heapify },         { "heapreplace", hq_heapreplace },
  { "heappushpop", hq_heappushpop }, { "nsmallest", hq_nsmallest },
  { "nlargest", hq_nlargest },       { NULL, NULL },
};

int
hs_mod_heapq_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_functions (vm, dict, heapq_functions);
}
