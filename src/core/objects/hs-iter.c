/* hs-iter.c — iterator objects.
 *
 * Invariant: an iterator over a container owns a reference to it (`seq`, visited by
 * refs, so the diagram can draw a for-loop's iterator pointing at its list) until
 * it is exhausted; then it drops the reference, as CPython does, and stays exhausted.
 * Iterators compute their next item from the container's current state, so mutating a
 * list while iterating behaves as in CPython (no crash, possibly skipped items); dicts
 * raise "dictionary changed size during iteration".
 */
#include "config.h"

#include "hs-iter.h"

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

static HsObject *
iter_self (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

/* ---- sequence iterators (list, tuple, str, generic, reversed list) ------------------- */

typedef struct
{
  HsObject header;
  HsObject *seq; /* NULL once exhausted */
  gssize index;  /* next index (byte offset for str) */
} SeqIter;

static HsObject *
seqiter_new (HsVM *vm, HsType *type, HsObject *seq, gssize index)
{
  SeqIter *it = (SeqIter *)hs_object_alloc (vm, type, sizeof (SeqIter));
  if (it == NULL)
    return NULL;
  it->seq = hs_incref (seq);
  it->index = index;
  hs_gc_track (vm, &it->header);
  return &it->header;
}

static void
seqiter_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((SeqIter *)self)->seq);
}

static void
seqiter_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  SeqIter *it = (SeqIter *)self;
  if (it->seq != NULL)
    hs_visit (visit, it->seq, data);
}

/* An exhausted iterator lets go of its sequence (the diagram's arrow goes too). */
static HsObject *
exhausted (HsVM *vm, SeqIter *it)
{
  HS_CLEAR (vm, it->seq);
  hs_object_mark_dirty (vm, (HsObject *)it);
  return NULL;
}

static HsObject *
listiter_next (HsVM *vm, HsObject *self)
{
  SeqIter *it = (SeqIter *)self;

  if (it->seq == NULL || (gsize)it->index >= hs_list_len (it->seq))
    return exhausted (vm, it);
  return hs_incref (hs_list_get_borrow (it->seq, (gsize)it->index++));
}

static HsObject *
listreviter_next (HsVM *vm, HsObject *self)
{
  SeqIter *it = (SeqIter *)self;

  if (it->seq == NULL || it->index < 0 || (gsize)it->index >= hs_list_len (it->seq))
    return exhausted (vm, it);
  return hs_incref (hs_list_get_borrow (it->seq, (gsize)it->index--));
}

static HsObject *
tupleiter_next (HsVM *vm, HsObject *self)
{
  SeqIter *it = (SeqIter *)self;

  if (it->seq == NULL || (gsize)it->index >= hs_tuple_len (it->seq))
    return exhausted (vm, it);
  return hs_incref (hs_tuple_get_borrow (it->seq, (gsize)it->index++));
}

static gsize
utf8_char_len (guchar c)
{
  if (c < 0x80)
    return 1;
  if (c < 0xe0)
    return 2;
  if (c < 0xf0)
    return 3;
  return 4;
}

static HsObject *
striter_next (HsVM *vm, HsObject *self)
{
  SeqIter *it = (SeqIter *)self;
  const char *p;
  gsize n;

  if (it->seq == NULL || (gsize)it->index >= hs_str_byte_len (it->seq))
    return exhausted (vm, it);
  p = hs_str_utf8 (it->seq) + it->index;
  n = utf8_char_len ((guchar)*p);
  it->index += (gssize)n;
  return hs_str_new (vm, p, n);
}

/* seq[index], then index += step; IndexError or StopIteration ends the iteration. */
static HsObject *
getitem_step (HsVM *vm, SeqIter *it, gssize step)
{
  HsObject *key = hs_int_from_i64 (vm, it->index), *item;

  if (key == NULL)
    return NULL;
  item = hs_object_getitem (vm, it->seq, key);
  hs_decref (vm, key);
  if (item == NULL)
    {
      if (hs_err_matches (vm, &hs_exc_IndexError) || hs_err_matches (vm, &hs_exc_StopIteration))
        {
          hs_err_clear (vm);
          return exhausted (vm, it);
        }
      return NULL;
    }
  it->index += step;
  return item;
}

/* obj[index] until IndexError or StopIteration. */
static HsObject *
genericiter_next (HsVM *vm, HsObject *self)
{
  SeqIter *it = (SeqIter *)self;

  if (it->seq == NULL)
    return NULL;
  return getitem_step (vm, it, 1);
}

