/* hs-tuple.c — Python's tuple.
 *
 * Invariant: the items live inline after the header; once a tuple is visible to Python
 * code every slot is a non-NULL owned reference and never changes. The empty tuple is a
 * single static immortal object. Hashes follow CPython 3.8+'s xxHash-based tuplehash so
 * that hash((1, 2)) prints the same number.
 */
#include "config.h"

#include "hs-tuple.h"

#include <stdarg.h>
#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-range.h"
#include "hs-str.h"

#define PTR_SIZE sizeof (HsObject *)

static HsTuple empty_tuple = {
  .header = { .type = &hs_tuple_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .len = 0,
};

HsObject *
hs_tuple_empty (void)
{
  return &empty_tuple.header;
}

HsObject *
hs_tuple_new (HsVM *vm, gsize n)
{
  HsTuple *t;

  if (n == 0)
    return &empty_tuple.header;
  if (n > (G_MAXSSIZE - sizeof (HsTuple)) / PTR_SIZE)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  t = (HsTuple *)hs_object_alloc (vm, &hs_tuple_type, sizeof (HsTuple) + n * PTR_SIZE);
  if (t == NULL)
    return NULL;
  t->len = n;
  if (vm != NULL)
    hs_gc_track (vm, &t->header);
  return &t->header;
}

HsObject *
hs_tuple_new_type (HsVM *vm, const HsType *type, gsize n)
{
  HsTuple *t;

  if (n > (G_MAXSSIZE - sizeof (HsTuple)) / PTR_SIZE)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  t = (HsTuple *)hs_object_alloc (vm, type, sizeof (HsTuple) + n * PTR_SIZE);
  if (t == NULL)
    return NULL;
  t->len = n;
  hs_gc_track (vm, &t->header);
  return &t->header;
}

HsObject *
hs_tuple_from_array (HsVM *vm, HsObject *const *items, gsize n)
{
  HsObject *t = hs_tuple_new (vm, n);

  if (t == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    HS_TUPLE (t)->items[i] = hs_incref (items[i]);
  return t;
}

HsObject *
hs_tuple_pack (HsVM *vm, gsize n, ...)
{
  HsObject *t = hs_tuple_new (vm, n);
  va_list ap;

  if (t == NULL)
    return NULL;
  va_start (ap, n);
  for (gsize i = 0; i < n; i++)
    HS_TUPLE (t)->items[i] = hs_incref (va_arg (ap, HsObject *));
  va_end (ap);
  return t;
}

HsObject *
hs_tuple_from_iterable (HsVM *vm, HsObject *iterable)
{
  HsObject *list, *t;

  if (HS_IS (iterable, &hs_tuple_type))
    return hs_incref (iterable);
  if (HS_IS (iterable, &hs_list_type))
    return hs_list_as_tuple (vm, iterable);
  list = hs_list_from_iterable (vm, iterable);
  if (list == NULL)
    return NULL;
  t = hs_list_as_tuple (vm, list);
  hs_decref (vm, list);
  return t;
}

/* ---- slots ----------------------------------------------------------------------------- */

static void
tuple_dealloc (HsVM *vm, HsObject *self)
{
  HsTuple *t = HS_TUPLE (self);
  for (gsize i = t->len; i > 0; i--)
    HS_CLEAR (vm, t->items[i - 1]);
}

static void
tuple_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsTuple *t = HS_TUPLE (self);
  for (gsize i = 0; i < t->len; i++)
    if (t->items[i] != NULL)
      hs_visit_item (visit, t->items[i], HS_REF_ITEM, i, data);
}

static HsObject *
tuple_repr (HsVM *vm, HsObject *self)
{
  HsTuple *t = HS_TUPLE (self);
  GString *out;

  if (t->len == 0)
    return hs_str_new (vm, "()", 2);
  if (hs_repr_enter (self))
    return hs_str_new (vm, "(...)", 5);
  out = g_string_new ("(");
  for (gsize i = 0; i < t->len; i++)
    {
      if ((i > 0 && !hs_str_build (vm, out, ", ", 2)) || !hs_str_build_repr (vm, out, t->items[i]))
        {
          hs_repr_leave (self);
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  g_string_append (out, t->len == 1 ? ",)" : ")");
  hs_repr_leave (self);
  return hs_str_from_gstring (vm, out);
}

#define XXPRIME_1 G_GUINT64_CONSTANT (11400714785074694791)
#define XXPRIME_2 G_GUINT64_CONSTANT (14029467366897019727)
#define XXPRIME_5 G_GUINT64_CONSTANT (2870177450012600261)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static int
tuple_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsTuple *t = HS_TUPLE (self);
  guint64 acc = XXPRIME_5;

  for (gsize i = 0; i < t->len; i++)
    {
      gint64 lane;
      if (hs_object_hash (vm, t->items[i], &lane) < 0)
        return -1;
      acc += (guint64)lane * XXPRIME_2;
      acc = XXROTATE (acc);
      acc *= XXPRIME_1;
    }
  acc += t->len ^ (XXPRIME_5 ^ G_GUINT64_CONSTANT (3527539));
  *out = acc == G_MAXUINT64 ? 1546275796 : (gint64)acc;
  return 0;
}

static HsObject *
tuple_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (!hs_tuple_check (a) || !hs_tuple_check (b))
    return hs_incref (hs_NotImplemented);
  return hs_sequence_richcompare (vm, a, b, op);
}

static HsObject *
tuple_concat (HsVM *vm, HsObject *a, HsObject *b)
{
  gsize na = hs_tuple_len (a), nb = hs_tuple_len (b);
  HsObject *r;

  if (nb == 0 && HS_IS (a, &hs_tuple_type))
    return hs_incref (a);
  if (na == 0 && HS_IS (b, &hs_tuple_type))
    return hs_incref (b);
  r = hs_tuple_new (vm, na + nb);
  if (r == NULL)
    return NULL;
  for (gsize i = 0; i < na; i++)
    HS_TUPLE (r)->items[i] = hs_incref (HS_TUPLE (a)->items[i]);
  for (gsize i = 0; i < nb; i++)
    HS_TUPLE (r)->items[na + i] = hs_incref (HS_TUPLE (b)->items[i]);
  return r;
}

static HsObject *
tuple_repeat (HsVM *vm, HsObject *t, gssize n)
{
  gsize len = hs_tuple_len (t);
  HsObject *r;

  if (n == 1 && HS_IS (t, &hs_tuple_type))
    return hs_incref (t);
  if (len == 0 || n == 0)
    return hs_tuple_empty ();
  if ((gsize)n > (G_MAXSSIZE / PTR_SIZE) / len)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  r = hs_tuple_new (vm, len * (gsize)n);
  if (r == NULL)
    return NULL;
  for (gsize k = 0, j = 0; k < (gsize)n; k++)
    for (gsize i = 0; i < len; i++)
      HS_TUPLE (r)->items[j++] = hs_incref (HS_TUPLE (t)->items[i]);
  return r;
}

static HsObject *
tuple_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && hs_tuple_check (a) && hs_tuple_check (b))
    return tuple_concat (vm, a, b);
  if (op == HS_BIN_MUL)
    {
      HsObject *t = hs_tuple_check (a) ? a : b, *n = t == a ? b : a;
      gssize count;
      if (!hs_object_has_index (n))
        return hs_incref (hs_NotImplemented);
      count = hs_sequence_repeat_count (vm, n);
      return count < 0 ? NULL : tuple_repeat (vm, t, count);
    }
  return hs_incref (hs_NotImplemented);
}

