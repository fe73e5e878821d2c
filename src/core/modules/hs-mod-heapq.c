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
#include "hs-str.h"

static gboolean
list_arg (HsVM *vm, const char *fname, HsObject *o)
{
  if (hs_list_check (o))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "%s() argument 1 must be list, not %s", fname,
                 hs_type_name (o));
  return FALSE;
}

/* Whether a goes above b: a < b, or in a max-heap (merge's reverse=True) b < a; 1, 0, -1 */
static int
less (HsVM *vm, gboolean max, HsObject *a, HsObject *b)
{
  int r;
  hs_incref (a);
  hs_incref (b);
  r = hs_object_richcompare_bool (vm, max ? b : a, max ? a : b, HS_CMP_LT);
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
siftdown (HsVM *vm, HsObject *heap, gsize start, gsize pos, gboolean max)
{
  HsObject *item = hs_incref (hs_list_get_borrow (heap, pos));
  int r = 0;
  while (pos > start)
    {
      gsize parent = (pos - 1) >> 1;
      HsObject *p = hs_list_get_borrow (heap, parent);
      if ((r = less (vm, max, item, p)) <= 0)
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
siftup (HsVM *vm, HsObject *heap, gsize pos, gboolean max)
{
  gsize end = hs_list_len (heap), start = pos, child = 2 * pos + 1;
  HsObject *item = hs_incref (hs_list_get_borrow (heap, pos));
  while (child < end)
    {
      gsize right = child + 1;
      if (right < end)
        {
          int r
              = less (vm, max, hs_list_get_borrow (heap, child), hs_list_get_borrow (heap, right));
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
  return siftdown (vm, heap, start, pos, max);
}

static HsObject *
hq_heappush (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *heap = NULL, *item = NULL;
  if (!hs_parse_args (vm, "heappush", args, nargs, kwnames, "heap item /", &heap, &item)
      || !list_arg (vm, "heappush", heap) || hs_list_append (vm, heap, item) < 0)
    return NULL;
  return siftdown (vm, heap, 0, hs_list_len (heap) - 1, FALSE) < 0 ? NULL : hs_None;
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

/* The top of the heap, removed (new reference) */
static HsObject *
heap_pop (HsVM *vm, HsObject *heap, gboolean max)
{
  HsObject *last = pop_last (vm, heap), *top;
  if (last == NULL || hs_list_len (heap) == 0)
    return last;
  top = hs_incref (hs_list_get_borrow (heap, 0));
  swap_in (vm, heap, 0, last);
  hs_decref (vm, last);
  if (siftup (vm, heap, 0, max) < 0)
    HS_CLEAR (vm, top);
  return top;
}

static HsObject *
hq_heappop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *heap = NULL;
  if (!hs_parse_args (vm, "heappop", args, nargs, kwnames, "!heap", &heap)
      || !list_arg (vm, "heappop", heap))
    return NULL;
  return heap_pop (vm, heap, FALSE);
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
      if ((lt = less (vm, FALSE, hs_list_get_borrow (heap, 0), item)) <= 0)
        return lt < 0 ? NULL : hs_incref (item);
    }
  top = hs_incref (hs_list_get_borrow (heap, 0));
  swap_in (vm, heap, 0, item);
  if (siftup (vm, heap, 0, FALSE) < 0)
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

static int
heapify (HsVM *vm, HsObject *heap, gboolean max)
{
  for (gsize i = hs_list_len (heap) / 2; i > 0; i--)
    if (siftup (vm, heap, i - 1, max) < 0)
      return -1;
  return 0;
}

static HsObject *
hq_heapify (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *heap = NULL;
  if (!hs_parse_args (vm, "heapify", args, nargs, kwnames, "!heap", &heap)
      || !list_arg (vm, "heapify", heap) || heapify (vm, heap, FALSE) < 0)
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

/* ---- merge ------------------------------------------------------------------------ */

/* heapq.merge(*iterables, key=None, reverse=False): CPython's generator, step by step. Its
 * heap `h` is a list of entries [value, order, iterator] ([key(value), order, value,
 * iterator] with a key), compared as lists (so ties go by order), kept by the same sifts as
 * heapq's (max-heap ones for reverse, the order then negated); started at the first next(). */
typedef enum
{
  MERGE_START,
  MERGE_HEAP, /* two or more iterators left: yield the top, advance it at the next call */
  MERGE_TAIL, /* one left: the rest of it */
  MERGE_DONE,
} MergeState;

typedef struct
{
  HsObject header;
  HsObject *iterables; /* tuple, until started */
  HsObject *key;       /* NULL: none */
  HsObject *h;         /* list of entries, once started */
  HsObject *tail;      /* the last iterator */
  MergeState state;
  gboolean max;
  gboolean advance; /* the top entry's value was yielded */
} Merge;

#define MERGE(o) ((Merge *)(o))

static void
merge_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, MERGE (self)->iterables);
  HS_CLEAR (vm, MERGE (self)->key);
  HS_CLEAR (vm, MERGE (self)->h);
  HS_CLEAR (vm, MERGE (self)->tail);
}

static void
merge_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  static const char *const names[] = { "iterables", "key", "h", "tail" };
  HsObject *refs[]
      = { MERGE (self)->iterables, MERGE (self)->key, MERGE (self)->h, MERGE (self)->tail };
  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    if (refs[i] != NULL)
      hs_visit_named (visit, refs[i], HS_REF_ATTR, names[i], data);
}

static HsObject *
merge_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_format (vm, "<generator object merge at %p>", hs_object_address (self));
}

/* Sets entry[0] (and entry[2] with a key) for `value`; -1 on an error of the key. */
static int
merge_set_value (HsVM *vm, Merge *m, HsObject *entry, HsObject *value)
{
  if (m->key != NULL)
    {
      HsObject *k = hs_object_call (vm, m->key, &value, 1, NULL);
      if (k == NULL)
        return -1;
      hs_list_set_item (vm, entry, 0, k);
      hs_decref (vm, k);
      hs_list_set_item (vm, entry, 2, value);
    }
  else
    hs_list_set_item (vm, entry, 0, value);
  return 0;
}

/* The first value of each iterable into h, then heapify. */
static int
merge_start (HsVM *vm, Merge *m)
{
  gsize n = hs_tuple_len (m->iterables);
  if ((m->h = hs_list_new (vm, 0)) == NULL)
    return -1;
  hs_object_mark_dirty (vm, &m->header); /* each change of its fields, for the trace */
  for (gsize i = 0; i < n; i++)
    {
      HsObject *it = hs_object_iter (vm, hs_tuple_get_borrow (m->iterables, i)), *value, *entry;
      if (it == NULL)
        return -1;
      if ((value = hs_iter_next (vm, it)) == NULL)
        {
          hs_decref (vm, it);
          if (hs_err_occurred (vm))
            return -1;
          continue;
        }
      HsObject *order = hs_int_from_i64 (vm, m->max ? -(gint64)i : (gint64)i);
      entry = m->key != NULL ? hs_list_from_array (vm, (HsObject *[]){ value, order, value, it }, 4)
                             : hs_list_from_array (vm, (HsObject *[]){ value, order, it }, 3);
      hs_decref (vm, order);
      hs_decref (vm, it);
      int r = entry != NULL ? merge_set_value (vm, m, entry, value) : -1;
      hs_decref (vm, value);
      if (r < 0)
        hs_xdecref (vm, entry);
      if (r < 0 || hs_list_append_take (vm, m->h, entry) < 0)
        return -1;
    }
  HS_CLEAR (vm, m->iterables);
  hs_object_mark_dirty (vm, &m->header);
  return heapify (vm, m->h, m->max);
}

/* The next value of the top entry's iterator into it, or the entry popped when it is
 * exhausted; -1 on an error. */
static int
merge_advance (HsVM *vm, Merge *m)
{
  HsObject *top = hs_list_get_borrow (m->h, 0);
  HsObject *it = hs_list_get_borrow (top, m->key != NULL ? 3 : 2);
  HsObject *value = hs_iter_next (vm, it);
  if (value == NULL)
    {
      if (hs_err_occurred (vm))
        return -1;
      HsObject *popped = heap_pop (vm, m->h, m->max);
      hs_xdecref (vm, popped);
      return popped != NULL ? 0 : -1;
    }
  int r = merge_set_value (vm, m, top, value);
  hs_decref (vm, value);
  return r < 0 ? -1 : siftup (vm, m->h, 0, m->max);
}

static HsObject *
merge_next (HsVM *vm, HsObject *self)
{
  Merge *m = MERGE (self);
  if (m->state == MERGE_START)
    {
      m->state = MERGE_DONE; /* an error ends the generator, as CPython's */
      if (merge_start (vm, m) < 0)
        return NULL;
      m->state = MERGE_HEAP;
    }
  if (m->state == MERGE_TAIL)
    {
      HsObject *v = hs_iter_next (vm, m->tail);
      if (v == NULL)
        m->state = MERGE_DONE;
      return v;
    }
  if (m->state == MERGE_DONE)
    return NULL;
  if (m->advance)
    {
      m->advance = FALSE;
      if (merge_advance (vm, m) < 0)
        {
          m->state = MERGE_DONE;
          return NULL;
        }
    }
  gsize n = hs_list_len (m->h);
  if (n == 0)
    {
      m->state = MERGE_DONE;
      return NULL;
    }
  HsObject *top = hs_list_get_borrow (m->h, 0);
  if (n == 1)
    {
      m->state = MERGE_TAIL;
      m->tail = hs_incref (hs_list_get_borrow (top, m->key != NULL ? 3 : 2));
      hs_object_mark_dirty (vm, self);
    }
  else
    m->advance = TRUE;
  return hs_incref (hs_list_get_borrow (top, m->key != NULL ? 2 : 0));
}

static HsObject *
merge_iter (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static HsType merge_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "generator",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (Merge),
  .dealloc = merge_dealloc,
  .refs = merge_refs,
  .clear = merge_dealloc,
  .repr = merge_repr,
  .iter = merge_iter,
  .iternext = merge_next,
};

static HsObject *
hq_merge (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key = hs_None, *reverse = hs_False;
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  for (gsize i = 0; i < nkw; i++)
    {
      HsObject *name = hs_tuple_get_borrow (kwnames, i);
      if (hs_str_equal_cstr (name, "key"))
        key = args[nargs + i];
      else if (hs_str_equal_cstr (name, "reverse"))
        reverse = args[nargs + i];
      else
        {
          hs_err_format (vm, &hs_exc_TypeError, "merge() got an unexpected keyword argument '%s'",
                         hs_str_utf8 (name));
          return NULL;
        }
    }
  int max = hs_object_truth (vm, reverse);
  Merge *m;
  if (max < 0 || (m = (Merge *)hs_object_alloc (vm, &merge_type, sizeof (Merge))) == NULL)
    return NULL;
  m->max = max;
  m->key = key != hs_None ? hs_incref (key) : NULL;
  m->iterables = hs_tuple_from_array (vm, args, nargs);
  hs_gc_track (vm, &m->header);
  if (m->iterables == NULL)
    {
      hs_decref (vm, &m->header);
      return NULL;
    }
  return &m->header;
}

static const HsMethodDef heapq_functions[] = {
  { "heappush", hq_heappush },
  { "heappop", hq_heappop },
  { "heapify", hq_heapify },
  { "heapreplace", hq_heapreplace },
  { "heappushpop", hq_heappushpop },
  { "nsmallest", hq_nsmallest },
  { "nlargest", hq_nlargest },
  { "merge", hq_merge },
  { NULL, NULL },
};

void
hs_mod_heapq_runtime_init (void)
{
  hs_type_ready (&merge_type);
}

int
hs_mod_heapq_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_functions (vm, dict, heapq_functions);
}