/* reversed() over len() + __getitem__. */
static HsObject *
reversed_next (HsVM *vm, HsObject *self)
{
  SeqIter *it = (SeqIter *)self;

  if (it->seq == NULL || it->index < 0)
    return exhausted (vm, it);
  return getitem_step (vm, it, -1);
}

/* A type of iterator over a sequence; what follows next_fn are further slots. */
#define SEQITER_TYPE(cname, pyname, next_fn, ...)                                                  \
  HsType cname = { .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },  \
                   .name = pyname,                                                                 \
                   .base = &hs_object_type,                                                        \
                   .type_flags = HS_TYPE_GC,                                                       \
                   .basicsize = sizeof (SeqIter),                                                  \
                   .dealloc = seqiter_dealloc,                                                     \
                   .refs = seqiter_refs,                                                           \
                   .clear = seqiter_dealloc,                                                       \
                   .iter = iter_self,                                                              \
                   .iternext = next_fn,                                                            \
                   __VA_ARGS__ }

SEQITER_TYPE (hs_list_iter_type, "list_iterator", listiter_next);
SEQITER_TYPE (hs_list_reviter_type, "list_reverseiterator", listreviter_next);
SEQITER_TYPE (hs_tuple_iter_type, "tuple_iterator", tupleiter_next);
SEQITER_TYPE (hs_str_iter_type, "str_ascii_iterator", striter_next);
/* CPython's iterator over a str that is not all ASCII */
SEQITER_TYPE (hs_str_uiter_type, "str_iterator", striter_next);
/* __length_hint__ of the iterators over a learner's __getitem__ (generic and reversed):
 * as in CPython, it asks the sequence's __len__, so list(), tuple() and str.join() of
 * such an iterator call it. */
static HsObject *
seqiter_length_hint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  SeqIter *it = (SeqIter *)args[0];
  gssize n, left;

  if (!hs_parse_args (vm, "__length_hint__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (it->seq == NULL)
    return hs_int_from_i64 (vm, 0);
  n = hs_object_len (vm, it->seq);
  if (n < 0)
    return NULL;
  if (HS_IS (args[0], &hs_reversed_type))
    left = n < it->index + 1 ? 0 : it->index + 1;
  else
    left = MAX (n - it->index, 0);
  return hs_int_from_i64 (vm, left);
}

static const HsMethodDef seqiter_methods[] = {
  { "__length_hint__", seqiter_length_hint },
  { NULL },
};

SEQITER_TYPE (hs_seq_iter_type, "iterator", genericiter_next, .methods = seqiter_methods);
SEQITER_TYPE (hs_bytes_iter_type, "bytes_iterator", genericiter_next, .methods = seqiter_methods);
SEQITER_TYPE (hs_bytearray_iter_type, "bytearray_iterator", genericiter_next,
              .methods = seqiter_methods);

static HsObject *reversed_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs,
                                     HsObject *kwnames);

SEQITER_TYPE (hs_reversed_type, "reversed", reversed_next, .construct = reversed_construct,
              .methods = seqiter_methods);

HsObject *
hs_list_iter_new (HsVM *vm, HsObject *list)
{
  return seqiter_new (vm, &hs_list_iter_type, list, 0);
}

HsObject *
hs_tuple_iter_new (HsVM *vm, HsObject *tuple)
{
  return seqiter_new (vm, &hs_tuple_iter_type, tuple, 0);
}

HsObject *
hs_str_iter_new (HsVM *vm, HsObject *str)
{
  return seqiter_new (
      vm, hs_str_char_len (str) == hs_str_byte_len (str) ? &hs_str_iter_type : &hs_str_uiter_type,
      str, 0);
}

HsObject *
hs_seq_iter_new (HsVM *vm, HsObject *seq)
{
  return seqiter_new (vm, &hs_seq_iter_type, seq, 0);
}

HsObject *
hs_seq_iter_new_of (HsVM *vm, HsType *type, HsObject *seq)
{
  return seqiter_new (vm, type, seq, 0);
}

/* ---- range iterator ------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  gint64 next;
  gint64 step;
  gint64 remaining;
  gint64 start, len; /* as made: __setstate__ counts from there (CPython's index) */
} RangeIter;