static gssize
tuple_len (HsVM *vm, HsObject *self)
{
  return (gssize)hs_tuple_len (self);
}

static HsObject *
tuple_slice (HsVM *vm, HsObject *self, HsObject *slice)
{
  gssize start, stop, step, n;
  HsObject *r;

  if (hs_slice_indices (vm, slice, (gssize)hs_tuple_len (self), &start, &stop, &step, &n) < 0)
    return NULL;
  if (step == 1 && n == (gssize)hs_tuple_len (self) && HS_IS (self, &hs_tuple_type))
    return hs_incref (self);
  r = hs_tuple_new (vm, (gsize)n);
  if (r == NULL)
    return NULL;
  for (gssize k = 0, i = start; k < n; k++, i += step)
    HS_TUPLE (r)->items[k] = hs_incref (HS_TUPLE (self)->items[i]);
  return r;
}

static HsObject *
tuple_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gssize i;

  if (HS_IS (key, &hs_slice_type))
    return tuple_slice (vm, self, key);
  if (!hs_sequence_index (vm, key, "tuple", &i))
    return NULL;
  if (hs_index_normalize (&i, hs_tuple_len (self)) < 0)
    {
      hs_err_set_string (vm, &hs_exc_IndexError, "tuple index out of range");
      return NULL;
    }
  return hs_incref (HS_TUPLE (self)->items[i]);
}

