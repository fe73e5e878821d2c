/* hs-object-private.h — heap set-up and inspection shared by the core's modules.
 *
 * Invariant: between hs_heap_init and hs_heap_fini, vm->live lists every mortal object of
 * the VM; hs_heap_fini frees them all, cycles included, without running Python code.
 */
#pragma once

#include <string.h>

#include "hs-vm-private.h"

G_BEGIN_DECLS

/* hs_object_mark_dirty(_range) inline where the VM's fields are seen (issue 20): a run that
 * records nothing only flags the object, which the call cost several times over (every
 * append, attribute store and set insertion marks its container). */
static inline void
hs_object_mark_dirty_range_inline (HsVM *vm, HsObject *obj, gsize lo, gsize hi)
{
  if (G_LIKELY (vm == NULL || !vm->track_dirty))
    obj->flags |= HS_FLAG_DIRTY;
  else
    hs_object_mark_dirty_range (vm, obj, lo, hi);
}
#define hs_object_mark_dirty_range(vm, obj, lo, hi)                                                \
  hs_object_mark_dirty_range_inline (vm, obj, lo, hi)
#define hs_object_mark_dirty(vm, obj) hs_object_mark_dirty_range_inline (vm, obj, 0, G_MAXSIZE)

void hs_heap_init (HsVM *vm);
void hs_heap_fini (HsVM *vm);

/* Recursion guard for repr of self-containing containers (CPython's Py_ReprEnter):
 * TRUE if obj is already being printed (print "[...]"), else marks it. */
static inline gboolean
hs_repr_enter (HsObject *obj)
{
  if (obj->flags & HS_FLAG_REPR_ACTIVE)
    return TRUE;
  obj->flags |= HS_FLAG_REPR_ACTIVE;
  return FALSE;
}

static inline void
hs_repr_leave (HsObject *obj)
{
  obj->flags &= ~(guint32)HS_FLAG_REPR_ACTIVE;
}

/* ---- allocation (hs-object.c) ------------------------------------------------- */

/* Hidden prefix: keeps 16-byte alignment of the object that follows. */
typedef union
{
  gsize size;
  gint64 align[2];
} HsAllocPrefix;

#if defined(__SANITIZE_ADDRESS__)
#define HS_USE_FREE_LISTS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HS_USE_FREE_LISTS 0
#endif
#endif
#ifndef HS_USE_FREE_LISTS
#define HS_USE_FREE_LISTS 1
#endif

/* Bytes malloc'd for an object of `size` bytes, its prefix included. */
static inline gsize
hs_alloc_block_size (gsize size)
{
  return (size + sizeof (HsAllocPrefix) + 15) & ~(gsize)15;
}

static inline guint
hs_alloc_class (gsize block)
{
  return (guint)(block / 16) - 1;
}

static inline gboolean
hs_alloc_in_arena (gsize block)
{
  return HS_USE_FREE_LISTS && hs_alloc_class (block) < HS_FREE_CLASSES;
}

/* Zeroes a recycled block. The smallest objects' sizes are spelled out: a memset of a
 * constant size is a few vector stores, where the call with a variable size was a fifth
 * of making a float. */
static inline void
hs_alloc_zero (gpointer p, gsize block)
{
  switch (block)
    {
      case 64:
        memset (p, 0, 64);
        break;
      case 80:
        memset (p, 0, 80);
        break;
      case 96:
        memset (p, 0, 96);
        break;
      default:
        memset (p, 0, block);
    }
}

static inline void
hs_live_link (HsVM *vm, HsObject *obj)
{
  obj->prev = vm->live.prev;
  obj->next = &vm->live;
  vm->live.prev->next = obj;
  vm->live.prev = obj;
  vm->live_count++;
}

/* The common part of making an object in the block taken for it: counted, numbered and
 * linked into vm->live. */
static inline HsObject *
hs_object_init_block (HsVM *vm, HsAllocPrefix *prefix, const HsType *type, gsize size, gsize block)
{
  HsObject *obj = (HsObject *)(prefix + 1);

  prefix->size = size;
  vm->heap_bytes += block;
  obj->type = type;
  obj->refcount = 1;
  obj->id = vm->next_id++;
  hs_live_link (vm, obj);
  return obj;
}

/* A block of an arena size class for a plain object: a recycled one, else carved from the
 * current arena (the floats a loop appends to a list find no recycled block, and the call
 * to the general way cost them more than making a float does); NULL when neither has one
 * (a new arena is the general way's). Taken only once the caller's checks passed. */