HsObject *
hs_range_iter_new (HsVM *vm, gint64 start, gint64 step, gint64 len)
{
  RangeIter *it = (RangeIter *)hs_object_alloc (vm, &hs_range_iter_type, sizeof (RangeIter));
  if (it == NULL)
    return NULL;
  it->next = it->start = start;
  it->step = step;
  it->remaining = it->len = len;
  return &it->header;
}

static HsObject *
rangeiter_next (HsVM *vm, HsObject *self)
{
  RangeIter *it = (RangeIter *)self;
  gint64 v;

  if (it->remaining <= 0)
    return NULL;
  v = it->next;
  it->remaining--;
  if (it->remaining > 0)
    it->next += it->step;
  return hs_int_from_i64 (vm, v);
}

HsType hs_range_iter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "range_iterator",
  .base = &hs_object_type,
  .basicsize = sizeof (RangeIter),
  .iter = iter_self,
  .iternext = rangeiter_next,
};

/* ---- dict iterators -------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *dict; /* NULL once exhausted */
  gsize pos;
  gboolean reverse;
  gssize used; /* len(dict) when created; -1 after a size error */
  gssize remaining;
} DictIter;

static HsType *const dictiter_types[]
    = { &hs_dict_keyiter_type,    &hs_dict_valueiter_type,    &hs_dict_itemiter_type,
        &hs_dict_revkeyiter_type, &hs_dict_revvalueiter_type, &hs_dict_revitemiter_type };

HsObject *
hs_dict_iter_new (HsVM *vm, HsObject *dict, int kind)
{
  DictIter *it = (DictIter *)hs_object_alloc (vm, dictiter_types[kind], sizeof (DictIter));
  if (it == NULL)
    return NULL;
  it->dict = hs_incref (dict);
  it->reverse = kind >= 3;
  it->pos = it->reverse ? hs_dict_end_pos (dict) : 0;
  it->used = (gssize)hs_dict_len (dict);
  it->remaining = it->used;
  hs_gc_track (vm, &it->header);
  return &it->header;
}

static HsObject *
dictiter_next (HsVM *vm, HsObject *self)
{
  DictIter *it = (DictIter *)self;
  HsObject *k, *v;

  if (it->dict == NULL)
    return NULL;
  if (it->used != (gssize)hs_dict_len (it->dict))
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "dictionary changed size during iteration");
      it->used = -1;
      return NULL;
    }
  if (!(it->reverse ? hs_dict_prev : hs_dict_next) (it->dict, &it->pos, &k, &v))
    {
      HS_CLEAR (vm, it->dict);
      hs_object_mark_dirty (vm, self);
      return NULL;
    }
  if (it->remaining-- <= 0)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "dictionary keys changed during iteration");
      HS_CLEAR (vm, it->dict);
      return NULL;
    }
  if (HS_IS (self, &hs_dict_keyiter_type) || HS_IS (self, &hs_dict_revkeyiter_type))
    return hs_incref (k);
  if (HS_IS (self, &hs_dict_valueiter_type) || HS_IS (self, &hs_dict_revvalueiter_type))
    return hs_incref (v);
  return hs_tuple_pack (vm, 2, k, v);
}

static void
dictiter_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((DictIter *)self)->dict);
}

static void
dictiter_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  DictIter *it = (DictIter *)self;
  if (it->dict != NULL)
    hs_visit_dict (visit, it->dict, HS_REF_PLAIN, NULL, data);
}

#define DICTITER_TYPE(cname, pyname)                                                               \
  HsType cname = {                                                                                 \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = pyname,                                                                                \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC,                                                                      \
    .basicsize = sizeof (DictIter),                                                                \
    .dealloc = dictiter_dealloc,                                                                   \
    .refs = dictiter_refs,                                                                         \
    .clear = dictiter_dealloc,                                                                     \
    .iter = iter_self,                                                                             \
    .iternext = dictiter_next,                                                                     \
  }

DICTITER_TYPE (hs_dict_keyiter_type, "dict_keyiterator");
DICTITER_TYPE (hs_dict_valueiter_type, "dict_valueiterator");
DICTITER_TYPE (hs_dict_itemiter_type, "dict_itemiterator");
DICTITER_TYPE (hs_dict_revkeyiter_type, "dict_reversekeyiterator");
DICTITER_TYPE (hs_dict_revvalueiter_type, "dict_reversevalueiterator");
DICTITER_TYPE (hs_dict_revitemiter_type, "dict_reverseitemiterator");

/* ---- reversed() ------------------------------------------------------------------------ */