static int
tuple_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  for (gsize i = 0; i < hs_tuple_len (self); i++)
    {
      int r = hs_object_equal (vm, HS_TUPLE (self)->items[i], item);
      if (r != 0)
        return r;
    }
  return 0;
}

static HsObject *
tuple_iter (HsVM *vm, HsObject *self)
{
  return hs_tuple_iter_new (vm, self);
}

static HsObject *
tuple_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *iterable = NULL;

  if (!hs_parse_args (vm, "tuple", args, nargs, kwnames, "|iterable /", &iterable))
    return NULL;
  return iterable ? hs_tuple_from_iterable (vm, iterable) : hs_tuple_empty ();
}

/* ---- methods --------------------------------------------------------------------------- */

static HsObject *
m_count (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x, *self = args[0];
  gint64 n = 0;

  if (!hs_parse_args (vm, "tuple.count", args + 1, nargs - 1, kwnames, "!value", &x))
    return NULL;
  for (gsize i = 0; i < hs_tuple_len (self); i++)
    {
      int r = hs_object_equal (vm, HS_TUPLE (self)->items[i], x);
      if (r < 0)
        return NULL;
      n += r;
    }
  return hs_int_from_i64 (vm, n);
}

static HsObject *
m_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x, *start = NULL, *stop = NULL, *self = args[0];
  gsize lo = 0, hi = G_MAXSIZE, len = hs_tuple_len (self);

  if (!hs_parse_args (vm, "tuple.index", args + 1, nargs - 1, kwnames, "value | start stop /", &x,
                      &start, &stop))
    return NULL;
  if ((start && !hs_sequence_bound (vm, start, len, &lo))
      || (stop && !hs_sequence_bound (vm, stop, len, &hi)))
    return NULL;
  for (gsize i = lo; i < hi && i < len; i++)
    {
      int r = hs_object_equal (vm, HS_TUPLE (self)->items[i], x);
      if (r < 0)
        return NULL;
      if (r > 0)
        return hs_int_from_i64 (vm, (gint64)i);
    }
  hs_err_set_string (vm, &hs_exc_ValueError, "tuple.index(x): x not in tuple");
  return NULL;
}

/* tuple.__getnewargs__(): (t,), the tuple itself when it is exactly a tuple (CPython's
 * PyTuple_GetSlice of all of it), else a tuple of its items. */
static HsObject *
m_getnewargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *copy, *r;
  if (!hs_parse_args (vm, "tuple.__getnewargs__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  copy = HS_IS (args[0], &hs_tuple_type)
             ? hs_incref (args[0])
             : hs_tuple_from_array (vm, hs_tuple_items (args[0]), hs_tuple_len (args[0]));
  if (copy == NULL)
    return NULL;
  r = hs_tuple_pack (vm, 1, copy);
  hs_decref (vm, copy);
  return r;
}

static const HsMethodDef tuple_methods[] = {
  { "__getnewargs__", m_getnewargs },
  { "count", m_count },
  { "index", m_index },
  { NULL },
};

HsType hs_tuple_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "tuple",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsTuple),
  .dealloc = tuple_dealloc,
  .refs = tuple_refs,
  .clear = tuple_dealloc,
  .repr = tuple_repr,
  .hash = tuple_hash,
  .richcompare = tuple_richcompare,
  .binop = tuple_binop,
  .len = tuple_len,
  .getitem = tuple_getitem,
  .contains = tuple_contains,
  .iter = tuple_iter,
  .construct = tuple_construct,
  .methods = tuple_methods,
};
