/* hs-deque.c — collections.deque: a double-ended queue with an optional maxlen.
 *
 * Invariant: the items are buf[head, head + len), owned, contiguous (so that the trace
 * and refs see them in order as a list's); there is room on both sides to grow, so
 * appends and pops at either end are amortised O(1). With maxlen set, len <= maxlen: an
 * append past it drops an item from the other end, as CPython's deque does. Every
 * mutation bumps `state` (an iterator that sees it changed raises RuntimeError) and marks
 * the deque dirty.
 */
#include "config.h"

#include "hs-deque.h"

#include <string.h>

#include "hs-builtin-subclass.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject **buf;
  gsize head, len, cap;
  gssize maxlen; /* -1: unbounded */
  guint64 state;
} HsDeque;

#define DQ(o) ((HsDeque *)(o))

static gboolean
is_deque (HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_deque_type);
}

static void
changed (HsVM *vm, HsObject *self)
{
  DQ (self)->state++;
  hs_object_mark_dirty (vm, self);
}

/* Makes room for `before` more items in front and `after` more at the back. */
static gboolean
reserve (HsVM *vm, HsDeque *d, gsize before, gsize after)
{
  gsize tail_room = d->cap - d->head - d->len;
  gsize need, cap, head;
  HsObject **buf;

  if (d->head >= before && tail_room >= after)
    return TRUE;
  need = d->len + before + after;
  cap = MAX (8, need + need / 2 + 8);
  head = before + (cap - need) / 2;
  buf = hs_mem_realloc (vm, NULL, 0, cap * sizeof (HsObject *));
  if (buf == NULL)
    return FALSE;
  if (d->len > 0)
    memcpy (buf + head, d->buf + d->head, d->len * sizeof (HsObject *));
  hs_mem_realloc (vm, d->buf, d->cap * sizeof (HsObject *), 0);
  d->buf = buf;
  d->cap = cap;
  d->head = head;
  return TRUE;
}

static HsObject *
pop_back (HsDeque *d)
{
  d->len--;
  return d->buf[d->head + d->len];
}

static HsObject *
pop_front (HsDeque *d)
{
  HsObject *o = d->buf[d->head++];
  d->len--;
  return o;
}

static int
push_back (HsVM *vm, HsObject *self, HsObject *item)
{
  HsDeque *d = DQ (self);
  HsObject *dropped = NULL;

  if (d->maxlen == 0)
    return 0;
  if (!reserve (vm, d, 0, 1))
    return -1;
  d->buf[d->head + d->len++] = hs_incref (item);
  if (d->maxlen >= 0 && d->len > (gsize)d->maxlen)
    dropped = pop_front (d);
  changed (vm, self);
  hs_xdecref (vm, dropped);
  return 0;
}

static int
push_front (HsVM *vm, HsObject *self, HsObject *item)
{
  HsDeque *d = DQ (self);
  HsObject *dropped = NULL;

  if (d->maxlen == 0)
    return 0;
  if (!reserve (vm, d, 1, 0))
    return -1;
  d->buf[--d->head] = hs_incref (item);
  d->len++;
  if (d->maxlen >= 0 && d->len > (gsize)d->maxlen)
    dropped = pop_back (d);
  changed (vm, self);
  hs_xdecref (vm, dropped);
  return 0;
}

static void
deque_clear_items (HsVM *vm, HsObject *self)
{
  HsDeque *d = DQ (self);
  while (d->len > 0)
    {
      HsObject *o = pop_back (d);
      hs_decref (vm, o);
    }
  d->head = d->cap / 2;
}

static void
deque_dealloc (HsVM *vm, HsObject *self)
{
  HsDeque *d = DQ (self);
  deque_clear_items (vm, self);
  hs_mem_realloc (vm, d->buf, d->cap * sizeof (HsObject *), 0);
  d->buf = NULL;
  d->cap = 0;
}

static void
deque_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsDeque *d = DQ (self);
  for (gsize i = 0; i < d->len; i++)
    hs_visit_item (visit, d->buf[d->head + i], HS_REF_ITEM, i, data);
}

static void
deque_clear_slot (HsVM *vm, HsObject *self)
{
  deque_clear_items (vm, self);
}