HsObject *
hs_list_reviter_new (HsVM *vm, HsObject *list)
{
  return seqiter_new (vm, &hs_list_reviter_type, list, (gssize)hs_list_len (list) - 1);
}

HsObject *
hs_reversed_new (HsVM *vm, HsObject *seq)
{
  gssize n;

  HsObject *method;

  if (HS_IS (seq, &hs_list_type))
    return seqiter_new (vm, &hs_list_reviter_type, seq, (gssize)hs_list_len (seq) - 1);
  if (HS_IS (seq, &hs_range_type))
    return hs_range_reversed (vm, seq);
  if (HS_IS (seq, &hs_dict_type))
    return hs_dict_iter_new (vm, seq, 3);
  if (HS_IS (seq, &hs_dict_keys_type) || HS_IS (seq, &hs_dict_values_type)
      || HS_IS (seq, &hs_dict_items_type))
    return hs_dict_iter_new (vm, hs_dict_view_dict (seq),
                             HS_IS (seq, &hs_dict_keys_type)     ? 3
                             : HS_IS (seq, &hs_dict_values_type) ? 4
                                                                 : 5);
  /* A class's __reversed__ (None says "not reversible"), else the built-in base's. */
  method = hs_type_lookup_borrow (seq->type, hs_str_intern_cstr ("__reversed__"));
  if (method != NULL && method != hs_None)
    {
      HsObject *bound = hs_descr_get (vm, method, seq, seq->type), *r;
      if (bound == NULL)
        return NULL;
      r = hs_object_call (vm, bound, NULL, 0, NULL);
      hs_decref (vm, bound);
      return r;
    }
  if (method == NULL && hs_list_check (seq))
    return seqiter_new (vm, &hs_list_reviter_type, seq, (gssize)hs_list_len (seq) - 1);
  if (method == NULL && hs_dict_check (seq))
    return hs_dict_iter_new (vm, seq, 3);
  if (method != NULL || seq->type->len == NULL || seq->type->getitem == NULL || hs_dict_check (seq))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not reversible", hs_type_name (seq));
      return NULL;
    }
  n = hs_object_len (vm, seq);
  if (n < 0)
    return NULL;
  return seqiter_new (vm, &hs_reversed_type, seq, n - 1);
}

static HsObject *
reversed_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *seq;
  if (!hs_parse_args (vm, "reversed", args, nargs, kwnames, "seq /", &seq))
    return NULL;
  return hs_reversed_new (vm, seq);
}

/* ---- enumerate, zip, map and filter hold two references (either NULL) after the header ---- */

typedef struct
{
  HsObject header;
  HsObject *ref[2];
} TwoRefs;

static void
two_refs_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((TwoRefs *)self)->ref[0]);
  HS_CLEAR (vm, ((TwoRefs *)self)->ref[1]);
}

static void
two_refs_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  for (int i = 0; i < 2; i++)
    if (((TwoRefs *)self)->ref[i] != NULL)
      hs_visit (visit, ((TwoRefs *)self)->ref[i], data);
}

#define TWO_REFS_TYPE(cname, pyname, struct_type, next_fn, construct_fn)                           \
  HsType cname = {                                                                                 \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = pyname,                                                                                \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC,                                                                      \
    .basicsize = sizeof (struct_type),                                                             \
    .dealloc = two_refs_dealloc,                                                                   \
    .refs = two_refs_refs,                                                                         \
    .clear = two_refs_dealloc,                                                                     \
    .iter = iter_self,                                                                             \
    .iternext = next_fn,                                                                           \
    .construct = construct_fn,                                                                     \
  }

/* ---- enumerate ------------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *it;
  HsObject *count; /* the next index, an int */
} Enumerate;
G_STATIC_ASSERT (G_STRUCT_OFFSET (Enumerate, it) == G_STRUCT_OFFSET (TwoRefs, ref[0])
                 && G_STRUCT_OFFSET (Enumerate, count) == G_STRUCT_OFFSET (TwoRefs, ref[1]));

