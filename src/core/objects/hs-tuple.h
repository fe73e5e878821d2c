/* hs-tuple.h — Python's tuple.
 *
 * Invariant: a tuple's items are fixed once it has been handed to Python code. A fresh
 * tuple from hs_tuple_new has NULL items that its creator fills (hs_tuple_set_take)
 * before anything else sees it; refs and dealloc tolerate NULLs meanwhile. The
 * empty tuple is one process-wide immortal object.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  gsize len;
  HsObject *items[];
} HsTuple;

#define HS_TUPLE(o) ((HsTuple *)(o))

static inline gboolean
hs_tuple_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_tuple_type);
}

static inline HsObject **
hs_tuple_items (HsObject *t)
{
  return HS_TUPLE (t)->items;
}

static inline gsize
hs_tuple_len (HsObject *t)
{
  return HS_TUPLE (t)->len;
}

static inline HsObject *
hs_tuple_get_borrow (HsObject *t, gsize i)
{
  return HS_TUPLE (t)->items[i];
}

/* Fills a slot of a fresh tuple, stealing `item`. */
static inline void
hs_tuple_set_take (HsObject *t, gsize i, HsObject *item)
{
  HS_TUPLE (t)->items[i] = item;
}

/* A tuple of n NULL items (n == 0: the shared empty tuple). vm NULL: immortal. */
HsObject *hs_tuple_new (HsVM *vm, gsize n);
/* A tuple of n unset items of a subtype of tuple (a namedtuple class), never shared. */
HsObject *hs_tuple_new_type (HsVM *vm, const HsType *type, gsize n);
HsObject *hs_tuple_from_array (HsVM *vm, HsObject *const *items, gsize n); /* borrows */
HsObject *hs_tuple_pack (HsVM *vm, gsize n, ...);                          /* borrows */
HsObject *hs_tuple_from_iterable (HsVM *vm, HsObject *iterable);
HsObject *hs_tuple_empty (void); /* the shared empty tuple (immortal) */

G_END_DECLS