/* Appends every item of the iterable at one end (extend/extendleft). */
static int
extend (HsVM *vm, HsObject *self, HsObject *iterable, gboolean left)
{
  HsObject *it, *item;
  int r = 0;

  if (iterable == self)
    {
      /* d.extend(d): the items as they were */
      HsObject *copy = hs_list_from_array (vm, DQ (self)->buf + DQ (self)->head, DQ (self)->len);
      if (copy == NULL)
        return -1;
      r = extend (vm, self, copy, left);
      hs_decref (vm, copy);
      return r;
    }
  if ((it = hs_object_iter (vm, iterable)) == NULL)
    return -1;
  while (r == 0 && (item = hs_iter_next (vm, it)) != NULL)
    {
      r = left ? push_front (vm, self, item) : push_back (vm, self, item);
      hs_decref (vm, item);
    }
  hs_decref (vm, it);
  return r == 0 && !hs_err_occurred (vm) ? 0 : -1;
}

/* An empty deque of `type` (a class derived from deque: its size holds the attributes). */
static HsObject *
deque_new_empty (HsVM *vm, const HsType *type, gssize maxlen)
{
  HsObject *self = hs_object_alloc (vm, type, type->basicsize);
  if (self == NULL)
    return NULL;
  DQ (self)->maxlen = maxlen;
  hs_gc_track (vm, self);
  return self;
}

/* maxlen as deque() takes it: None or a non-negative int; -2 on error. */
static gssize
maxlen_arg (HsVM *vm, HsObject *o)
{
  gssize n;
  if (o == NULL || o == hs_None)
    return -1;
  if (!hs_int_check (o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "an integer is required");
      return -2;
    }
  if (!hs_int_arg_ssize (vm, o, &n))
    return -2;
  if (n < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "maxlen must be non-negative");
      return -2;
    }
  return n;
}

/* deque.__init__(iterable=(), maxlen=None): its maxlen, then its items (those it had
 * are dropped), as CPython's deque_init. */
static int
deque_init (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL, *maxlen_obj = NULL;
  gssize maxlen;

  if (!hs_parse_args (vm, "deque", args, nargs, kwnames, "|iterable maxlen", &iterable,
                      &maxlen_obj))
    return -1;
  if ((maxlen = maxlen_arg (vm, maxlen_obj)) == -2)
    return -1;
  DQ (self)->maxlen = maxlen;
  if (DQ (self)->len > 0)
    {
      deque_clear_items (vm, self);
      changed (vm, self);
    }
  return iterable != NULL ? extend (vm, self, iterable, FALSE) : 0;
}

static HsObject *
deque_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = deque_new_empty (vm, type, -1);
  if (self != NULL && deque_init (vm, self, args, nargs, kwnames) < 0)
    HS_CLEAR (vm, self);
  return self;
}

static HsObject *
deque_repr (HsVM *vm, HsObject *self)
{
  HsDeque *d = DQ (self);
  HsObject *list, *r;
  GString *out;

  if (hs_repr_enter (self))
    return hs_str_from_cstr (vm, "[...]");
  /* an empty deque may have no buffer yet (NULL + 0 is undefined) */
  list = hs_list_from_array (vm, d->len > 0 ? d->buf + d->head : NULL, d->len);
  r = list ? hs_object_repr (vm, list) : NULL;
  hs_xdecref (vm, list);
  hs_repr_leave (self);
  if (r == NULL)
    return NULL;
  out = g_string_new (self->type->name);
  g_string_append_printf (out, "(%s", hs_str_utf8 (r));
  if (d->maxlen >= 0)
    g_string_append_printf (out, ", maxlen=%" G_GSSIZE_FORMAT, d->maxlen);
  g_string_append_c (out, ')');
  hs_decref (vm, r);
  return hs_str_from_gstring (vm, out);
}

static gssize
deque_len (HsVM *vm, HsObject *self)
{
  return (gssize)DQ (self)->len;
}

/* The index i of d[i] (negative from the end), or -1 with IndexError/TypeError. */
static gssize
item_index (HsVM *vm, HsObject *self, HsObject *key)
{
  gssize i;
  if (!hs_int_check (key))
    {
      hs_err_format (vm, &hs_exc_TypeError, "sequence index must be integer, not '%s'",
                     hs_type_name (key));
      return -1;
    }
  if ((i = hs_int_as_ssize (vm, key)) == -1 && hs_err_occurred (vm))
    return -1;
  if (i < 0)
    i += (gssize)DQ (self)->len;
  if (i < 0 || i >= (gssize)DQ (self)->len)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "deque index out of range");
      return -1;
    }
  return i;
}

static HsObject *
deque_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gssize i = item_index (vm, self, key);
  return i < 0 ? NULL : hs_incref (DQ (self)->buf[DQ (self)->head + i]);
}