static inline HsAllocPrefix *
hs_alloc_plain_block (HsVM *vm, gsize block)
{
  HsAllocPrefix *prefix = vm->free_blocks[hs_alloc_class (block)];

  if (prefix != NULL)
    {
      vm->free_blocks[hs_alloc_class (block)] = *(gpointer *)prefix;
      return prefix;
    }
  if (vm->arena_left < block)
    return NULL;
  prefix = (HsAllocPrefix *)vm->arena_next;
  vm->arena_next += block;
  vm->arena_left -= block;
  return prefix;
}

/* hs_object_alloc for a type that is neither collected nor a class (float, int), inline:
 * with a constant size the size class folds away and a block is taken here (a call, the
 * size arithmetic and the checks of the general way were half of making a float), each
 * field written once instead of the block zeroed first. An alloc hook, the heap limit
 * near, or no block at hand: the general way. */
static inline HsObject *
hs_object_alloc_plain_common (HsVM *vm, const HsType *type, gsize size, gboolean zero)
{
  gsize block = hs_alloc_block_size (size);
  HsAllocPrefix *prefix;
  HsObject *obj;

  if (!hs_alloc_in_arena (block) || vm == NULL || (vm->hooks != NULL && vm->hooks->alloc != NULL)
      || (vm->config.heap_limit_bytes != 0 && vm->heap_bytes + block > vm->config.heap_limit_bytes)
      || (prefix = hs_alloc_plain_block (vm, block)) == NULL)
    {
      g_assert (!(type->type_flags & (HS_TYPE_GC | HS_TYPE_HEAP)));
      return hs_object_alloc (vm, type, size);
    }
  obj = (HsObject *)(prefix + 1);
  if (zero)
    memset ((char *)obj + sizeof (HsObject), 0, size - sizeof (HsObject));
  obj->flags = 0;
  obj->gc_refs = 0;
  return hs_object_init_block (vm, prefix, type, size, block);
}

static inline HsObject *
hs_object_alloc_plain (HsVM *vm, const HsType *type, gsize size)
{
  return hs_object_alloc_plain_common (vm, type, size, TRUE);
}

/* The same for an object whose maker writes every byte past the header (a str: its
 * lengths, hash, flag and text): a recycled block is not cleared first. */
static inline HsObject *
hs_object_alloc_plain_unzeroed (HsVM *vm, const HsType *type, gsize size)
{
  return hs_object_alloc_plain_common (vm, type, size, FALSE);
}

/* The converse for an object hs_object_free has found holding nothing and needing no
 * dealloc (a float, an int without GMP digits) and made `size` bytes large: unlinked and
 * its block recycled. */
static inline void
hs_object_free_plain_sized (HsVM *vm, HsObject *obj, gsize size)
{
  HsAllocPrefix *prefix = (HsAllocPrefix *)obj - 1;
  gsize block = hs_alloc_block_size (size);

  obj->prev->next = obj->next;
  obj->next->prev = obj->prev;
  vm->live_count--;
  vm->heap_bytes -= block;
  if (hs_alloc_in_arena (block))
    {
      *(gpointer *)prefix = vm->free_blocks[hs_alloc_class (block)];
      vm->free_blocks[hs_alloc_class (block)] = prefix;
    }
  else
    g_free (prefix);
}

/* The same for an object of a size only its prefix tells (a str). */
static inline void
hs_object_free_plain (HsVM *vm, HsObject *obj)
{
  hs_object_free_plain_sized (vm, obj, (((HsAllocPrefix *)obj) - 1)->size);
}

/* Size of the hidden prefix hs_object_alloc places before each object (its byte size). */
gsize hs_object_alloc_size (HsObject *obj);

/* Attribute lookup in the type's dict, binding method descriptors (the default when a
 * type has no getattr slot; types with a few data attributes call it as fallback). */
HsObject *hs_object_generic_getattr (HsVM *vm, HsObject *obj, HsObject *name);

/* ---- sequence helpers shared by list, tuple, str and range ---------------------- */

/* An integer index: TypeError "<what> indices must be integers or slices, not str";
 * IndexError when it does not fit. FALSE with the error set. */
gboolean hs_sequence_index (HsVM *vm, HsObject *key, const char *what, gssize *out);
/* A repetition count from an int: OverflowError "cannot fit 'int' into an index-sized
 * integer", negative counts as 0; -1 on error. */
gssize hs_sequence_repeat_count (HsVM *vm, HsObject *n);
/* start/stop arguments of index(): clamped like slice bounds. */
gboolean hs_sequence_bound (HsVM *vm, HsObject *o, gsize len, gsize *out);
/* Lexicographic comparison of two lists or two tuples. */
HsObject *hs_sequence_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);

G_END_DECLS
