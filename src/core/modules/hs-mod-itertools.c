/* hs-mod-itertools.c — the `itertools` module.
 *
 * Invariant: every itertools object is one struct (ItObj) whose type says how `next`
 * reads it; it owns what it iterates (its source iterator, function, saved items) and
 * shows it through refs. The lazy ones (count, cycle, repeat, chain, islice,
 * accumulate, takewhile, dropwhile, filterfalse, compress, starmap, pairwise, zip_longest,
 * groupby and its groups) pull from their source only when asked, as CPython's do, so a
 * key function runs at CPython's moments; the combinatoric ones (product, permutations,
 * combinations, combinations_with_replacement) compute their results when made, in
 * CPython's order, and hand them out one by one. tee's iterators share the blocks of
 * items they read (CPython's teedataobject), each block kept while a tee still needs it.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject *src;     /* the source iterator (chain: of iterables; compress: data) */
  HsObject *fn;      /* function, predicate, repeated object, selectors or fill value */
  HsObject *saved;   /* cycle: saved items; accumulate: the total; chain/zip_longest: iterators;
                      * the eager ones: their results (a list) */
  HsObject *start;   /* count: the current value; count's step in fn */
  HsObject *extra;   /* groupby: the key of the last group */
  gssize i, n, step; /* islice: next index to yield, stop, step; repeat: times left */
  gboolean flag;     /* dropwhile: done dropping; cycle: source exhausted; accumulate: started */
} ItObj;

#define IT(o) ((ItObj *)(o))

static void
it_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, IT (self)->src);
  HS_CLEAR (vm, IT (self)->fn);
  HS_CLEAR (vm, IT (self)->saved);
  HS_CLEAR (vm, IT (self)->start);
  HS_CLEAR (vm, IT (self)->extra);
}

static void
it_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsObject *refs[]
      = { IT (self)->src, IT (self)->fn, IT (self)->saved, IT (self)->start, IT (self)->extra };
  for (gsize i = 0; i < G_N_ELEMENTS (refs); i++)
    if (refs[i] != NULL)
      hs_visit (visit, refs[i], data);
}

static HsObject *
it_self (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
it_new (HsVM *vm, HsType *type)
{
  HsObject *o = hs_object_alloc (vm, type, sizeof (ItObj));
  if (o != NULL)
    hs_gc_track (vm, o);
  return o;
}

/* A new itertools object with its source iterator made from `iterable`. */
static HsObject *
it_over (HsVM *vm, HsType *type, HsObject *iterable)
{
  HsObject *src = hs_object_iter (vm, iterable), *o;
  if (src == NULL)
    return NULL;
  if ((o = it_new (vm, type)) == NULL)
    {
      hs_decref (vm, src);
      return NULL;
    }
  IT (o)->src = src;
  return o;
}

#define IT_TYPE(var, tname, repr_fn, next_fn, construct_fn, methods_)                              \
  static HsType var = {                                                                            \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = tname,                                                                                 \
    .module = "itertools",                                                                         \
    .tp_name = "itertools." tname,                                                                 \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC,                                                                      \
    .basicsize = sizeof (ItObj),                                                                   \
    .dealloc = it_dealloc,                                                                         \
    .refs = it_refs,                                                                               \
    .clear = it_dealloc,                                                                           \
    .repr = repr_fn,                                                                               \
    .iter = it_self,                                                                               \
    .iternext = next_fn,                                                                           \
    .construct = construct_fn,                                                                     \
    .methods = methods_,                                                                           \
  }

/* ---- count, repeat, cycle ---------------------------------------------------------- */

static HsObject *
count_next (HsVM *vm, HsObject *self)
{
  HsObject *cur = IT (self)->start, *next = hs_number_binop (vm, HS_BIN_ADD, cur, IT (self)->fn);
  if (next == NULL)
    return NULL;
  IT (self)->start = next;
  return cur; /* the reference the object held */
}

static gboolean
is_number (HsObject *o)
{
  return hs_int_check (o) || HS_IS (o, &hs_float_type);
}

static HsObject *
count_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *start = NULL, *step = NULL, *o;
  if (!hs_parse_args (vm, "count", args, nargs, kwnames, "|start step", &start, &step))
    return NULL;
  if ((start != NULL && !is_number (start)) || (step != NULL && !is_number (step)))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "a number is required");
      return NULL;
    }
  if ((o = it_new (vm, type)) == NULL)
    return NULL;
  IT (o)->start = start ? hs_incref (start) : hs_int_from_i64 (vm, 0);
  IT (o)->fn = step ? hs_incref (step) : hs_int_from_i64 (vm, 1);
  return o;
}