static HsObject *
enumerate_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *start = NULL, *it;
  Enumerate *e;

  if (nargs == 0 && (kwnames == NULL || hs_tuple_len (kwnames) == 0))
    {
      /* 3.11's hand-written enumerate vectorcall words this one differently. */
      hs_err_set_string (vm, &hs_exc_TypeError, "enumerate() missing required argument 'iterable'");
      return NULL;
    }
  if (!hs_parse_args (vm, "enumerate", args, nargs, kwnames, "iterable | start", &iterable, &start))
    return NULL;
  if (start != NULL && !hs_int_check (start))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (start));
      return NULL;
    }
  it = hs_object_iter (vm, iterable);
  if (it == NULL)
    return NULL;
  e = (Enumerate *)hs_object_alloc (vm, &hs_enumerate_type, sizeof (Enumerate));
  if (e == NULL)
    {
      hs_decref (vm, it);
      return NULL;
    }
  e->it = it;
  e->count = start ? hs_incref (start) : hs_int_from_i64 (vm, 0);
  hs_gc_track (vm, &e->header);
  return &e->header;
}

static HsObject *
enumerate_next (HsVM *vm, HsObject *self)
{
  Enumerate *e = (Enumerate *)self;
  HsObject *item = hs_iter_next (vm, e->it), *one, *next, *pair;

  if (item == NULL)
    return NULL;
  one = hs_int_from_i64 (vm, 1);
  next = one ? hs_number_binop (vm, HS_BIN_ADD, e->count, one) : NULL;
  hs_xdecref (vm, one);
  if (next == NULL)
    {
      hs_decref (vm, item);
      return NULL;
    }
  pair = hs_tuple_pack (vm, 2, e->count, item);
  hs_decref (vm, item);
  hs_decref (vm, e->count);
  e->count = next;
  hs_object_mark_dirty (vm, self); /* its reference to the count changed */
  return pair;
}

TWO_REFS_TYPE (hs_enumerate_type, "enumerate", Enumerate, enumerate_next, enumerate_construct);

/* ---- zip and map: a function (map only) over a tuple of iterators --------------------- */

typedef struct
{
  HsObject header;
  HsObject *func;  /* map's function; NULL for zip */
  HsObject *iters; /* tuple of iterators */
  gboolean strict; /* zip(strict=True): unequal lengths raise ValueError */
} MultiIter;
G_STATIC_ASSERT (G_STRUCT_OFFSET (MultiIter, func) == G_STRUCT_OFFSET (TwoRefs, ref[0])
                 && G_STRUCT_OFFSET (MultiIter, iters) == G_STRUCT_OFFSET (TwoRefs, ref[1]));

/* A tuple of iter(x) for x in args[0..n). */
static HsObject *
iter_tuple (HsVM *vm, HsObject **args, gsize n)
{
  HsObject *t = hs_tuple_new (vm, n);

  if (t == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *it = hs_object_iter (vm, args[i]);
      if (it == NULL)
        {
          hs_decref (vm, t);
          return NULL;
        }
      hs_tuple_set_take (t, i, it);
    }
  return t;
}

static HsObject *
multi_new (HsVM *vm, HsType *type, HsObject *func, HsObject **args, gsize n)
{
  HsObject *iters = iter_tuple (vm, args, n);
  MultiIter *m;

  if (iters == NULL)
    return NULL;
  m = (MultiIter *)hs_object_alloc (vm, type, sizeof (MultiIter));
  if (m == NULL)
    {
      hs_decref (vm, iters);
      return NULL;
    }
  m->func = func ? hs_incref (func) : NULL;
  m->iters = iters;
  hs_gc_track (vm, &m->header);
  return &m->header;
}

/* zip(strict=True) found argument i (0-based) exhausted with no error: CPython's
 * ValueError when the others are not all exhausted too. */
static void
strict_check (HsVM *vm, MultiIter *m, gsize i)
{
  gsize n = hs_tuple_len (m->iters);
  const char *longer_or_shorter = "shorter";

  if (i == 0)
    {
      for (i = 1; i < n; i++)
        {
          HsObject *x = hs_iter_next (vm, hs_tuple_get_borrow (m->iters, i));

          if (x == NULL && hs_err_occurred (vm))
            return;
          if (x != NULL)
            {
              hs_decref (vm, x);
              break;
            }
        }
      if (i == n)
        return;
      longer_or_shorter = "longer";
    }
  if (i == 1)
    hs_err_format (vm, &hs_exc_ValueError, "zip() argument 2 is %s than argument 1",
                   longer_or_shorter);
  else
    hs_err_format (vm, &hs_exc_ValueError, "zip() argument %zu is %s than arguments 1-%zu", i + 1,
                   longer_or_shorter, i);
}