/* Removes the item at i (0 <= i < len). */
static void
remove_at (HsVM *vm, HsObject *self, gsize i)
{
  HsDeque *d = DQ (self);
  HsObject *o = d->buf[d->head + i];
  memmove (d->buf + d->head + i, d->buf + d->head + i + 1, (d->len - i - 1) * sizeof (HsObject *));
  d->len--;
  changed (vm, self);
  hs_decref (vm, o);
}

static int
deque_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  gssize i = item_index (vm, self, key);
  HsObject *old;
  if (i < 0)
    return -1;
  if (value == NULL)
    {
      remove_at (vm, self, (gsize)i);
      return 0;
    }
  old = DQ (self)->buf[DQ (self)->head + i];
  DQ (self)->buf[DQ (self)->head + i] = hs_incref (value);
  changed (vm, self);
  hs_decref (vm, old);
  return 0;
}

/* Index of the first item == x in [lo, hi), -1 if none, -2 on error (RuntimeError when
 * the deque changed while comparing). */
static gssize
find (HsVM *vm, HsObject *self, HsObject *x, gsize lo, gsize hi)
{
  HsDeque *d = DQ (self);
  guint64 state = d->state;
  for (gsize i = lo; i < hi && i < d->len; i++)
    {
      HsObject *item = hs_incref (d->buf[d->head + i]);
      int r = hs_object_equal (vm, item, x);
      hs_decref (vm, item);
      if (r < 0)
        return -2;
      if (d->state != state)
        {
          hs_err_set_string (vm, &hs_exc_RuntimeError, "deque mutated during iteration");
          return -2;
        }
      if (r > 0)
        return (gssize)i;
    }
  return -1;
}

static int
deque_contains (HsVM *vm, HsObject *self, HsObject *x)
{
  gssize i = find (vm, self, x, 0, G_MAXSIZE);
  return i == -2 ? -1 : i >= 0;
}

/* ---- the iterators ----------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *deque; /* NULL once exhausted */
  gsize next;
  guint64 state;
} HsDequeIter;

static void
iter_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsDequeIter *)self)->deque);
}

static void
iter_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsDequeIter *it = (HsDequeIter *)self;
  if (it->deque != NULL)
    hs_visit (visit, it->deque, data);
}

static HsObject *
iter_self (HsVM *vm, HsObject *self)
{
  return hs_incref (self);
}

static HsObject *
iter_next (HsVM *vm, HsObject *self)
{
  HsDequeIter *it = (HsDequeIter *)self;
  HsDeque *d;
  gboolean reverse = self->type == &hs_deque_reviter_type;

  if (it->deque == NULL)
    return NULL;
  d = DQ (it->deque);
  if (d->state != it->state)
    {
      hs_err_set_string (vm, &hs_exc_RuntimeError, "deque mutated during iteration");
      return NULL;
    }
  if (it->next >= d->len)
    {
      HS_CLEAR (vm, it->deque);
      return NULL;
    }
  return hs_incref (d->buf[d->head + (reverse ? d->len - 1 - it->next++ : it->next++)]);
}

HsType hs_deque_iter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_deque_iterator",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsDequeIter),
  .dealloc = iter_dealloc,
  .refs = iter_refs,
  .clear = iter_dealloc,
  .iter = iter_self,
  .iternext = iter_next,
};

HsType hs_deque_reviter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_deque_reverse_iterator",
  .base = &hs_deque_iter_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsDequeIter),
};

static HsObject *
iter_new (HsVM *vm, HsObject *self, HsType *type)
{
  HsDequeIter *it = (HsDequeIter *)hs_object_alloc (vm, type, sizeof (HsDequeIter));
  if (it == NULL)
    return NULL;
  it->deque = hs_incref (self);
  it->state = DQ (self)->state;
  hs_gc_track (vm, &it->header);
  return &it->header;
}

static HsObject *
deque_iter (HsVM *vm, HsObject *self)
{
  return iter_new (vm, self, &hs_deque_iter_type);
}

/* ---- comparisons and operators ----------------------------------------------------- */

static HsObject *
as_list (HsVM *vm, HsObject *self)
{
  return hs_list_from_array (vm, DQ (self)->buf + DQ (self)->head, DQ (self)->len);
}

static HsObject *
deque_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *la, *lb, *r;
  if (!is_deque (a) || !is_deque (b))
    return hs_incref (hs_NotImplemented);
  la = as_list (vm, a);
  lb = la ? as_list (vm, b) : NULL;
  r = lb ? hs_object_richcompare (vm, la, lb, op) : NULL;
  hs_xdecref (vm, la);
  hs_xdecref (vm, lb);
  return r;
}