static HsObject *
count_repr (HsVM *vm, HsObject *self)
{
  HsObject *a = hs_object_repr (vm, IT (self)->start), *b, *r = NULL;
  gboolean one = hs_int_is_small (IT (self)->fn) && hs_int_small_value (IT (self)->fn) == 1;
  b = a ? hs_object_repr (vm, IT (self)->fn) : NULL;
  if (b != NULL)
    r = one ? hs_str_from_format (vm, "count(%s)", hs_str_utf8 (a))
            : hs_str_from_format (vm, "count(%s, %s)", hs_str_utf8 (a), hs_str_utf8 (b));
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return r;
}

IT_TYPE (count_type, "count", count_repr, count_next, count_construct, NULL);

static HsObject *
repeat_next (HsVM *vm, HsObject *self)
{
  if (IT (self)->n == 0)
    return NULL;
  if (IT (self)->n > 0)
    IT (self)->n--;
  return hs_incref (IT (self)->fn);
}

static HsObject *
repeat_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *times = NULL, *o;
  gssize n = -1;
  if (!hs_parse_args (vm, "repeat", args, nargs, kwnames, "object|times", &obj, &times))
    return NULL;
  if (times != NULL && (n = hs_int_as_ssize_index (vm, times)) == -1 && hs_err_occurred (vm))
    return NULL;
  if ((o = it_new (vm, type)) == NULL)
    return NULL;
  IT (o)->fn = hs_incref (obj);
  IT (o)->n = times != NULL ? MAX (n, 0) : -1;
  return o;
}

static HsObject *
repeat_repr (HsVM *vm, HsObject *self)
{
  HsObject *a = hs_object_repr (vm, IT (self)->fn), *r;
  if (a == NULL)
    return NULL;
  r = IT (self)->n < 0 ? hs_str_from_format (vm, "repeat(%s)", hs_str_utf8 (a))
                       : hs_str_from_format (vm, "repeat(%s, %" G_GSSIZE_FORMAT ")",
                                             hs_str_utf8 (a), IT (self)->n);
  hs_decref (vm, a);
  return r;
}

IT_TYPE (repeat_type, "repeat", repeat_repr, repeat_next, repeat_construct, NULL);

static HsObject *
cycle_next (HsVM *vm, HsObject *self)
{
  ItObj *c = IT (self);
  HsObject *item;
  if (!c->flag)
    {
      if ((item = hs_iter_next (vm, c->src)) != NULL)
        return hs_list_append (vm, c->saved, item) < 0 ? (hs_decref (vm, item), NULL) : item;
      if (hs_err_occurred (vm))
        return NULL;
      c->flag = TRUE;
    }
  if (hs_list_len (c->saved) == 0)
    return NULL;
  item = hs_incref (hs_list_get_borrow (c->saved, (gsize)c->i));
  c->i = (c->i + 1) % (gssize)hs_list_len (c->saved);
  return item;
}

static HsObject *
cycle_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *o;
  if (!hs_parse_args (vm, "cycle", args, nargs, kwnames, "iterable /", &iterable)
      || (o = it_over (vm, type, iterable)) == NULL)
    return NULL;
  if ((IT (o)->saved = hs_list_new (vm, 0)) == NULL)
    HS_CLEAR (vm, o);
  return o;
}

IT_TYPE (cycle_type, "cycle", NULL, cycle_next, cycle_construct, NULL);

/* ---- chain ------------------------------------------------------------------------- */

/* src: iterator over the iterables; saved: the current one's iterator */
static HsObject *
chain_next (HsVM *vm, HsObject *self)
{
  ItObj *c = IT (self);
  for (;;)
    {
      HsObject *item, *next;
      if (c->saved != NULL)
        {
          if ((item = hs_iter_next (vm, c->saved)) != NULL || hs_err_occurred (vm))
            return item;
          HS_CLEAR (vm, c->saved);
        }
      if (c->src == NULL || (next = hs_iter_next (vm, c->src)) == NULL)
        {
          if (c->src != NULL && !hs_err_occurred (vm))
            HS_CLEAR (vm, c->src);
          return NULL;
        }
      c->saved = hs_object_iter (vm, next);
      hs_decref (vm, next);
      if (c->saved == NULL)
        return NULL;
    }
}

static HsObject *
chain_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t, *o;
  if (!hs_parse_no_kwargs (vm, "chain", kwnames)
      || (t = hs_tuple_from_array (vm, args, nargs)) == NULL)
    return NULL;
  o = it_over (vm, type, t);
  hs_decref (vm, t);
  return o;
}

static HsType chain_type;

static HsObject *
chain_from_iterable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL;
  if (!hs_parse_args (vm, "from_iterable", args + 1, nargs - 1, kwnames, "!iterable", &iterable))
    return NULL;
  return it_over (vm, (HsType *)args[0], iterable);
}

static const HsMethodDef chain_methods[] = {
  { "from_iterable", chain_from_iterable, HS_METH_CLASS },
  { NULL, NULL },
};

IT_TYPE (chain_type, "chain", NULL, chain_next, chain_construct, chain_methods);

/* ---- islice ------------------------------------------------------------------------ */