/* next() of every iterator into a fresh tuple; NULL when one is exhausted or fails. */
static HsObject *
multi_next_items (HsVM *vm, MultiIter *m)
{
  gsize n = hs_tuple_len (m->iters);
  HsObject *t;

  if (n == 0)
    return NULL;
  t = hs_tuple_new (vm, n);
  if (t == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *x = hs_iter_next (vm, hs_tuple_get_borrow (m->iters, i));
      if (x == NULL)
        {
          hs_decref (vm, t);
          if (m->strict && !hs_err_occurred (vm))
            strict_check (vm, m, i);
          return NULL;
        }
      hs_tuple_set_take (t, i, x);
    }
  return t;
}

static HsObject *
zip_next (HsVM *vm, HsObject *self)
{
  return multi_next_items (vm, (MultiIter *)self);
}

static HsObject *
map_next (HsVM *vm, HsObject *self)
{
  MultiIter *m = (MultiIter *)self;
  HsObject *t = multi_next_items (vm, m), *r;

  if (t == NULL)
    return NULL;
  r = hs_object_call (vm, m->func, hs_tuple_items (t), hs_tuple_len (t), NULL);
  hs_decref (vm, t);
  return r;
}

static HsObject *
zip_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  int strict = 0;
  HsObject *zip;

  for (gsize k = 0; k < nkw; k++)
    {
      const char *name = hs_str_utf8 (hs_tuple_get_borrow (kwnames, k));
      if (g_strcmp0 (name, "strict") != 0)
        {
          hs_err_format (vm, &hs_exc_TypeError, "'%s' is an invalid keyword argument for zip()",
                         name);
          return NULL;
        }
      strict = hs_object_truth (vm, args[nargs + k]);
      if (strict < 0)
        return NULL;
    }
  zip = multi_new (vm, &hs_zip_type, NULL, args, nargs);
  if (zip != NULL)
    ((MultiIter *)zip)->strict = strict;
  return zip;
}

static HsObject *
map_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "map", kwnames))
    return NULL;
  if (nargs < 2)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "map() must have at least two arguments.");
      return NULL;
    }
  return multi_new (vm, &hs_map_type, args[0], args + 1, nargs - 1);
}

TWO_REFS_TYPE (hs_zip_type, "zip", MultiIter, zip_next, zip_construct);
TWO_REFS_TYPE (hs_map_type, "map", MultiIter, map_next, map_construct);

/* ---- filter ------------------------------------------------------------------------------ */

typedef struct
{
  HsObject header;
  HsObject *func; /* None: the items' own truth */
  HsObject *it;
} Filter;
G_STATIC_ASSERT (G_STRUCT_OFFSET (Filter, func) == G_STRUCT_OFFSET (TwoRefs, ref[0])
                 && G_STRUCT_OFFSET (Filter, it) == G_STRUCT_OFFSET (TwoRefs, ref[1]));

static HsObject *
filter_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *func, *iterable, *it;
  Filter *f;

  if (!hs_parse_args (vm, "filter", args, nargs, kwnames, "function iterable /", &func, &iterable))
    return NULL;
  it = hs_object_iter (vm, iterable);
  if (it == NULL)
    return NULL;
  f = (Filter *)hs_object_alloc (vm, &hs_filter_type, sizeof (Filter));
  if (f == NULL)
    {
      hs_decref (vm, it);
      return NULL;
    }
  f->func = hs_incref (func);
  f->it = it;
  hs_gc_track (vm, &f->header);
  return &f->header;
}

static HsObject *
filter_next (HsVM *vm, HsObject *self)
{
  Filter *f = (Filter *)self;
  HsObject *x;

  while ((x = hs_iter_next (vm, f->it)) != NULL)
    {
      int keep;
      if (f->func == hs_None || f->func == (HsObject *)&hs_bool_type)
        keep = hs_object_truth (vm, x);
      else
        {
          HsObject *r = hs_object_call (vm, f->func, &x, 1, NULL);
          keep = r ? hs_object_truth (vm, r) : -1;
          hs_xdecref (vm, r);
        }
      if (keep > 0)
        return x;
      hs_decref (vm, x);
      if (keep < 0)
        return NULL;
    }
  return NULL;
}

TWO_REFS_TYPE (hs_filter_type, "filter", Filter, filter_next, filter_construct);

/* ---- __length_hint__ and __setstate__ of the built-in iterators ------------------------ */