/* d.copy(): a deque's items; a subclass's is type(d)(d) or type(d)(d, maxlen), as
 * CPython's deque_copy calls the class. */
static HsObject *
copy_of (HsVM *vm, HsObject *self)
{
  HsObject *c, *args[2] = { self, NULL };

  if (HS_IS (self, &hs_deque_type))
    {
      c = deque_new_empty (vm, self->type, DQ (self)->maxlen);
      if (c != NULL && extend (vm, c, self, FALSE) < 0)
        HS_CLEAR (vm, c);
      return c;
    }
  if (DQ (self)->maxlen >= 0 && (args[1] = hs_int_from_i64 (vm, DQ (self)->maxlen)) == NULL)
    return NULL;
  c = hs_object_call (vm, (HsObject *)self->type, args, args[1] != NULL ? 2 : 1, NULL);
  hs_xdecref (vm, args[1]);
  if (c != NULL && !is_deque (c))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() must return a deque, not %s",
                     hs_type_tp_name (self->type), hs_type_name (c));
      HS_CLEAR (vm, c);
    }
  return c;
}

/* d * n into `target` (self for *=). */
static HsObject *
repeat (HsVM *vm, HsObject *self, HsObject *n_obj, gboolean inplace)
{
  gssize n = hs_sequence_repeat_count (vm, n_obj);
  HsObject *items, *target;

  if (n == -1 && hs_err_occurred (vm))
    return NULL;
  if ((items = as_list (vm, self)) == NULL)
    return NULL;
  target = inplace ? hs_incref (self) : copy_of (vm, self); /* CPython's deque_repeat */
  if (target != NULL)
    deque_clear_items (vm, target);
  for (gssize i = 0; target != NULL && i < n; i++)
    if (extend (vm, target, items, FALSE) < 0)
      HS_CLEAR (vm, target);
  hs_decref (vm, items);
  return target;
}

static HsObject *
deque_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r;
  if (op == HS_BIN_ADD && is_deque (a))
    {
      if (!is_deque (b))
        {
          hs_err_format (vm, &hs_exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                         hs_type_name (b));
          return NULL;
        }
      r = copy_of (vm, a);
      if (r != NULL && extend (vm, r, b, FALSE) < 0)
        HS_CLEAR (vm, r);
      return r;
    }
  if (op == HS_BIN_MUL && is_deque (a) && !hs_int_check (b))
    {
      hs_err_format (vm, &hs_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                     hs_type_name (b));
      return NULL;
    }
  if (op == HS_BIN_MUL && is_deque (a))
    return repeat (vm, a, b, FALSE);
  if (op == HS_BIN_MUL && is_deque (b) && hs_int_check (a))
    return repeat (vm, b, a, FALSE);
  return hs_incref (hs_NotImplemented);
}

static HsObject *
deque_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && is_deque (a))
    return extend (vm, a, b, FALSE) < 0 ? NULL : hs_incref (a);
  if (op == HS_BIN_MUL && is_deque (a) && hs_int_check (b))
    return repeat (vm, a, b, TRUE);
  return hs_incref (hs_NotImplemented);
}

static HsObject *
deque_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "maxlen") && hs_type_lookup_borrow (self->type, name) == NULL)
    return DQ (self)->maxlen < 0 ? hs_None : hs_int_from_i64 (vm, DQ (self)->maxlen);
  return hs_object_generic_getattr (vm, self, name);
}

/* ---- methods ----------------------------------------------------------------------- */

static HsObject *
m_append (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL;
  if (!hs_parse_args (vm, "deque.append", args + 1, nargs - 1, kwnames, "!x", &x))
    return NULL;
  return push_back (vm, args[0], x) < 0 ? NULL : hs_None;
}

static HsObject *
m_appendleft (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL;
  if (!hs_parse_args (vm, "deque.appendleft", args + 1, nargs - 1, kwnames, "!x", &x))
    return NULL;
  return push_front (vm, args[0], x) < 0 ? NULL : hs_None;
}