/* islice's start, stop or step: dflt for None, else CPython's PyNumber_AsSsize_t with its
 * error dropped (-1 for what is no int or does not fit), which islice_construct judges as
 * CPython's islice_new does */
static gssize
slice_arg (HsVM *vm, HsObject *o, gssize dflt)
{
  gssize v;
  if (o == hs_None)
    return dflt;
  if (!hs_int_arg_ssize (vm, o, &v))
    {
      hs_err_clear (vm);
      return -1;
    }
  return v;
}

/* i: items consumed so far; n: the next index to yield; start holds the stop (an int) */
static HsObject *
islice_next (HsVM *vm, HsObject *self)
{
  ItObj *s = IT (self);
  gssize stop = s->start ? hs_int_small_value (s->start) : -1;
  HsObject *item;
  if (s->src == NULL)
    return NULL;
  while (stop < 0 || s->n < stop)
    {
      if ((item = hs_iter_next (vm, s->src)) == NULL)
        break;
      if (s->i++ == s->n)
        {
          s->n += s->step;
          if (stop >= 0 && s->n > stop)
            s->n = stop;
          return item;
        }
      hs_decref (vm, item);
    }
  if (!hs_err_occurred (vm))
    HS_CLEAR (vm, s->src);
  return NULL;
}

static HsObject *
islice_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o;
  gssize start = 0, stop = -1, step = 1;

  if (!hs_parse_no_kwargs (vm, "islice", kwnames))
    return NULL;
  if (nargs < 2 || nargs > 4)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     nargs < 2 ? "islice expected at least 2 arguments, got %" G_GSIZE_FORMAT
                               : "islice expected at most 4 arguments, got %" G_GSIZE_FORMAT,
                     nargs);
      return NULL;
    }
  if (nargs > 2)
    start = slice_arg (vm, args[1], 0);
  HsObject *stop_arg = args[nargs == 2 ? 1 : 2];
  if ((stop = slice_arg (vm, stop_arg, -1)) == -1 && stop_arg != hs_None)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "Stop argument for islice() must be None or an "
                         "integer: 0 <= x <= sys.maxsize.");
      return NULL;
    }
  if (start < 0 || stop < -1)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
      return NULL;
    }
  if (nargs == 4)
    step = slice_arg (vm, args[3], 1);
  if (step < 1)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "Step for islice() must be a positive integer or None.");
      return NULL;
    }
  if ((o = it_over (vm, type, args[0])) == NULL)
    return NULL;
  IT (o)->n = stop >= 0 ? MIN (start, stop) : start;
  IT (o)->step = step;
  IT (o)->start = stop >= 0 ? hs_int_from_i64 (vm, stop) : NULL;
  return o;
}

IT_TYPE (islice_type, "islice", NULL, islice_next, islice_construct, NULL);

/* ---- accumulate, starmap, takewhile, dropwhile, filterfalse, compress, pairwise ---- */

static HsObject *
accumulate_next (HsVM *vm, HsObject *self)
{
  ItObj *a = IT (self);
  HsObject *item, *total;
  if (a->saved != NULL && !a->flag)
    {
      a->flag = TRUE; /* the initial value comes first */
      return hs_incref (a->saved);
    }
  if ((item = hs_iter_next (vm, a->src)) == NULL)
    return NULL;
  a->flag = TRUE;
  if (a->saved == NULL)
    {
      a->saved = hs_incref (item);
      return item;
    }
  if (a->fn != NULL)
    {
      HsObject *pair[2] = { a->saved, item };
      total = hs_object_call (vm, a->fn, pair, 2, NULL);
    }
  else
    total = hs_number_binop (vm, HS_BIN_ADD, a->saved, item);
  hs_decref (vm, item);
  if (total == NULL)
    return NULL;
  hs_decref (vm, a->saved);
  a->saved = hs_incref (total);
  return total;
}

static HsObject *
accumulate_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *func = NULL, *initial = NULL, *o;
  if (!hs_parse_args (vm, "accumulate", args, nargs, kwnames, "iterable|func $initial", &iterable,
                      &func, &initial)
      || (o = it_over (vm, type, iterable)) == NULL)
    return NULL;
  IT (o)->fn = func != NULL && func != hs_None ? hs_incref (func) : NULL;
  IT (o)->saved = initial != NULL && initial != hs_None ? hs_incref (initial) : NULL;
  return o;
}

IT_TYPE (accumulate_type, "accumulate", NULL, accumulate_next, accumulate_construct, NULL);

static HsObject *
starmap_next (HsVM *vm, HsObject *self)
{
  HsObject *args = hs_iter_next (vm, IT (self)->src), *t, *r;
  if (args == NULL)
    return NULL;
  t = hs_tuple_from_iterable (vm, args);
  hs_decref (vm, args);
  if (t == NULL)
    return NULL;
  r = hs_object_call (vm, IT (self)->fn, hs_tuple_items (t), hs_tuple_len (t), NULL);
  hs_decref (vm, t);
  return r;
}