/* The index a __setstate__ was given (CPython's PyLong_AsSsize_t), FALSE with its error. */
static gboolean
state_index (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
             gint64 *out)
{
  HsObject *state;
  if (!hs_parse_args (vm, name, args + 1, nargs - 1, kwnames, "!state", &state))
    return FALSE;
  if (!hs_int_check (state))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "an integer is required");
      return FALSE;
    }
  if (!hs_int_as_i64 (state, out))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C ssize_t");
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_str_iter (SeqIter *it)
{
  return HS_IS (it, &hs_str_iter_type) || HS_IS (it, &hs_str_uiter_type);
}

/* How many items a sequence iterator's sequence has, in its own units (a str's bytes). */
static gint64
seq_size (SeqIter *it)
{
  if (HS_IS (it, &hs_tuple_iter_type))
    return (gint64)hs_tuple_len (it->seq);
  if (is_str_iter (it))
    return (gint64)hs_str_byte_len (it->seq);
  return (gint64)hs_list_len (it->seq);
}

static HsObject *
seq_length_hint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  SeqIter *it = (SeqIter *)args[0];
  gint64 n = 0;
  if (!hs_parse_args (vm, "__length_hint__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (it->seq != NULL && HS_IS (it, &hs_list_reviter_type))
    n = it->index + 1 <= seq_size (it) ? it->index + 1 : 0;
  else if (it->seq != NULL && is_str_iter (it))
    n = (gint64)hs_str_char_len (it->seq)
        - (gint64)hs_utf8_count (hs_str_utf8 (it->seq), (gsize)it->index);
  else if (it->seq != NULL)
    n = MAX (seq_size (it) - it->index, 0);
  return hs_int_from_i64 (vm, n);
}

/* CPython's listiter_setstate and the others: the next index, silently clipped. */
static HsObject *
seq_setstate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  SeqIter *it = (SeqIter *)args[0];
  gint64 i;
  if (!state_index (vm, "__setstate__", args, nargs, kwnames, &i))
    return NULL;
  if (it->seq == NULL)
    return hs_incref (hs_None);
  if (HS_IS (it, &hs_list_reviter_type))
    i = CLAMP (i, -1, seq_size (it) - 1);
  else if (is_str_iter (it))
    {
      const char *s = hs_str_utf8 (it->seq);
      i = CLAMP (i, 0, (gint64)hs_str_char_len (it->seq));
      i = g_utf8_offset_to_pointer (s, (glong)i) - s;
    }
  else
    i = CLAMP (i, 0, seq_size (it));
  it->index = (gssize)i;
  return hs_incref (hs_None);
}

/* ---- __reduce__: how copy (and pickle) takes an iterator apart ---------------------------- */

HsObject *
hs_iter_reduce_value (HsVM *vm, const char *callable, HsObject *arg, gboolean with_index,
                      gint64 index)
{
  HsObject *fn
      = vm->builtins != NULL ? hs_dict_get_item_cstr_borrow (vm, vm->builtins, callable) : NULL;
  HsObject *args, *i = NULL, *r = NULL;
  if (arg == NULL)
    return NULL;
  if (fn == NULL)
    {
      hs_err_format (vm, &hs_exc_AttributeError, "module 'builtins' has no attribute '%s'",
                     callable);
      hs_decref (vm, arg);
      return NULL;
    }
  args = hs_tuple_pack (vm, 1, arg);
  hs_decref (vm, arg);
  if (args != NULL && with_index)
    i = hs_int_from_i64 (vm, index);
  if (args != NULL && (!with_index || i != NULL))
    r = with_index ? hs_tuple_pack (vm, 3, fn, args, i) : hs_tuple_pack (vm, 2, fn, args);
  hs_xdecref (vm, i);
  hs_xdecref (vm, args);
  return r;
}

/* CPython's listiter_reduce, tupleiter_reduce, unicodeiter_reduce, listreviter_reduce:
 * (iter, (seq,), index), reversed for a reversed list; once exhausted iter of an empty one */
static HsObject *
seq_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  SeqIter *it = (SeqIter *)args[0];
  gint64 index = it->index;
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (it->seq == NULL)
    return hs_iter_reduce_value (vm, "iter",
                                 HS_IS (it, &hs_tuple_iter_type) ? hs_tuple_new (vm, 0)
                                 : is_str_iter (it)              ? hs_str_from_cstr (vm, "")
                                                                 : hs_list_new (vm, 0),
                                 FALSE, 0);
  if (is_str_iter (it))
    index = (gint64)hs_utf8_count (hs_str_utf8 (it->seq), (gsize)it->index);
  return hs_iter_reduce_value (vm, HS_IS (it, &hs_list_reviter_type) ? "reversed" : "iter",
                               hs_incref (it->seq), TRUE, index);
}

