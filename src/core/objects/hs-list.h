/* hs-list.h — Python's list.
 *
 * Invariant: items[0..len) are non-NULL owned references; cap >= len is the allocated
 * slot count (bytes counted by hs_mem_realloc). Every mutation marks the list dirty
 * with the index range that may have changed (hs_object_mark_dirty_range).
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  HsObject **items;
  gsize len;
  gsize cap;
} HsList;

#define HS_LIST(o) ((HsList *)(o))

static inline gboolean
hs_list_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_list_type);
}

static inline HsObject **
hs_list_items (HsObject *list)
{
  return HS_LIST (list)->items;
}

static inline gsize
hs_list_len (HsObject *list)
{
  return HS_LIST (list)->len;
}

static inline HsObject *
hs_list_get_borrow (HsObject *list, gsize i)
{
  return HS_LIST (list)->items[i];
}

/* An empty list with room for `prealloc` items. */
HsObject *hs_list_new (HsVM *vm, gsize prealloc);
/* A list of items[0..n) (borrowed: each is increfed). */
HsObject *hs_list_from_array (HsVM *vm, HsObject *const *items, gsize n);
/* list(iterable). */
HsObject *hs_list_from_iterable (HsVM *vm, HsObject *iterable);
int hs_list_append (HsVM *vm, HsObject *list, HsObject *item); /* borrows item */
/* steals item, even on error; item NULL (a failed call's result, its error set) is -1 */
int hs_list_append_take (HsVM *vm, HsObject *list, HsObject *item);
int hs_list_extend (HsVM *vm, HsObject *list, HsObject *iterable);
int hs_list_insert (HsVM *vm, HsObject *list, gssize index, HsObject *item);
/* Replaces items[i] (0 <= i < len), borrowing item. */
void hs_list_set_item (HsVM *vm, HsObject *list, gsize i, HsObject *item);
/* In-place stable sort (timsort, hs-sort.c); key may be NULL or None. */
int hs_list_sort (HsVM *vm, HsObject *list, HsObject *key, gboolean reverse);
void hs_list_reverse (HsVM *vm, HsObject *list);
HsObject *hs_list_as_tuple (HsVM *vm, HsObject *list);

G_END_DECLS