/* (function, iterable) constructors: starmap, takewhile, dropwhile, filterfalse */
static HsObject *
fn_iter_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fn = NULL, *iterable = NULL, *o;
  if (!hs_parse_args (vm, type->name, args, nargs, kwnames, "function iterable /", &fn, &iterable)
      || (o = it_over (vm, type, iterable)) == NULL)
    return NULL;
  IT (o)->fn = hs_incref (fn);
  return o;
}

IT_TYPE (starmap_type, "starmap", NULL, starmap_next, fn_iter_construct, NULL);

/* pred(item) (item itself when pred is None): 1, 0, -1 */
static int
test_item (HsVM *vm, HsObject *pred, HsObject *item)
{
  HsObject *r;
  int t;
  if (pred == hs_None)
    return hs_object_truth (vm, item);
  if ((r = hs_object_call (vm, pred, &item, 1, NULL)) == NULL)
    return -1;
  t = hs_object_truth (vm, r);
  hs_decref (vm, r);
  return t;
}

static HsObject *
takewhile_next (HsVM *vm, HsObject *self)
{
  HsObject *item;
  int t;
  if (IT (self)->flag || (item = hs_iter_next (vm, IT (self)->src)) == NULL)
    return NULL;
  if ((t = test_item (vm, IT (self)->fn, item)) > 0)
    return item;
  hs_decref (vm, item);
  IT (self)->flag = t == 0;
  return NULL;
}

IT_TYPE (takewhile_type, "takewhile", NULL, takewhile_next, fn_iter_construct, NULL);

static HsObject *
dropwhile_next (HsVM *vm, HsObject *self)
{
  HsObject *item;
  int t;
  while ((item = hs_iter_next (vm, IT (self)->src)) != NULL)
    {
      if (IT (self)->flag)
        return item;
      if ((t = test_item (vm, IT (self)->fn, item)) == 0)
        {
          IT (self)->flag = TRUE;
          return item;
        }
      hs_decref (vm, item);
      if (t < 0)
        return NULL;
    }
  return NULL;
}

IT_TYPE (dropwhile_type, "dropwhile", NULL, dropwhile_next, fn_iter_construct, NULL);

static HsObject *
filterfalse_next (HsVM *vm, HsObject *self)
{
  HsObject *item;
  int t;
  while ((item = hs_iter_next (vm, IT (self)->src)) != NULL)
    {
      if ((t = test_item (vm, IT (self)->fn, item)) == 0)
        return item;
      hs_decref (vm, item);
      if (t < 0)
        return NULL;
    }
  return NULL;
}

IT_TYPE (filterfalse_type, "filterfalse", NULL, filterfalse_next, fn_iter_construct, NULL);

/* src: data, fn: the selectors' iterator */
static HsObject *
compress_next (HsVM *vm, HsObject *self)
{
  HsObject *item, *sel;
  int t;
  while ((item = hs_iter_next (vm, IT (self)->src)) != NULL)
    {
      if ((sel = hs_iter_next (vm, IT (self)->fn)) == NULL)
        {
          hs_decref (vm, item);
          return NULL;
        }
      t = hs_object_truth (vm, sel);
      hs_decref (vm, sel);
      if (t > 0)
        return item;
      hs_decref (vm, item);
      if (t < 0)
        return NULL;
    }
  return NULL;
}

static HsObject *
compress_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *data = NULL, *selectors = NULL, *o;
  if (!hs_parse_args (vm, "compress", args, nargs, kwnames, "data selectors", &data, &selectors)
      || (o = it_over (vm, type, data)) == NULL)
    return NULL;
  if ((IT (o)->fn = hs_object_iter (vm, selectors)) == NULL)
    HS_CLEAR (vm, o);
  return o;
}

IT_TYPE (compress_type, "compress", NULL, compress_next, compress_construct, NULL);

static HsObject *
pairwise_next (HsVM *vm, HsObject *self)
{
  ItObj *p = IT (self);
  HsObject *item, *pair;
  if (p->saved == NULL && (p->saved = hs_iter_next (vm, p->src)) == NULL)
    return NULL;
  if ((item = hs_iter_next (vm, p->src)) == NULL)
    return NULL;
  pair = hs_tuple_pack (vm, 2, p->saved, item);
  hs_decref (vm, p->saved);
  p->saved = item;
  return pair;
}

static HsObject *
pairwise_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL;
  if (!hs_parse_args (vm, "pairwise", args, nargs, kwnames, "iterable /", &iterable))
    return NULL;
  return it_over (vm, type, iterable);
}

IT_TYPE (pairwise_type, "pairwise", NULL, pairwise_next, pairwise_construct, NULL);

/* ---- zip_longest ------------------------------------------------------------------- */