/* CPython 3.11's rangeiter_reduce: (iter, (range(start, start + len * step, step),), index) */
static HsObject *
range_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  RangeIter *it = (RangeIter *)args[0];
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_iter_reduce_value (
      vm, "iter", hs_range_new (vm, it->start, it->start + it->len * it->step, it->step), TRUE,
      it->len - MAX (it->remaining, 0));
}

/* CPython's dictiter_reduce: (iter, (list of what is left,)), listed by a copy of the
 * iterator so this one does not move */
static HsObject *
dict_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  DictIter *it = (DictIter *)args[0], *tmp;
  HsObject *list;
  int kind = 0;
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (it->dict == NULL)
    return hs_iter_reduce_value (vm, "iter", hs_list_new (vm, 0), FALSE, 0);
  while (dictiter_types[kind] != it->header.type)
    kind++;
  tmp = (DictIter *)hs_dict_iter_new (vm, it->dict, kind);
  if (tmp == NULL)
    return NULL;
  tmp->pos = it->pos;
  tmp->used = it->used;
  tmp->remaining = it->remaining;
  list = hs_list_from_iterable (vm, &tmp->header);
  hs_decref (vm, &tmp->header);
  return hs_iter_reduce_value (vm, "iter", list, FALSE, 0);
}

static const HsMethodDef seq_state_methods[] = {
  { "__length_hint__", seq_length_hint },
  { "__setstate__", seq_setstate },
  { "__reduce__", seq_reduce },
  { NULL, NULL },
};

static HsObject *
range_length_hint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__length_hint__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, MAX (((RangeIter *)args[0])->remaining, 0));
}

/* CPython 3.11's rangeiter_setstate: the index from the range's start, clipped */
static HsObject *
range_setstate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  RangeIter *it = (RangeIter *)args[0];
  gint64 i;
  if (!state_index (vm, "__setstate__", args, nargs, kwnames, &i))
    return NULL;
  i = CLAMP (i, 0, it->len);
  it->remaining = it->len - i;
  it->next = it->start + (i < it->len ? i : MAX (it->len - 1, 0)) * it->step;
  return hs_incref (hs_None);
}

static const HsMethodDef range_state_methods[] = {
  { "__length_hint__", range_length_hint },
  { "__setstate__", range_setstate },
  { "__reduce__", range_reduce },
  { NULL, NULL },
};

/* CPython's dictiter_len: what is left, 0 once the dict changed size */
static HsObject *
dict_length_hint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  DictIter *it = (DictIter *)args[0];
  if (!hs_parse_args (vm, "__length_hint__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, it->dict != NULL && it->used == (gssize)hs_dict_len (it->dict)
                                  ? MAX (it->remaining, 0)
                                  : 0);
}

static const HsMethodDef dict_hint_methods[] = {
  { "__length_hint__", dict_length_hint },
  { "__reduce__", dict_reduce },
  { NULL, NULL },
};

/* CPython's zip_setstate: whether the zip is strict */
static HsObject *
zip_setstate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *state;
  int strict;
  if (!hs_parse_args (vm, "__setstate__", args + 1, nargs - 1, kwnames, "!state", &state)
      || (strict = hs_object_truth (vm, state)) < 0)
    return NULL;
  ((MultiIter *)args[0])->strict = strict;
  return hs_incref (hs_None);
}

static const HsMethodDef zip_state_methods[] = {
  { "__setstate__", zip_setstate },
  { NULL, NULL },
};

void
hs_iter_runtime_init (void)
{
  HsType *const seqs[] = { &hs_list_iter_type, &hs_list_reviter_type, &hs_tuple_iter_type,
                           &hs_str_iter_type, &hs_str_uiter_type };
  for (gsize i = 0; i < G_N_ELEMENTS (seqs); i++)
    hs_type_add_methods (seqs[i], seq_state_methods);
  hs_type_add_methods (&hs_range_iter_type, range_state_methods);
  hs_type_add_methods (&hs_zip_type, zip_state_methods);
  for (gsize i = 0; i < G_N_ELEMENTS (dictiter_types); i++)
    hs_type_add_methods (dictiter_types[i], dict_hint_methods);
}