static HsObject *
pop_end (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean left)
{
  HsObject *self = args[0], *o;
  if (!hs_parse_args (vm, left ? "deque.popleft" : "deque.pop", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (DQ (self)->len == 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "pop from an empty deque");
      return NULL;
    }
  o = left ? pop_front (DQ (self)) : pop_back (DQ (self));
  changed (vm, self);
  return o;
}

static HsObject *
m_pop (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return pop_end (vm, args, nargs, kwnames, FALSE);
}

static HsObject *
m_popleft (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return pop_end (vm, args, nargs, kwnames, TRUE);
}

static HsObject *
m_extend (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL;
  if (!hs_parse_args (vm, "deque.extend", args + 1, nargs - 1, kwnames, "!x", &x))
    return NULL;
  return extend (vm, args[0], x, FALSE) < 0 ? NULL : hs_None;
}

static HsObject *
m_extendleft (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL;
  if (!hs_parse_args (vm, "deque.extendleft", args + 1, nargs - 1, kwnames, "!x", &x))
    return NULL;
  return extend (vm, args[0], x, TRUE) < 0 ? NULL : hs_None;
}

static HsObject *
m_rotate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *n_obj = NULL;
  HsDeque *d = DQ (self);
  gssize n = 1;

  if (!hs_parse_args (vm, "rotate", args + 1, nargs - 1, kwnames, "|n /", &n_obj))
    return NULL;
  if (n_obj != NULL && !hs_int_check (n_obj))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (n_obj));
      return NULL;
    }
  if (n_obj != NULL && (n = hs_int_as_ssize (vm, n_obj)) == -1 && hs_err_occurred (vm))
    return NULL;
  if (d->len <= 1)
    return hs_None;
  n %= (gssize)d->len;
  if (n < 0)
    n += (gssize)d->len;
  if (n == 0)
    return hs_None;
  /* right by n: the last n items move to the front */
  if (!reserve (vm, d, (gsize)n, 0))
    return NULL;
  memmove (d->buf + d->head - n, d->buf + d->head + d->len - n, (gsize)n * sizeof (HsObject *));
  d->head -= (gsize)n;
  changed (vm, self);
  return hs_None;
}

static HsObject *
m_clear (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "deque.clear", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  deque_clear_items (vm, args[0]);
  changed (vm, args[0]);
  return hs_None;
}

static HsObject *
m_copy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "deque.copy", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return copy_of (vm, args[0]);
}

static HsObject *
m_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL;
  gssize i = -1, n = 0;
  if (!hs_parse_args (vm, "deque.count", args + 1, nargs - 1, kwnames, "!x", &x))
    return NULL;
  while ((i = find (vm, args[0], x, (gsize)(i + 1), G_MAXSIZE)) >= 0)
    n++;
  return i == -2 ? NULL : hs_int_from_i64 (vm, n);
}

/* A start/stop argument of index(), clipped to [0, len]. */
static gboolean
bound (HsVM *vm, HsObject *o, gsize len, gsize *out)
{
  return o == NULL || hs_sequence_bound (vm, o, len, out);
}