/* saved: list of iterators (None once exhausted); fn: fill value; n: how many remain */
static HsObject *
zip_longest_next (HsVM *vm, HsObject *self)
{
  ItObj *z = IT (self);
  gsize n = hs_list_len (z->saved);
  HsObject *t;
  if (n == 0 || z->n == 0)
    return NULL;
  if ((t = hs_tuple_new (vm, n)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *it = hs_list_get_borrow (z->saved, i), *item = NULL;
      if (it != hs_None && (item = hs_iter_next (vm, it)) == NULL)
        {
          if (hs_err_occurred (vm) || --z->n == 0)
            {
              hs_decref (vm, t);
              return NULL;
            }
          hs_list_set_item (vm, z->saved, i, hs_None);
        }
      hs_tuple_set_take (t, i, item != NULL ? item : hs_incref (z->fn));
    }
  return t;
}

static HsObject *
zip_longest_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fill = hs_None, *o;
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  for (gsize k = 0; k < nkw; k++)
    {
      if (!hs_str_equal_cstr (hs_tuple_get_borrow (kwnames, k), "fillvalue"))
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "zip_longest() got an unexpected keyword argument");
          return NULL;
        }
      fill = args[nargs + k];
    }
  if ((o = it_new (vm, type)) == NULL)
    return NULL;
  IT (o)->fn = hs_incref (fill);
  IT (o)->n = (gssize)nargs;
  if ((IT (o)->saved = hs_list_new (vm, nargs)) == NULL)
    goto fail;
  for (gsize i = 0; i < nargs; i++)
    if (hs_list_append_take (vm, IT (o)->saved, hs_object_iter (vm, args[i])) < 0)
      goto fail;
  return o;
fail:
  hs_decref (vm, o);
  return NULL;
}

IT_TYPE (zip_longest_type, "zip_longest", NULL, zip_longest_next, zip_longest_construct, NULL);

/* ---- the eager ones: results computed when made ---------------------------------------- */

static HsObject *
results_next (HsVM *vm, HsObject *self)
{
  ItObj *e = IT (self);
  if (e->saved == NULL || (gsize)e->i >= hs_list_len (e->saved))
    return NULL;
  return hs_incref (hs_list_get_borrow (e->saved, (gsize)e->i++));
}

static HsObject *
with_results (HsVM *vm, HsType *type, HsObject *results)
{
  HsObject *o;
  if (results == NULL)
    return NULL;
  if ((o = it_new (vm, type)) == NULL)
    {
      hs_decref (vm, results);
      return NULL;
    }
  IT (o)->saved = results;
  return o;
}

/* The tuple of pool[indices[0..r)] appended to out. */
static int
emit (HsVM *vm, HsObject *out, HsObject *pool, const gsize *indices, gsize r)
{
  HsObject *t = hs_tuple_new (vm, r);
  if (t == NULL)
    return -1;
  for (gsize i = 0; i < r; i++)
    hs_tuple_set_take (t, i, hs_incref (hs_tuple_get_borrow (pool, indices[i])));
  return hs_list_append_take (vm, out, t);
}

/* r from an optional argument (None: n); -1 with ValueError when negative */
static gssize
r_arg (HsVM *vm, HsObject *o, gssize n)
{
  gssize r;
  if (o == NULL || o == hs_None)
    return n;
  if ((r = hs_int_as_ssize_index (vm, o)) == -1 && hs_err_occurred (vm))
    return -2;
  if (r < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "r must be non-negative");
      return -2;
    }
  return r;
}

/* combinations (repl FALSE) and combinations_with_replacement, CPython's algorithm */
static HsObject *
combos (HsVM *vm, HsObject *pool, gsize r, gboolean repl)
{
  gsize n = hs_tuple_len (pool);
  g_autofree gsize *idx = g_new0 (gsize, r + 1);
  HsObject *out = hs_list_new (vm, 0);

  if (out == NULL || (!repl && r > n) || (repl && n == 0 && r > 0))
    return out;
  for (gsize i = 0; i < r; i++)
    idx[i] = repl ? 0 : i;
  for (;;)
    {
      gssize i;
      if (emit (vm, out, pool, idx, r) < 0)
        {
          hs_decref (vm, out);
          return NULL;
        }
      for (i = (gssize)r - 1; i >= 0; i--)
        if (idx[i] != (repl ? n - 1 : (gsize)i + n - r))
          break;
      if (i < 0)
        return out;
      idx[i]++;
      for (gsize j = (gsize)i + 1; j < r; j++)
        idx[j] = repl ? idx[i] : idx[j - 1] + 1;
    }
}

static HsObject *
combinations_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *r_obj = NULL, *pool;
  gssize r;
  gboolean repl = type->name[12] == '_'; /* combinations_with_replacement */
  if (!hs_parse_args (vm, type->name, args, nargs, kwnames, "iterable r", &iterable, &r_obj)
      || (pool = hs_tuple_from_iterable (vm, iterable)) == NULL)
    return NULL;
  r = r_arg (vm, r_obj, 0);
  if (r >= 0)
    r = (gssize)r;
  {
    HsObject *res = r < 0 ? NULL : combos (vm, pool, (gsize)r, repl);
    hs_decref (vm, pool);
    return with_results (vm, type, res);
  }
}

IT_TYPE (combinations_type, "combinations", NULL, results_next, combinations_construct, NULL);
IT_TYPE (cwr_type, "combinations_with_replacement", NULL, results_next, combinations_construct,
         NULL);

static HsObject *
permutations_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *r_obj = NULL, *pool, *out;
  gssize r;
  gsize n;
  if (!hs_parse_args (vm, "permutations", args, nargs, kwnames, "iterable|r", &iterable, &r_obj)
      || (pool = hs_tuple_from_iterable (vm, iterable)) == NULL)
    return NULL;
  n = hs_tuple_len (pool);
  if ((r = r_arg (vm, r_obj, (gssize)n)) < 0)
    {
      hs_decref (vm, pool);
      return NULL;
    }
  out = hs_list_new (vm, 0);
  if (out != NULL && (gsize)r <= n)
    {
      /* CPython's algorithm: indices and cycles */
      g_autofree gsize *idx = g_new (gsize, n + 1);
      g_autofree gsize *cyc = g_new (gsize, (gsize)r + 1);
      gboolean more = TRUE;
      for (gsize i = 0; i < n; i++)
        idx[i] = i;
      for (gsize i = 0; i < (gsize)r; i++)
        cyc[i] = n - i;
      if (emit (vm, out, pool, idx, (gsize)r) < 0)
        HS_CLEAR (vm, out);
      while (out != NULL && more && n > 0)
        {
          more = FALSE;
          for (gssize i = r - 1; i >= 0; i--)
            {
              if (--cyc[i] == 0)
                {
                  gsize first = idx[i];
                  memmove (idx + i, idx + i + 1, (n - (gsize)i - 1) * sizeof (gsize));
                  idx[n - 1] = first;
                  cyc[i] = n - (gsize)i;
                }
              else
                {
                  gsize j = cyc[i], t = idx[i];
                  idx[i] = idx[n - j];
                  idx[n - j] = t;
                  if (emit (vm, out, pool, idx, (gsize)r) < 0)
                    HS_CLEAR (vm, out);
                  more = TRUE;
                  break;
                }
            }
        }
    }
  hs_decref (vm, pool);
  return with_results (vm, type, out);
}

IT_TYPE (permutations_type, "permutations", NULL, results_next, permutations_construct, NULL);

static HsObject *
product_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0, repeat = 1, npools, total = 1;
  g_autoptr (GPtrArray) pools = g_ptr_array_new ();
  HsObject *out = NULL;

  for (gsize k = 0; k < nkw; k++)
    {
      gssize r;
      if (!hs_str_equal_cstr (hs_tuple_get_borrow (kwnames, k), "repeat"))
        {
          hs_err_format (vm, &hs_exc_TypeError, "product() got an unexpected keyword argument '%s'",
                         hs_str_utf8 (hs_tuple_get_borrow (kwnames, k)));
          return NULL;
        }
      if (!hs_int_arg_ssize (vm, args[nargs + k], &r))
        return NULL;
      if (r < 0)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "repeat argument cannot be negative");
          return NULL;
        }
      repeat = (gsize)r;
    }
  for (gsize i = 0; i < nargs; i++)
    {
      HsObject *p = hs_tuple_from_iterable (vm, args[i]);
      if (p == NULL)
        goto out;
      g_ptr_array_add (pools, p);
    }
  /* CPython's product_new allocates an index per pool: product(range(2), repeat=10**9) is a
   * MemoryError, and so are more results than memory holds */
  npools = nargs * repeat;
  gboolean too_many = nargs != 0 && repeat > G_MAXSIZE / sizeof (gsize) / nargs - 1;
  for (gsize i = 0; !too_many && i < npools && total != 0; i++)
    {
      gsize len = hs_tuple_len (g_ptr_array_index (pools, i % nargs));
      too_many = len != 0 && total > G_MAXSIZE / len;
      total *= len;
    }
  gsize idx_size = (npools + 1) * sizeof (gsize);
  gsize *idx = too_many ? NULL : hs_mem_realloc (vm, NULL, 0, idx_size);
  if (idx == NULL)
    {
      hs_err_no_memory (vm);
      goto out;
    }
  memset (idx, 0, idx_size);
  {
    out = hs_list_new (vm, 0);
    for (gsize k = 0; out != NULL && k < total; k++)
      {
        HsObject *t = hs_tuple_new (vm, npools);
        if (t == NULL || hs_list_append_take (vm, out, t) < 0)
          {
            HS_CLEAR (vm, out);
            break;
          }
        for (gsize i = 0; i < npools; i++)
          hs_tuple_set_take (
              t, i, hs_incref (hs_tuple_get_borrow (g_ptr_array_index (pools, i % nargs), idx[i])));
        for (gssize i = (gssize)npools - 1; i >= 0; i--)
          {
            if (++idx[i] < hs_tuple_len (g_ptr_array_index (pools, (gsize)i % nargs)))
              break;
            idx[i] = 0;
          }
      }
  }
  hs_mem_realloc (vm, idx, idx_size, 0);