static HsObject *
m_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL, *lo_obj = NULL, *hi_obj = NULL, *r;
  gsize len = DQ (args[0])->len, lo = 0, hi = len;
  gssize i;

  if (!hs_parse_args (vm, "index", args + 1, nargs - 1, kwnames, "x|start stop /", &x, &lo_obj,
                      &hi_obj)
      || !bound (vm, lo_obj, len, &lo) || !bound (vm, hi_obj, len, &hi))
    return NULL;
  if ((i = find (vm, args[0], x, lo, hi)) >= 0)
    return hs_int_from_i64 (vm, i);
  if (i == -1 && (r = hs_object_repr (vm, x)) != NULL)
    {
      hs_err_format (vm, &hs_exc_ValueError, "%s is not in deque", hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  return NULL;
}

static HsObject *
m_remove (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL, *r;
  gssize i;
  if (!hs_parse_args (vm, "deque.remove", args + 1, nargs - 1, kwnames, "!x", &x))
    return NULL;
  if ((i = find (vm, args[0], x, 0, G_MAXSIZE)) >= 0)
    {
      remove_at (vm, args[0], (gsize)i);
      return hs_None;
    }
  if (i == -1 && (r = hs_object_repr (vm, x)) != NULL)
    {
      hs_err_format (vm, &hs_exc_ValueError, "%s is not in deque", hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  return NULL;
}

static HsObject *
m_insert (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *i_obj = NULL, *x = NULL;
  HsDeque *d = DQ (self);
  gssize i;

  if (!hs_parse_args (vm, "insert", args + 1, nargs - 1, kwnames, "index object /", &i_obj, &x))
    return NULL;
  if ((i = hs_int_as_ssize_index (vm, i_obj)) == -1 && hs_err_occurred (vm))
    return NULL;
  if (d->maxlen >= 0 && d->len >= (gsize)d->maxlen)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "deque already at its maximum size");
      return NULL;
    }
  if (i < 0)
    i = MAX (0, i + (gssize)d->len);
  i = MIN (i, (gssize)d->len);
  if (!reserve (vm, d, 0, 1))
    return NULL;
  memmove (d->buf + d->head + i + 1, d->buf + d->head + i,
           (d->len - (gsize)i) * sizeof (HsObject *));
  d->buf[d->head + i] = hs_incref (x);
  d->len++;
  changed (vm, self);
  return hs_None;
}

static HsObject *
m_reverse (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsDeque *d = DQ (args[0]);
  if (!hs_parse_args (vm, "deque.reverse", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  for (gsize i = 0; i < d->len / 2; i++)
    {
      HsObject *t = d->buf[d->head + i];
      d->buf[d->head + i] = d->buf[d->head + d->len - 1 - i];
      d->buf[d->head + d->len - 1 - i] = t;
    }
  changed (vm, args[0]);
  return hs_None;
}

static HsObject *
m_reversed (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "deque.__reversed__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return iter_new (vm, args[0], &hs_deque_reviter_type);
}

static HsObject *
m_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return deque_init (vm, args[0], args + 1, nargs - 1, kwnames) < 0 ? NULL : hs_None;
}

/* (type, () or ((), maxlen), the instance's attributes or None, iter(self)), as copy and
 * pickle use it */
static HsObject *
m_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0], *maxlen = NULL, *cargs, *state, *it = NULL, *r = NULL;
  if (!hs_parse_args (vm, "deque.__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (DQ (self)->maxlen >= 0 && (maxlen = hs_int_from_i64 (vm, DQ (self)->maxlen)) == NULL)
    return NULL;
  cargs = maxlen ? hs_tuple_pack (vm, 2, hs_tuple_empty (), maxlen) : hs_incref (hs_tuple_empty ());
  state = cargs ? hs_builtin_subclass_state (vm, self) : NULL;
  it = state ? deque_iter (vm, self) : NULL;
  if (it != NULL)
    r = hs_tuple_pack (vm, 4, (HsObject *)self->type, cargs, state, it);
  hs_xdecref (vm, maxlen);
  hs_xdecref (vm, cargs);
  hs_xdecref (vm, state);
  hs_xdecref (vm, it);
  return r;
}

static const HsMethodDef deque_methods[] = {
  { "append", m_append },
  { "appendleft", m_appendleft },
  { "pop", m_pop },
  { "popleft", m_popleft },
  { "extend", m_extend },
  { "extendleft", m_extendleft },
  { "rotate", m_rotate },
  { "clear", m_clear },
  { "copy", m_copy },
  { "__copy__", m_copy },
  { "count", m_count },
  { "index", m_index },
  { "insert", m_insert },
  { "remove", m_remove },
  { "reverse", m_reverse },
  { "__reversed__", m_reversed },
  { "__reduce__", m_reduce },
  { "__init__", m_init, HS_METH_SLOT },
  { NULL, NULL },
};

HsType hs_deque_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "deque",
  .module = "collections",
  .tp_name = "collections.deque",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_DRAWN_AS_LIST,
  .basicsize = sizeof (HsDeque),
  .dealloc = deque_dealloc,
  .refs = deque_refs,
  .clear = deque_clear_slot,
  .repr = deque_repr,
  .hash = hs_object_hash_not_implemented,
  .richcompare = deque_richcompare,
  .binop = deque_binop,
  .inplace = deque_inplace,
  .len = deque_len,
  .getitem = deque_getitem,
  .setitem = deque_setitem,
  .contains = deque_contains,
  .iter = deque_iter,
  .getattr = deque_getattr,
  .construct = deque_construct,
  .methods = deque_methods,
};

/* deque.maxlen, a read-only getset as CPython's */
static HsObject *
deque_maxlen (HsVM *vm, HsObject *self, HsObject *name)
{
  return DQ (self)->maxlen < 0 ? hs_incref (hs_None) : hs_int_from_i64 (vm, DQ (self)->maxlen);
}

void
hs_deque_runtime_init (void)
{
  hs_type_ready (&hs_deque_type);
  hs_getset_install (&hs_deque_type, "maxlen", deque_maxlen, NULL);
  hs_type_ready (&hs_deque_iter_type);
  hs_type_ready (&hs_deque_reviter_type);
}