out:
  for (guint i = 0; i < pools->len; i++)
    hs_decref (vm, g_ptr_array_index (pools, i));
  return with_results (vm, type, out);
}

IT_TYPE (product_type, "product", NULL, results_next, product_construct, NULL);

/* groupby: src the iterator, fn the key function (or NULL), saved the current value, start
 * its key, extra the key of the group handed out last, n that group's number. A _grouper:
 * src its groupby, fn its key, n its number; it ends when its groupby moved on. */
static gboolean
advance (HsVM *vm, ItObj *g)
{
  HsObject *v = hs_iter_next (vm, g->src), *k;
  if (v == NULL)
    return FALSE;
  k = g->fn != NULL ? hs_object_call (vm, g->fn, &v, 1, NULL) : hs_incref (v);
  if (k == NULL)
    {
      hs_decref (vm, v);
      return FALSE;
    }
  HS_CLEAR (vm, g->saved);
  HS_CLEAR (vm, g->start);
  g->saved = v;
  g->start = k;
  return TRUE;
}

static HsType grouper_type;

static HsObject *
groupby_next (HsVM *vm, HsObject *self)
{
  ItObj *g = IT (self);
  HsObject *grouper, *r;
  int eq = 1;

  g->n++;
  while (g->start == NULL
         || (g->extra != NULL && (eq = hs_object_equal (vm, g->start, g->extra)) > 0))
    if (!advance (vm, g))
      return NULL;
  if (eq < 0)
    return NULL;
  HS_CLEAR (vm, g->extra);
  g->extra = hs_incref (g->start);
  if ((grouper = it_new (vm, &grouper_type)) == NULL)
    return NULL;
  IT (grouper)->src = hs_incref (self);
  IT (grouper)->fn = hs_incref (g->extra);
  IT (grouper)->n = g->n;
  r = hs_tuple_pack (vm, 2, g->extra, grouper);
  hs_decref (vm, grouper);
  return r;
}

static HsObject *
grouper_next (HsVM *vm, HsObject *self)
{
  ItObj *gr = IT (self), *g = IT (gr->src);
  int eq;
  if (g->n != gr->n)
    return NULL;
  if (gr->flag && !advance (vm, g))
    return NULL;
  gr->flag = TRUE;
  if ((eq = hs_object_equal (vm, g->start, gr->fn)) <= 0)
    return NULL;
  return hs_incref (g->saved);
}

static HsObject *
groupby_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *key = NULL, *o;
  if (!hs_parse_args (vm, "groupby", args, nargs, kwnames, "iterable|key", &iterable, &key)
      || (o = it_over (vm, type, iterable)) == NULL)
    return NULL;
  IT (o)->fn = key != NULL && key != hs_None ? hs_incref (key) : NULL;
  return o;
}

IT_TYPE (grouper_type, "_grouper", NULL, grouper_next, NULL, NULL);
IT_TYPE (groupby_type, "groupby", NULL, groupby_next, groupby_construct, NULL);

/* ---- tee --------------------------------------------------------------------------- */

/* CPython's teedataobject: the items read from the shared source, in blocks of
 * LINKCELLS, each block linked to the next; every tee holds the block it reads and its
 * index there, so a block lives while some tee still has to read it. */
#define LINKCELLS 57

typedef struct
{
  HsObject header;
  HsObject *it;       /* the shared source iterator */
  HsObject *nextlink; /* the next block, once a tee reached the end of this one */
  HsObject *values[LINKCELLS];
  int numread;
  gboolean running;
} TeeData;

static void
teedata_dealloc (HsVM *vm, HsObject *self)
{
  TeeData *d = (TeeData *)self;
  HS_CLEAR (vm, d->it);
  HS_CLEAR (vm, d->nextlink);
  for (int i = 0; i < d->numread; i++)
    HS_CLEAR (vm, d->values[i]);
  d->numread = 0;
}

static void
teedata_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  TeeData *d = (TeeData *)self;
  if (d->it != NULL)
    hs_visit (visit, d->it, data);
  for (int i = 0; i < d->numread; i++)
    if (d->values[i] != NULL)
      hs_visit_item (visit, d->values[i], HS_REF_ITEM, (gsize)i, data);
  if (d->nextlink != NULL)
    hs_visit (visit, d->nextlink, data);
}

static HsType teedata_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_tee_dataobject",
  .module = "itertools",
  .tp_name = "itertools._tee_dataobject",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (TeeData),
  .dealloc = teedata_dealloc,
  .refs = teedata_refs,
  .clear = teedata_dealloc,
};

static HsObject *
teedata_new (HsVM *vm, HsObject *it)
{
  TeeData *d = (TeeData *)hs_object_alloc (vm, &teedata_type, sizeof (TeeData));
  if (d == NULL)
    return NULL;
  d->it = hs_incref (it);
  hs_gc_track (vm, &d->header);
  return &d->header;
}

/* Item i of the block: read from the source when no tee read it yet (i == numread). */
static HsObject *
teedata_get (HsVM *vm, TeeData *d, int i)
{
  HsObject *v;
  if (i < d->numread)
    return hs_incref (d->values[i]);
  if (d->running)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "cannot re-enter the tee iterator");
      return NULL;
    }
  d->running = TRUE;
  v = hs_iter_next (vm, d->it);
  d->running = FALSE;
  if (v == NULL)
    return NULL;
  d->values[d->numread++] = hs_incref (v);
  hs_object_mark_dirty (vm, &d->header);
  return v;
}

/* A tee: src is its block, i its index there. */
static HsObject *
tee_next (HsVM *vm, HsObject *self)
{
  ItObj *t = IT (self);
  HsObject *v;
  if (t->i >= LINKCELLS)
    {
      TeeData *d = (TeeData *)t->src;
      if (d->nextlink == NULL && (d->nextlink = teedata_new (vm, d->it)) == NULL)
        return NULL;
      hs_object_mark_dirty (vm, &d->header);
      t->src = hs_incref (d->nextlink);
      t->i = 0;
      hs_decref (vm, &d->header);
      hs_object_mark_dirty (vm, self);
    }
  if ((v = teedata_get (vm, (TeeData *)t->src, (int)t->i)) != NULL)
    t->i++;
  return v;
}

static HsType tee_type;

static HsObject *
tee_at (HsVM *vm, HsObject *data, gssize i)
{
  HsObject *o = it_new (vm, &tee_type);
  if (o == NULL)
    return NULL;
  IT (o)->src = hs_incref (data);
  IT (o)->i = i;
  return o;
}

static HsObject *
tee_m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__copy__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return tee_at (vm, IT (args[0])->src, IT (args[0])->i);
}

static const HsMethodDef tee_methods[] = {
  { "__copy__", tee_m_copy },
  { NULL, NULL },
};

IT_TYPE (tee_type, "_tee", NULL, tee_next, NULL, tee_methods);

static HsObject *
itertools_tee (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *nobj = NULL, *it, *first, *r;
  gssize n = 2;

  if (!hs_parse_args (vm, "tee", args, nargs, kwnames, "iterable|n /", &iterable, &nobj))
    return NULL;
  if (nobj != NULL && (n = hs_int_as_ssize (vm, nobj)) == -1 && hs_err_occurred (vm))
    return NULL;
  if (n < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "n must be >= 0");
      return NULL;
    }
  if ((r = hs_tuple_new (vm, (gsize)n)) == NULL || n == 0)
    return r;
  if ((it = hs_object_iter (vm, iterable)) == NULL)
    {
      hs_decref (vm, r);
      return NULL;
    }
  /* an iterator that can copy itself (a tee) is copied; any other is wrapped in a tee */
  if (HS_IS (it, &tee_type))
    first = hs_incref (it);
  else
    {
      HsObject *d = teedata_new (vm, it);
      first = d != NULL ? tee_at (vm, d, 0) : NULL;
      hs_xdecref (vm, d);
    }
  hs_decref (vm, it);
  if (first == NULL)
    {
      hs_decref (vm, r);
      return NULL;
    }
  hs_tuple_set_take (r, 0, first);
  for (gssize k = 1; k < n; k++)
    {
      HsObject *c = tee_at (vm, IT (first)->src, IT (first)->i);
      if (c == NULL)
        {
          hs_decref (vm, r);
          return NULL;
        }
      hs_tuple_set_take (r, (gsize)k, c);
    }
  return r;
}

static const HsMethodDef itertools_functions[] = {
  { "tee", itertools_tee },
  { NULL, NULL },
};

static HsType *const itertools_types[] = {
  &count_type,        &repeat_type,   &cycle_type,       &chain_type,        &islice_type,
  &accumulate_type,   &starmap_type,  &takewhile_type,   &dropwhile_type,    &filterfalse_type,
  &compress_type,     &pairwise_type, &zip_longest_type, &combinations_type, &cwr_type,
  &permutations_type, &product_type,  &groupby_type,
};

void
hs_mod_itertools_runtime_init (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (itertools_types); i++)
    hs_type_ready (itertools_types[i]);
  hs_type_ready (&grouper_type);
  hs_type_ready (&teedata_type);
  hs_type_ready (&tee_type);
}

int
hs_mod_itertools_init (HsVM *vm, HsObject *dict)
{
  for (gsize i = 0; i < G_N_ELEMENTS (itertools_types); i++)
    if (hs_module_add_take (vm, dict, itertools_types[i]->name,
                            hs_incref ((HsObject *)itertools_types[i]))
        < 0)
      return -1;
  return hs_module_add_functions (vm, dict, itertools_functions);
}
