/* hs-object.c — allocation, freeing, dirty marks, runtime start-up, the core static types
 * (type, object, NoneType, NotImplementedType) and the protocol functions (CPython's
 * abstract object layer).
 *
 * Invariant: every object from hs_object_alloc (vm != NULL) is preceded by a hidden
 * header holding its byte size, is linked in vm->live and counted in vm->heap_bytes
 * until hs_object_free returns; freeing never recurses deeper than TRASHCAN_DEPTH
 * nested deallocs (deeper ones wait in vm->dealloc_pending and are drained by the
 * outermost free), so a million-long chain is freed in constant C stack.
 */
#include "config.h"

#include "hs-object-private.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-bytes.h"
#include "hs-memoryview.h"
#include "hs-class-private.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-genericalias.h"
#include "hs-huge-pages.h"
#include "hs-cpython-names.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-finalize.h"
#include "hs-float.h"
#include "hs-gc.h"
#include "hs-function.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-range.h"
#include "hs-recursion.h"
#include "hs-slot-wrapper.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-weakref.h"

#define TRASHCAN_DEPTH 200
#define IMMORTAL_ID_BASE (G_GUINT64_CONSTANT (1) << 40)

static guint64 immortal_next_id = IMMORTAL_ID_BASE;

/* A VM's small object blocks (up to HS_FREE_CLASSES 16-byte steps) are carved from
 * arenas of ARENA_BYTES, and a freed one waits in the VM's list for its size class for the
 * next object of that size; the arenas go when the VM does. What CPython's pymalloc and its
 * float, tuple and frame free lists do: most objects a loop makes (floats, bound methods,
 * small tuples) die within a few instructions, and malloc's bookkeeping for millions of
 * small blocks (its consolidation when a big block is freed) was 5-7% of a run. Larger
 * blocks are malloc'd. Off under AddressSanitizer, which must see every use after free. */
#define ARENA_BYTES (256 * 1024)

/* Past its first ARENA_SMALL_COUNT arenas, a VM's arenas are huge pages (hs-huge-pages.h).
 * A program making a million small objects spent a fifth of its time in page faults
 * (bench/programs/sets.py: 16,400 faults, 7,000 now). The first arenas stay small: a
 * huge page costs a few milliseconds to clear, more than a short program runs. */
#define ARENA_SMALL_COUNT 4

/* A zeroed huge arena, NULL if not possible here. */
static gpointer *
huge_arena_map (void)
{
#if HS_USE_FREE_LISTS
  return hs_huge_pages_map (HS_HUGE_PAGE_BYTES);
#else
  return NULL;
#endif
}

/* A new zeroed arena for vm (its first word chains the arenas, its second holds its
 * size); NULL if no memory. */
static gpointer *
arena_new (HsVM *vm)
{
  gpointer *arena = NULL;
  gsize bytes = HS_HUGE_PAGE_BYTES;

  if (vm->arena_count >= ARENA_SMALL_COUNT)
    arena = huge_arena_map ();
  if (arena == NULL)
    {
      /* calloc of a block this large maps fresh zero pages: no memset */
      bytes = ARENA_BYTES;
      if ((arena = g_try_malloc0 (bytes)) == NULL)
        return NULL;
    }
  arena[0] = vm->arenas;
  arena[1] = GSIZE_TO_POINTER (bytes);
  vm->arenas = arena;
  vm->arena_count++;
  vm->arena_next = (guint8 *)arena + 16;
  vm->arena_left = bytes - 16;
  return arena;
}

static void
arena_free (gpointer *arena)
{
#if HS_USE_FREE_LISTS
  if (GPOINTER_TO_SIZE (arena[1]) == HS_HUGE_PAGE_BYTES)
    {
      hs_huge_pages_unmap (arena, HS_HUGE_PAGE_BYTES);
      return;
    }
#endif
  g_free (arena);
}

/* A zeroed block from the current arena, or from a new one (the rest of the old one is
 * left unused: at most a block's size). */
static gpointer
arena_carve (HsVM *vm, gsize block)
{
  gpointer p;

  if (vm->arena_left < block && arena_new (vm) == NULL)
    return NULL;
  p = vm->arena_next;
  vm->arena_next += block;
  vm->arena_left -= block;
  return p;
}

static inline HsAllocPrefix *
block_alloc (HsVM *vm, gsize block)
{
  guint c = hs_alloc_class (block);
  gpointer *head;

  if (!hs_alloc_in_arena (block))
    return g_try_malloc0 (block);
  if (vm->free_blocks[c] == NULL)
    return arena_carve (vm, block);
  head = vm->free_blocks[c];
  vm->free_blocks[c] = *head;
  hs_alloc_zero (head, block);
  return (HsAllocPrefix *)head;
}

static void
block_free (HsVM *vm, HsAllocPrefix *prefix, gsize block)
{
  guint c = hs_alloc_class (block);

  if (!hs_alloc_in_arena (block))
    {
      g_free (prefix);
      return;
    }
  *(gpointer *)prefix = vm->free_blocks[c];
  vm->free_blocks[c] = prefix;
}

static void
arenas_free (HsVM *vm)
{
  while (vm->arenas != NULL)
    {
      gpointer *arena = vm->arenas;
      vm->arenas = *arena;
      arena_free (arena);
    }
  memset (vm->free_blocks, 0, sizeof vm->free_blocks);
  vm->arena_next = NULL;
  vm->arena_left = 0;
  vm->arena_count = 0;
}

guint64
hs_object_id (HsObject *obj)
{
  guint64 id = __atomic_load_n (&obj->id, __ATOMIC_RELAXED);
  guint64 expected = 0;

  if (id != 0)
    return id;
  /* Statically initialised immortals (None, True, types...) get theirs on first use;
   * several threads may ask at once, and the first one wins. */
  id = __atomic_fetch_add (&immortal_next_id, 1, __ATOMIC_RELAXED);
  if (!__atomic_compare_exchange_n (&obj->id, &expected, id, FALSE, __ATOMIC_RELAXED,
                                    __ATOMIC_RELAXED))
    id = expected;
  return id;
}

/* ---- allocation -------------------------------------------------------------------- */

static gboolean
heap_reserve (HsVM *vm, gsize delta)
{
  gsize limit = vm->config.heap_limit_bytes;

  if (limit != 0 && (delta > limit || vm->heap_bytes > limit - delta))
    {
      hs_err_no_memory (vm);
      return FALSE;
    }
  return TRUE;
}

static void
live_unlink (HsVM *vm, HsObject *obj)
{
  if (obj->prev == NULL)
    return; /* already unlinked (deferred by the trashcan) */
  obj->prev->next = obj->next;
  obj->next->prev = obj->prev;
  obj->prev = obj->next = NULL;
  vm->live_count--;
}

HsObject *
hs_object_alloc (HsVM *vm, const HsType *type, gsize size)
{
  gsize total = hs_alloc_block_size (size);
  HsAllocPrefix *prefix;
  HsObject *obj;

  g_assert (size >= sizeof (HsObject));
  if (vm == NULL)
    {
      prefix = g_malloc0 (total);
      prefix->size = size;
      obj = (HsObject *)(prefix + 1);
      obj->type = type;
      obj->refcount = 1;
      obj->flags = HS_FLAG_IMMORTAL;
      obj->id = __atomic_fetch_add (&immortal_next_id, 1, __ATOMIC_RELAXED);
      return obj;
    }
  if (size > G_MAXSIZE / 2 || !heap_reserve (vm, total))
    {
      if (!hs_err_occurred (vm))
        hs_err_no_memory (vm);
      return NULL;
    }
  prefix = block_alloc (vm, total);
  if (prefix == NULL)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  obj = hs_object_init_block (vm, prefix, type, size, total);
  if (type->type_flags & HS_TYPE_HEAP)
    vm->live_instances++;
  if (G_UNLIKELY (vm->hooks != NULL) && vm->hooks->alloc != NULL)
    vm->hooks->alloc (vm, obj, vm->hooks_data);
  /* CPython counts GC allocations and may collect right here; the new
   * object is not tracked yet, so the collector does not look at it. */
  if (type->type_flags & HS_TYPE_GC)
    hs_gc_note_alloc (vm);
  return obj;
}

HsObject *
hs_object_resize (HsVM *vm, HsObject *obj, gsize size)
{
  HsAllocPrefix *prefix = (HsAllocPrefix *)obj - 1;

  g_assert (vm != NULL && size >= sizeof (HsObject) && size <= G_MAXSIZE / 2);
  if (hs_alloc_block_size (prefix->size) == hs_alloc_block_size (size))
    {
      prefix->size = size;
      return obj;
    }
  if (hs_alloc_in_arena (hs_alloc_block_size (prefix->size))
      || hs_alloc_in_arena (hs_alloc_block_size (size)))
    {
      /* to or from an arena: moved by hand */
      gsize old_block = hs_alloc_block_size (prefix->size), new_block = hs_alloc_block_size (size);
      HsAllocPrefix *moved;
      if (new_block > old_block && !heap_reserve (vm, new_block - old_block))
        return NULL;
      if ((moved = block_alloc (vm, new_block)) == NULL)
        {
          hs_err_no_memory (vm);
          return NULL;
        }
      memcpy (moved, prefix, MIN (old_block, new_block));
      block_free (vm, prefix, old_block);
      vm->heap_bytes = vm->heap_bytes - old_block + new_block;
      prefix = moved;
    }
  else if ((prefix = hs_mem_realloc (vm, prefix, hs_alloc_block_size (prefix->size),
                                     hs_alloc_block_size (size)))
           == NULL)
    return NULL;
  prefix->size = size;
  obj = (HsObject *)(prefix + 1);
  obj->prev->next = obj; /* it may have moved: relink its neighbours in vm->live */
  obj->next->prev = obj;
  return obj;
}

gsize
hs_object_alloc_size (HsObject *obj)
{
  return ((HsAllocPrefix *)obj - 1)->size;
}

static inline gsize
buffer_block (gsize size)
{
  return (size + 15) & ~(gsize)15;
}

gpointer
hs_mem_block_alloc (HsVM *vm, gsize size)
{
  gsize block = buffer_block (size);
  gpointer p;

  g_assert (size > 0);
  if (vm == NULL)
    return g_malloc0 (size);
  if (size > G_MAXSIZE / 2 || !heap_reserve (vm, block))
    return NULL;
  if ((p = block_alloc (vm, block)) == NULL)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  vm->heap_bytes += block;
  return p;
}

void
hs_mem_block_free (HsVM *vm, gpointer block, gsize size)
{
  if (vm == NULL || block == NULL)
    {
      g_free (block);
      return;
    }
  vm->heap_bytes -= buffer_block (size);
  block_free (vm, block, buffer_block (size));
}

gboolean
hs_mem_charge (HsVM *vm, gsize size)
{
  if (vm == NULL)
    return TRUE;
  if (!heap_reserve (vm, size))
    return FALSE;
  vm->heap_bytes += size;
  return TRUE;
}

void
hs_mem_discharge (HsVM *vm, gsize size)
{
  if (vm != NULL)
    vm->heap_bytes -= size;
}

gpointer
hs_mem_realloc (HsVM *vm, gpointer ptr, gsize old_size, gsize new_size)
{
  gpointer p;

  if (vm == NULL)
    {
      if (new_size == 0)
        {
          g_free (ptr);
          return NULL;
        }
      return g_realloc (ptr, new_size);
    }
  if (new_size == 0)
    {
      g_free (ptr);
      vm->heap_bytes -= old_size;
      return NULL;
    }
  if (new_size > old_size && !heap_reserve (vm, new_size - old_size))
    return NULL;
  p = g_try_realloc (ptr, new_size);
  if (p == NULL)
    {
      hs_err_no_memory (vm);
      return NULL;
    }
  vm->heap_bytes = vm->heap_bytes - old_size + new_size;
  return p;
}

void
hs_gc_track (HsVM *vm, HsObject *obj)
{
  obj->flags |= HS_FLAG_GC_TRACKED;
}

void
hs_gc_untrack (HsVM *vm, HsObject *obj)
{
  obj->flags &= ~(guint32)HS_FLAG_GC_TRACKED;
}

gboolean
hs_gc_may_be_tracked (const HsObject *obj)
{
  if (hs_type_check (obj)) /* CPython's type_is_gc: heap types only */
    return (((const HsType *)obj)->type_flags & HS_TYPE_HEAP) != 0;
  if (!(obj->type->type_flags & HS_TYPE_GC))
    return FALSE;
  return obj->type != &hs_tuple_type || (obj->flags & HS_FLAG_GC_TRACKED);
}

/* ---- dirty marks ------------------------------------------------------------------- */

/* Up to this many entries, an object's entry is found by a scan from the end (a step
 * dirties a few objects); past it, through dirty_index, made then and dropped at the reset
 * (a C call that fills a thousand new lists in one step). */
#define DIRTY_SCAN_MAX 16

/* The index in vm->dirty of obj's entry, or -1. Only an object with HS_FLAG_DIRTY may have
 * one (the flag can also be left over from a VM that did not track). */
static gssize
dirty_find (HsVM *vm, HsObject *obj)
{
  const HsDirtyEntry *e;

  if (vm->dirty == NULL || !(obj->flags & HS_FLAG_DIRTY))
    return -1;
  if (vm->dirty_index != NULL)
    return (gssize)GPOINTER_TO_SIZE (g_hash_table_lookup (vm->dirty_index, obj)) - 1;
  e = (const HsDirtyEntry *)vm->dirty->data;
  for (gssize i = (gssize)vm->dirty->len - 1; i >= 0; i--)
    if (e[i].obj == obj)
      return i;
  return -1;
}

void (hs_object_mark_dirty_range) (HsVM *vm, HsObject *obj, gsize lo, gsize hi)
{
  gssize i;
  HsDirtyEntry *e;

  if (vm == NULL || !vm->track_dirty)
    {
      obj->flags |= HS_FLAG_DIRTY;
      return;
    }
  if (vm->dirty == NULL)
    vm->dirty = g_array_new (FALSE, FALSE, sizeof (HsDirtyEntry));
  i = dirty_find (vm, obj);
  obj->flags |= HS_FLAG_DIRTY;
  if (i < 0)
    {
      HsDirtyEntry ne = { obj, lo, hi };
      g_array_append_val (vm->dirty, ne);
      if (vm->dirty_index == NULL && vm->dirty->len > DIRTY_SCAN_MAX)
        {
          vm->dirty_index = g_hash_table_new (NULL, NULL);
          for (guint k = 0; k < vm->dirty->len; k++)
            if (g_array_index (vm->dirty, HsDirtyEntry, k).obj != NULL)
              g_hash_table_insert (vm->dirty_index, g_array_index (vm->dirty, HsDirtyEntry, k).obj,
                                   GSIZE_TO_POINTER (k + 1));
        }
      else if (vm->dirty_index != NULL)
        g_hash_table_insert (vm->dirty_index, obj, GSIZE_TO_POINTER (vm->dirty->len));
      return;
    }
  e = &g_array_index (vm->dirty, HsDirtyEntry, i);
  e->lo = MIN (e->lo, lo);
  e->hi = MAX (e->hi, hi);
}

void (hs_object_mark_dirty) (HsVM *vm, HsObject *obj)
{
  hs_object_mark_dirty_range (vm, obj, 0, G_MAXSIZE);
}

static void
dirty_forget (HsVM *vm, HsObject *obj)
{
  gssize i = dirty_find (vm, obj);

  if (i < 0)
    return;
  g_array_index (vm->dirty, HsDirtyEntry, i).obj = NULL;
  if (vm->dirty_index != NULL)
    g_hash_table_remove (vm->dirty_index, obj);
}

const HsDirtyEntry *
hs_heap_dirty (HsVM *vm, gsize *n)
{
  *n = vm->dirty ? vm->dirty->len : 0;
  return vm->dirty ? (const HsDirtyEntry *)vm->dirty->data : NULL;
}

gboolean
hs_heap_dirty_range (HsVM *vm, HsObject *obj, gsize *lo, gsize *hi)
{
  gssize i = dirty_find (vm, obj);
  const HsDirtyEntry *e;

  if (i < 0)
    return FALSE;
  e = &g_array_index (vm->dirty, HsDirtyEntry, i);
  *lo = e->lo;
  *hi = e->hi;
  return TRUE;
}

void
hs_heap_dirty_reset (HsVM *vm)
{
  if (vm->dirty == NULL || vm->dirty->len == 0)
    return;
  for (guint i = 0; i < vm->dirty->len; i++)
    {
      HsObject *o = g_array_index (vm->dirty, HsDirtyEntry, i).obj;
      if (o != NULL)
        o->flags &= ~(guint32)HS_FLAG_DIRTY;
    }
  vm->dirty->len = 0; /* not g_array_set_size: this runs at every recorded step */
  g_clear_pointer (&vm->dirty_index, g_hash_table_unref);
}

/* ---- freeing ------------------------------------------------------------------------ */

static void
free_memory (HsVM *vm, HsObject *obj)
{
  HsAllocPrefix *prefix = (HsAllocPrefix *)obj - 1;

  live_unlink (vm, obj);
  if (vm->track_dirty)
    dirty_forget (vm, obj);
  vm->heap_bytes -= hs_alloc_block_size (prefix->size);
  block_free (vm, prefix, hs_alloc_block_size (prefix->size));
}

static void
destroy (HsVM *vm, HsObject *obj)
{
  const HsType *t;

  if (G_UNLIKELY (obj->flags & HS_FLAG_GC_MARK))
    hs_gc_forget (vm, obj);
  if (G_UNLIKELY (obj->flags & HS_FLAG_WEAKREFED))
    hs_weakref_clear_referent (vm, obj, NULL);
  if (G_UNLIKELY (vm->hooks != NULL) && vm->hooks->free != NULL)
    vm->hooks->free (vm, obj, vm->hooks_data);
  for (t = obj->type; t != NULL && t->dealloc == NULL; t = t->base)
    ;
  if (t != NULL)
    t->dealloc (vm, obj);
  if (obj->type->type_flags & HS_TYPE_GC)
    hs_gc_note_free (vm);
  if (obj->type->type_flags & HS_TYPE_HEAP)
    vm->live_instances--;
  free_memory (vm, obj);
}

static void free_general (HsVM *vm, HsObject *obj);

void
hs_object_free (HsVM *vm, HsObject *obj)
{
  /* A float, an int without GMP digits or a str not interned holds nothing and needs no
   * dealloc; most die a few instructions after their birth (an arithmetic intermediate, a
   * key built for one lookup): they skip destroy's checks and its type walk, and the
   * general way's saving of registers (a fifth of freeing a float). A float's and an
   * int's block size is known without reading it. */
  if (vm->hooks == NULL && !vm->track_dirty
      && !(obj->flags & (HS_FLAG_GC_MARK | HS_FLAG_WEAKREFED)))
    {
      if (HS_IS (obj, &hs_float_type))
        hs_object_free_plain_sized (vm, obj, sizeof (HsFloat));
      else if (HS_IS (obj, &hs_int_type) && ((HsInt *)obj)->big == NULL)
        hs_object_free_plain_sized (vm, obj, sizeof (HsInt));
      else if (HS_IS (obj, &hs_str_type) && !(obj->flags & HS_FLAG_INTERNED))
        hs_object_free_plain (vm, obj);
      else
        free_general (vm, obj);
    }
  else
    free_general (vm, obj);
}

G_NO_INLINE static void
free_general (HsVM *vm, HsObject *obj)
{
  /* An instance whose __del__ has not run lives on until it ran (hs-finalize.h). */
  if (G_UNLIKELY (obj->type->type_flags & HS_TYPE_HEAP) && hs_finalize_defer (vm, obj))
    return;
  if (vm->dealloc_depth >= TRASHCAN_DEPTH)
    {
      /* Too deep: queue it (chained through `next`) for the outermost free. */
      live_unlink (vm, obj);
      obj->next = vm->dealloc_pending;
      vm->dealloc_pending = obj;
      return;
    }
  vm->dealloc_depth++;
  destroy (vm, obj);
  if (vm->dealloc_depth == 1)
    while (vm->dealloc_pending != NULL)
      {
        HsObject *o = vm->dealloc_pending;
        vm->dealloc_pending = o->next;
        o->next = NULL;
        destroy (vm, o);
      }
  vm->dealloc_depth--;
}

void
hs_heap_init (HsVM *vm)
{
  hs_runtime_init ();
  vm->live.prev = vm->live.next = &vm->live;
  vm->live.flags = HS_FLAG_IMMORTAL;
  if (vm->next_id == 0)
    vm->next_id = 1;
}

/* Frees everything still alive (cycles, leaks): pin every object so that no count
 * reaches zero, let each type release what it owns, then free all the memory. The
 * immortal objects on the list (code constants, module values) stay immortal: nothing
 * counted the references to them, so the releases below could free them early. */
void
hs_heap_fini (HsVM *vm)
{
  HsObject *o, *next;

  if (vm->live.next == NULL)
    return;
  for (o = vm->live.next; o != &vm->live; o = o->next)
    o->refcount += 1;
  vm->dealloc_depth = 1;
  for (o = vm->live.next; o != &vm->live; o = o->next)
    {
      const HsType *t;
      for (t = o->type; t != NULL && t->dealloc == NULL; t = t->base)
        ;
      if (t != NULL)
        t->dealloc (vm, o);
    }
  vm->dealloc_depth = 0;
  for (o = vm->live.next; o != &vm->live; o = next)
    {
      HsAllocPrefix *prefix = (HsAllocPrefix *)o - 1;
      next = o->next;
      if (!hs_alloc_in_arena (hs_alloc_block_size (prefix->size)))
        g_free (prefix);
    }
  vm->live.prev = vm->live.next = &vm->live;
  vm->live_count = 0;
  arenas_free (vm);
  if (vm->dirty != NULL)
    {
      g_array_unref (vm->dirty);
      g_clear_pointer (&vm->dirty_index, g_hash_table_unref);
      vm->dirty = NULL;
    }
}

/* ---- runtime start-up ---------------------------------------------------------------- */

void
hs_type_ready (HsType *type)
{
  if (type->header.type == NULL)
    {
      type->header.type = &hs_type_type;
      type->header.refcount = 1;
    }
  type->header.flags |= HS_FLAG_IMMORTAL;
  if (type->dict == NULL)
    type->dict = hs_dict_new (NULL);
  hs_dict_mark_type_namespace (type->dict, type);
  for (const HsMethodDef *m = type->methods; m != NULL && m->name != NULL; m++)
    {
      HsObject *name = hs_str_intern_cstr (m->name);
      HsObject *descr;

      if (hs_dict_get_item_borrow (NULL, type->dict, name) != NULL)
        continue;
      descr = hs_method_descr_new (m, type);
      hs_dict_set_item (NULL, type->dict, name, descr);
    }
  /* the slot wrappers CPython's dict of the type holds (list.__len__, not list.__and__) */
  if (hs_cpython_dict_names (type) != NULL)
    hs_slot_wrapper_install (type, FALSE);
}

void
hs_type_add_methods (HsType *type, const HsMethodDef *methods)
{
  const HsMethodDef *own = type->methods;
  type->methods = methods;
  hs_type_ready (type);
  type->methods = own;
}

static HsType *const core_types[] = {
  &hs_type_type,
  &hs_object_type,
  &hs_none_type,
  &hs_notimplemented_type,
  &hs_ellipsis_type,
  &hs_int_type,
  &hs_bool_type,
  &hs_float_type,
  &hs_complex_type,
  &hs_bytes_type,
  &hs_str_type,
  &hs_list_type,
  &hs_tuple_type,
  &hs_dict_type,
  &hs_range_type,
  &hs_slice_type,
  &hs_dict_keys_type,
  &hs_dict_values_type,
  &hs_dict_items_type,
  &hs_cfunction_type,
  &hs_method_descr_type,
  &hs_classmethod_descr_type,
  &hs_wrapper_descr_type,
  &hs_method_wrapper_type,
  &hs_list_iter_type,
  &hs_list_reviter_type,
  &hs_tuple_iter_type,
  &hs_str_iter_type,
  &hs_str_uiter_type,
  &hs_seq_iter_type,
  &hs_bytes_iter_type,
  &hs_bytearray_iter_type,
  &hs_range_iter_type,
  &hs_dict_keyiter_type,
  &hs_dict_valueiter_type,
  &hs_dict_itemiter_type,
  &hs_enumerate_type,
  &hs_zip_type,
  &hs_reversed_type,
  &hs_map_type,
  &hs_filter_type,
  &hs_calliter_type,
  &hs_dict_revkeyiter_type,
  &hs_dict_revvalueiter_type,
  &hs_dict_revitemiter_type,
};

static gpointer
runtime_init_once (gpointer data)
{
  /* Type objects first get their header, so that everything after can use them. */
  for (gsize i = 0; i < G_N_ELEMENTS (core_types); i++)
    if (core_types[i]->header.type == NULL)
      {
        core_types[i]->header.type = &hs_type_type;
        core_types[i]->header.refcount = 1;
        core_types[i]->header.flags |= HS_FLAG_IMMORTAL;
      }
  hs_int_runtime_init ();
  hs_str_runtime_init ();
  for (gsize i = 0; i < G_N_ELEMENTS (core_types); i++)
    hs_type_ready (core_types[i]);
  hs_bytearray_ready ();
  hs_memoryview_runtime_init ();
  hs_iter_runtime_init ();
  hs_dict_views_runtime_init ();
  hs_exceptions_runtime_init ();
  hs_vm_runtime_init ();
  return NULL;
}

void
hs_runtime_init (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, runtime_init_once, NULL);
}

/* ---- small helpers ------------------------------------------------------------------ */

#define SLOT(type, slot)                                                                           \
  ({                                                                                               \
    const HsType *_t = (type);                                                                     \
    while (_t != NULL && _t->slot == NULL)                                                         \
      _t = _t->base;                                                                               \
    _t != NULL ? _t->slot : NULL;                                                                  \
  })

const char *
hs_type_name (const HsObject *obj)
{
  return hs_type_tp_name (obj->type);
}

const char *
hs_type_tp_name (const HsType *type)
{
  return type->tp_name != NULL ? type->tp_name : type->name;
}

static HsObject *
str_from_cstr (HsVM *vm, const char *s)
{
  return hs_str_new (vm, s, strlen (s));
}

/* ---- core static types --------------------------------------------------------------- */

HsObject *
hs_object_default_repr (HsVM *vm, HsObject *self)
{
  char *s;
  HsObject *r;

  /* CPython's object_repr: a class's module, or a built-in type's other than builtins */
  const char *module = hs_type_module (self->type);
  if (module != NULL && strcmp (module, "builtins") != 0)
    s = g_strdup_printf ("<%s.%s object at %p>", module, hs_type_qualname (self->type),
                         hs_object_address (self));
  else
    s = g_strdup_printf ("<%s object at %p>", self->type->name, hs_object_address (self));
  r = str_from_cstr (vm, s);
  g_free (s);
  return r;
}

gboolean
hs_object_has_default_repr (const HsObject *obj)
{
  return SLOT (obj->type, repr) == hs_object_default_repr;
}

int
hs_object_hash_not_implemented (HsVM *vm, HsObject *self, gint64 *out)
{
  hs_err_format (vm, &hs_exc_TypeError, "unhashable type: '%s'", hs_type_name (self));
  return -1;
}

/* CPython hashes an object by its address (id() >> 4), so a set of instances iterates in
 * an order that changes from run to run. Heapscope's id() is the allocation serial and
 * hashes by it: the same order at every run (mostly the order of creation, as CPython's
 * for objects made one after another), which a trace and its diagram must keep. */
static int
object_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  *out = (gint64)hs_object_id (self);
  return 0;
}

static HsObject *
object_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (op == HS_CMP_EQ && a == b)
    return hs_incref (hs_True);
  return hs_incref (hs_NotImplemented);
}

static HsObject *
object_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 0 || (kwnames != NULL && hs_tuple_len (kwnames) > 0))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "object() takes no arguments");
      return NULL;
    }
  return hs_object_alloc (vm, type, sizeof (HsObject));
}

HsType hs_object_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "object",
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsObject),
  .repr = hs_object_default_repr,
  .hash = object_hash,
  .richcompare = object_richcompare,
  .construct = object_construct,
};

static HsObject *
type_repr (HsVM *vm, HsObject *self)
{
  HsType *t = (HsType *)self;
  /* a class of the program is __main__'s; one a module made (abc.ABC) names its module */
  char *s = hs_type_module (t) != NULL
                ? g_strdup_printf ("<class '%s.%s'>", hs_type_module (t), hs_type_qualname (t))
                : g_strdup_printf ("<class '%s'>", t->name);
  HsObject *r = str_from_cstr (vm, s);
  g_free (s);
  return r;
}

static HsObject *
type_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *t = (HsType *)self;
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  HsObject *(*construct) (HsVM *, HsType *, HsObject **, gsize, HsObject *);

  if (t == &hs_type_type)
    {
      if (nargs == 1 && nkw == 0)
        return hs_incref ((HsObject *)hs_cfunction_python_type (args[0]));
      if (nargs != 3)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "type() takes 1 or 3 arguments");
          return NULL;
        }
    }
  if (!(t->type_flags & HS_TYPE_HEAP))
    hs_class_take_call (vm); /* a built-in type's construct is no class call */
  construct = SLOT (t, construct);
  if (construct == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "cannot create '%s' instances", t->name);
      return NULL;
    }
  if (!(t->type_flags & HS_TYPE_HEAP))
    return construct (vm, t, args, nargs, kwnames);
  /* a class of the program has no vectorcall in CPython 3.11: it is called through
   * _PyObject_MakeTpCall, a level against the recursion limit while __new__ and __init__
   * run */
  if (!hs_recursion_enter_tp_call (vm))
    return NULL;
  HsObject *r = construct (vm, t, args, nargs, kwnames);
  hs_recursion_leave (vm);
  return r;
}

/* Attribute of a type object: its dict along the base chain; classmethods bind to it. */
static HsObject *
type_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsType *t = (HsType *)self;
  HsObject *v = hs_type_lookup_borrow (t, name);

  if (v != NULL)
    {
      if (HS_IS (v, &hs_classmethod_descr_type))
        {
          HsCFunctionObject *d = (HsCFunctionObject *)v;
          return hs_cfunction_new_method (vm, d->def, d->owner, self);
        }
      return hs_incref (v);
    }
  if (strcmp (hs_str_utf8 (name), "__name__") == 0)
    return str_from_cstr (vm, t->name);
  hs_err_format (vm, &hs_exc_AttributeError, "type object '%s' has no attribute '%s'",
                 hs_type_tp_name (t), hs_str_utf8 (name));
  return NULL;
}

HsType hs_type_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "type",
  .base = &hs_object_type,
  .basicsize = sizeof (HsType),
  .repr = type_repr,
  .call = type_call,
  .getattr = type_getattr,
};

/* A new str each time, as CPython 3.11's PyUnicode_FromString (repr(None) is not
 * repr(None)); True and False have static ones (bool_repr). */
static HsObject *
none_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_cstr (vm, "None");
}

static int
none_truth (HsVM *vm, HsObject *self)
{
  return 0;
}

static HsObject *
none_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 0 || (kwnames != NULL && hs_tuple_len (kwnames) > 0))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "NoneType takes no arguments");
      return NULL;
    }
  return hs_None;
}

HsType hs_none_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "NoneType",
  .base = &hs_object_type,
  .basicsize = sizeof (HsObject),
  .repr = none_repr,
  .truth = none_truth,
  .construct = none_construct,
};

HsObject hs_None_struct = { .type = &hs_none_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL };

static HsObject *
notimplemented_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_cstr (vm, "NotImplemented");
}

HsType hs_notimplemented_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "NotImplementedType",
  .base = &hs_object_type,
  .basicsize = sizeof (HsObject),
  .repr = notimplemented_repr,
};

HsObject hs_NotImplemented_struct
    = { .type = &hs_notimplemented_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL };

static HsObject *
ellipsis_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_cstr (vm, "Ellipsis");
}

HsType hs_ellipsis_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "ellipsis",
  .base = &hs_object_type,
  .basicsize = sizeof (HsObject),
  .repr = ellipsis_repr,
};

HsObject hs_Ellipsis_struct
    = { .type = &hs_ellipsis_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL };

/* ---- protocol: repr, str, hash ------------------------------------------------------- */

HsObject *
hs_object_repr (HsVM *vm, HsObject *obj)
{
  HsObject *(*repr) (HsVM *, HsObject *) = SLOT (obj->type, repr);
  HsObject *r;

  if (repr == NULL)
    return hs_object_default_repr (vm, obj);
  /* every object, as CPython's PyObject_Repr: a recursion's RecursionError says where */
  if (!hs_recursion_enter (vm, " while getting the repr of an object"))
    return NULL;
  r = repr (vm, obj);
  hs_recursion_leave (vm);
  return r;
}

HsObject *
hs_object_str (HsVM *vm, HsObject *obj)
{
  HsObject *(*str) (HsVM *, HsObject *) = SLOT (obj->type, str);
  HsObject *(*repr) (HsVM *, HsObject *) = SLOT (obj->type, repr);
  HsObject *r;

  if (HS_IS (obj, &hs_str_type))
    return hs_incref (obj);
  /* An exact int's digits at once, below the recursion limit (at it, the general way
   * raises PyObject_Str's RecursionError): the slot lookups and the guard's calls were
   * half of str(i) */
  if (HS_IS (obj, &hs_int_type) && vm != NULL && vm->depth < vm->config.recursion_limit)
    return hs_int_to_str (vm, obj);
  /* one level, as CPython's PyObject_Str; without a str slot the repr's, as object.__str__ */
  if (!hs_recursion_enter (vm, " while getting the str of an object"))
    return NULL;
  r = str != NULL    ? str (vm, obj)
      : repr != NULL ? repr (vm, obj)
                     : hs_object_default_repr (vm, obj);
  hs_recursion_leave (vm);
  return r;
}

int
hs_object_hash (HsVM *vm, HsObject *obj, gint64 *out)
{
  int (*hash) (HsVM *, HsObject *, gint64 *) = SLOT (obj->type, hash);
  if (hash == NULL)
    return hs_object_hash_not_implemented (vm, obj, out);
  /* a tuple's hash recurses into its items: (((),),) nested a million deep */
  if ((obj->type->type_flags & HS_TYPE_GC) && !hs_stack_check (vm))
    return -1;
  return hash (vm, obj, out);
}

/* ---- protocol: comparison ------------------------------------------------------------ */

static const char *const cmp_symbols[] = { "<", "<=", "==", "!=", ">", ">=" };
static const HsCompareOp cmp_swapped[]
    = { HS_CMP_GT, HS_CMP_GE, HS_CMP_EQ, HS_CMP_NE, HS_CMP_LT, HS_CMP_LE };

typedef HsObject *(*RichCmpFn) (HsVM *, HsObject *, HsObject *, HsCompareOp);

static HsObject *
try_cmp (HsVM *vm, RichCmpFn fn, HsObject *a, HsObject *b, HsCompareOp op, gboolean *done)
{
  HsObject *r = fn (vm, a, b, op);
  if (r != hs_NotImplemented)
    {
      *done = TRUE;
      return r;
    }
  hs_decref (vm, r);
  return NULL;
}

static HsObject *richcompare1 (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op);

HsObject *
hs_object_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *r;

  /* two ints that fit 64 bits or two floats, as the eval loop's COMPARE_OP does: sorting,
   * min(), max() and a tuple's items compare here (an immortal bool, no slot call) */
  if (a->type == b->type && a->type == &hs_int_type && hs_int_is_small (a) && hs_int_is_small (b))
    {
      gint64 x = hs_int_small_value (a), y = hs_int_small_value (b);
      return hs_bool_from (hs_compare_holds ((x > y) - (x < y), op));
    }
  if (a->type == b->type && a->type == &hs_float_type)
    {
      double x = hs_float_value (a), y = hs_float_value (b);
      /* NaN: only != holds */
      return hs_bool_from (x < y    ? hs_compare_holds (-1, op)
                           : x > y  ? hs_compare_holds (1, op)
                           : x == y ? hs_compare_holds (0, op)
                                    : op == HS_CMP_NE);
    }
  if (!(a->type->type_flags & HS_TYPE_GC))
    return richcompare1 (vm, a, b, op);
  if (!hs_recursion_enter (vm, " in comparison"))
    return NULL;
  r = richcompare1 (vm, a, b, op);
  hs_recursion_leave (vm);
  return r;
}

static HsObject *
richcompare1 (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  RichCmpFn fa = SLOT (a->type, richcompare);
  RichCmpFn fb = SLOT (b->type, richcompare);
  gboolean done = FALSE, reflected_tried = FALSE;
  HsObject *r;

  /* As CPython: a subclass's reflected method goes first even when it is inherited. */
  if (a->type != b->type && fb != NULL && hs_type_is_subtype (b->type, a->type))
    {
      r = try_cmp (vm, fb, b, a, cmp_swapped[op], &done);
      if (done)
        return r;
      reflected_tried = TRUE;
    }
  if (fa != NULL)
    {
      r = try_cmp (vm, fa, a, b, op, &done);
      if (done)
        return r;
    }
  if (!reflected_tried && fb != NULL)
    {
      r = try_cmp (vm, fb, b, a, cmp_swapped[op], &done);
      if (done)
        return r;
    }
  if (op == HS_CMP_EQ)
    return hs_incref (hs_bool_from (a == b));
  if (op == HS_CMP_NE)
    return hs_incref (hs_bool_from (a != b));
  hs_err_format (vm, &hs_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                 cmp_symbols[op], hs_type_name (a), hs_type_name (b));
  return NULL;
}

int
hs_object_richcompare_bool (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *r;
  int t;

  if (a == b && (op == HS_CMP_EQ || op == HS_CMP_NE))
    return op == HS_CMP_EQ;
  r = hs_object_richcompare (vm, a, b, op);
  if (r == NULL)
    return -1;
  if (r == hs_True || r == hs_False)
    return r == hs_True;
  t = hs_object_truth (vm, r);
  hs_decref (vm, r);
  return t;
}

int
hs_object_equal (HsVM *vm, HsObject *a, HsObject *b)
{
  return hs_object_richcompare_bool (vm, a, b, HS_CMP_EQ);
}

/* ---- protocol: arithmetic ------------------------------------------------------------ */

static const char *const binop_symbols[HS_BIN_COUNT] = {
  [HS_BIN_ADD] = "+",       [HS_BIN_SUB] = "-", [HS_BIN_MUL] = "*",  [HS_BIN_TRUEDIV] = "/",
  [HS_BIN_FLOORDIV] = "//", [HS_BIN_MOD] = "%", [HS_BIN_POW] = "**", [HS_BIN_LSHIFT] = "<<",
  [HS_BIN_RSHIFT] = ">>",   [HS_BIN_AND] = "&", [HS_BIN_OR] = "|",   [HS_BIN_XOR] = "^",
  [HS_BIN_MATMUL] = "@",
};

static gboolean
is_sequence (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_list_type) || hs_type_is_subtype (o->type, &hs_tuple_type)
         || hs_type_is_subtype (o->type, &hs_str_type);
}

static HsObject *
binop_error (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b, gboolean inplace)
{
  /* the built-in's name, also for an instance of a class derived from it */
  const char *seq = hs_type_is_subtype (a->type, &hs_list_type)    ? "list"
                    : hs_type_is_subtype (a->type, &hs_tuple_type) ? "tuple"
                                                                   : "str";
  if (op == HS_BIN_ADD && is_sequence (a))
    hs_err_format (vm, &hs_exc_TypeError, "can only concatenate %s (not \"%s\") to %s", seq,
                   hs_type_name (b), seq);
  else if (op == HS_BIN_MUL && is_sequence (a))
    hs_err_format (vm, &hs_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                   hs_type_name (b));
  else if (op == HS_BIN_MUL && is_sequence (b))
    hs_err_format (vm, &hs_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                   hs_type_name (a));
  else if (op == HS_BIN_POW)
    hs_err_format (vm, &hs_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                   inplace ? "**=" : "** or pow()", hs_type_name (a), hs_type_name (b));
  else
    hs_err_format (vm, &hs_exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                   binop_symbols[op], inplace ? "=" : "", hs_type_name (a), hs_type_name (b));
  return NULL;
}

typedef HsObject *(*BinopFn) (HsVM *, HsBinOp, HsObject *, HsObject *);

/* CPython's binary_op1: a's slot, then b's (b's first when its type is a subclass of
 * a's with its own slot). NotImplemented (new ref) when neither handles the pair. */
static HsObject *
binop1 (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  BinopFn fa = SLOT (a->type, binop);
  BinopFn fb = b->type != a->type ? SLOT (b->type, binop) : NULL;
  HsObject *r;

  if (fb == fa)
    fb = NULL;
  if (fa != NULL)
    {
      if (fb != NULL && hs_type_is_subtype (b->type, a->type))
        {
          r = fb (vm, op, a, b);
          if (r != hs_NotImplemented)
            return r;
          hs_decref (vm, r);
          fb = NULL;
        }
      r = fa (vm, op, a, b);
      if (r != hs_NotImplemented)
        return r;
      hs_decref (vm, r);
    }
  if (fb != NULL)
    return fb (vm, op, a, b);
  return hs_incref (hs_NotImplemented);
}

HsObject *
hs_number_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r = binop1 (vm, op, a, b);
  if (r != hs_NotImplemented)
    return r;
  hs_decref (vm, r);
  /* int | None: type.__or__ (a types.UnionType) */
  if (op == HS_BIN_OR && (r = hs_alias_union (vm, a, b)) != NULL)
    return r;
  if (hs_err_occurred (vm))
    return NULL;
  return binop_error (vm, op, a, b, FALSE);
}

HsObject *
hs_number_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  BinopFn fi = SLOT (a->type, inplace);
  HsObject *r;

  if (fi != NULL)
    {
      r = fi (vm, op, a, b);
      if (r != hs_NotImplemented)
        return r;
      hs_decref (vm, r);
    }
  r = binop1 (vm, op, a, b);
  if (r != hs_NotImplemented)
    return r;
  hs_decref (vm, r);
  return binop_error (vm, op, a, b, TRUE);
}

HsObject *
hs_number_unaryop (HsVM *vm, HsUnaryOp op, HsObject *a)
{
  static const char *const symbols[] = { "-", "+", "~" };
  HsObject *(*fn) (HsVM *, HsUnaryOp, HsObject *) = SLOT (a->type, unaryop);

  if (fn != NULL)
    {
      HsObject *r = fn (vm, op, a);
      if (r != hs_NotImplemented)
        return r;
      hs_decref (vm, r);
    }
  hs_err_format (vm, &hs_exc_TypeError, "bad operand type for unary %s: '%s'", symbols[op],
                 hs_type_name (a));
  return NULL;
}

/* ---- protocol: truth, len, items ----------------------------------------------------- */

int
hs_object_truth (HsVM *vm, HsObject *obj)
{
  int (*truth) (HsVM *, HsObject *);
  gssize (*len) (HsVM *, HsObject *);

  if (obj == hs_True)
    return 1;
  if (obj == hs_False || obj == hs_None)
    return 0;
  truth = SLOT (obj->type, truth);
  if (truth != NULL)
    return truth (vm, obj);
  len = SLOT (obj->type, len);
  if (len != NULL)
    {
      gssize n = len (vm, obj);
      return n < 0 ? -1 : n > 0;
    }
  return 1;
}

gssize
hs_object_len (HsVM *vm, HsObject *obj)
{
  gssize (*len) (HsVM *, HsObject *) = SLOT (obj->type, len);
  if (len == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "object of type '%s' has no len()", hs_type_name (obj));
      return -1;
    }
  return len (vm, obj);
}

gssize
hs_object_length_hint (HsVM *vm, HsObject *obj, gssize dflt)
{
  HsObject *hint, *bound, *r;
  gssize n;

  if (SLOT (obj->type, len) != NULL)
    {
      n = hs_object_len (vm, obj);
      if (n >= 0)
        return n;
      if (!hs_err_matches (vm, &hs_exc_TypeError))
        return -1;
      hs_err_clear (vm);
    }
  hint = hs_type_lookup_borrow (obj->type, hs_str_intern_cstr ("__length_hint__"));
  if (hint == NULL)
    return dflt;
  bound = hs_descr_get (vm, hint, obj, obj->type);
  r = bound != NULL ? hs_object_call (vm, bound, NULL, 0, NULL) : NULL;
  hs_xdecref (vm, bound);
  if (r == NULL || r == hs_NotImplemented)
    {
      if (r == NULL && !hs_err_matches (vm, &hs_exc_TypeError))
        return -1;
      hs_err_clear (vm);
      hs_xdecref (vm, r);
      return dflt;
    }
  if (!hs_int_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__length_hint__ must be an integer, not %s",
                     hs_type_name (r));
      hs_decref (vm, r);
      return -1;
    }
  n = hs_int_as_ssize (vm, r);
  hs_decref (vm, r);
  if (n < 0 && !hs_err_occurred (vm))
    hs_err_set_string (vm, &hs_exc_ValueError, "__length_hint__() should return >= 0");
  return n < 0 ? -1 : n;
}

HsObject *
hs_object_getitem (HsVM *vm, HsObject *obj, HsObject *key)
{
  HsObject *(*getitem) (HsVM *, HsObject *, HsObject *) = SLOT (obj->type, getitem);
  if (getitem == NULL && hs_type_check (obj))
    {
      /* a class's __class_getitem__ (a classmethod, implicitly; a module type's, InitVar's) */
      HsObject *cg
          = hs_type_lookup_borrow ((HsType *)obj, hs_str_intern_cstr ("__class_getitem__"));
      HsObject *fn = cg != NULL ? hs_descr_get (vm, cg, NULL, (HsType *)obj) : NULL;
      if (fn != NULL)
        {
          HsObject *r = hs_object_call (vm, fn, &key, 1, NULL);
          hs_decref (vm, fn);
          return r;
        }
      if (cg != NULL)
        return NULL;
    }
  if (getitem == NULL)
    {
      HsObject *alias;
      if (hs_type_check (obj) && (alias = hs_alias_class_getitem (vm, obj, key)) != NULL)
        return alias;
      if (hs_err_occurred (vm))
        return NULL;
      if (hs_type_check (obj))
        hs_err_format (vm, &hs_exc_TypeError, "type '%s' is not subscriptable",
                       ((HsType *)obj)->name);
      else
        hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not subscriptable",
                       hs_type_name (obj));
      return NULL;
    }
  return getitem (vm, obj, key);
}

static gboolean
is_immutable_sequence (HsObject *obj)
{
  return HS_ISINSTANCE (obj, &hs_tuple_type) || HS_ISINSTANCE (obj, &hs_str_type)
         || HS_ISINSTANCE (obj, &hs_range_type);
}

/* CPython's PyObject_SetItem/DelItem convert an int key of a sequence type first, so a
 * huge one raises IndexError before the "does not support" TypeError. */
static gboolean
sequence_index_fails (HsVM *vm, HsObject *obj, HsObject *key)
{
  return hs_int_check (key) && is_immutable_sequence (obj) && hs_int_as_ssize_index (vm, key) == -1
         && hs_err_occurred (vm);
}

int
hs_object_setitem (HsVM *vm, HsObject *obj, HsObject *key, HsObject *value)
{
  int (*setitem) (HsVM *, HsObject *, HsObject *, HsObject *) = SLOT (obj->type, setitem);
  if (setitem == NULL)
    {
      if (sequence_index_fails (vm, obj, key))
        return -1;
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object does not support item assignment",
                     hs_type_name (obj));
      return -1;
    }
  return setitem (vm, obj, key, value);
}

int
hs_object_delitem (HsVM *vm, HsObject *obj, HsObject *key)
{
  int (*setitem) (HsVM *, HsObject *, HsObject *, HsObject *) = SLOT (obj->type, setitem);
  if (setitem == NULL)
    {
      /* CPython words it differently on its sequence path (int key, sequence type). */
      gboolean seq = hs_int_check (key) && is_immutable_sequence (obj);
      if (sequence_index_fails (vm, obj, key))
        return -1;
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object %s support item deletion",
                     hs_type_name (obj), seq ? "doesn't" : "does not");
      return -1;
    }
  return setitem (vm, obj, key, NULL);
}

int
hs_object_contains (HsVM *vm, HsObject *container, HsObject *item)
{
  int (*contains) (HsVM *, HsObject *, HsObject *) = SLOT (container->type, contains);

  if (contains != NULL)
    return contains (vm, container, item);
  if (SLOT (container->type, iter) == NULL && SLOT (container->type, getitem) == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "argument of type '%s' is not iterable",
                     hs_type_name (container));
      return -1;
    }
  return hs_object_iter_search (vm, container, item);
}

HsObject *
hs_object_iter (HsVM *vm, HsObject *obj)
{
  HsObject *(*iter) (HsVM *, HsObject *) = SLOT (obj->type, iter);
  if (iter != NULL)
    return iter (vm, obj);
  if (SLOT (obj->type, getitem) != NULL && obj->type != &hs_dict_type)
    return hs_seq_iter_new (vm, obj);
  hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not iterable", hs_type_name (obj));
  return NULL;
}

HsObject *
hs_iter_next (HsVM *vm, HsObject *iter)
{
  HsObject *(*next) (HsVM *, HsObject *) = SLOT (iter->type, iternext);
  if (next == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not an iterator", hs_type_name (iter));
      return NULL;
    }
  /* map/zip/filter/generator chains recurse one C level per link */
  if (!hs_stack_check (vm))
    return NULL;
  return next (vm, iter);
}

int
hs_object_foreach (HsVM *vm, HsObject *iterable, HsForeachFunc fn, gpointer data)
{
  HsObject *it = hs_object_iter (vm, iterable), *item;
  int rv = 0;

  if (it == NULL)
    return -1;
  while (rv == 0 && (item = hs_iter_next (vm, it)) != NULL)
    {
      rv = fn (vm, item, data);
      hs_decref (vm, item);
    }
  hs_decref (vm, it);
  if (rv == 0 && hs_err_occurred (vm))
    return -1;
  return rv;
}

static int
equals_item (HsVM *vm, HsObject *x, gpointer item)
{
  return hs_object_equal (vm, x, item);
}

int
hs_object_iter_search (HsVM *vm, HsObject *container, HsObject *item)
{
  return hs_object_foreach (vm, container, equals_item, item);
}

gboolean
hs_object_is_callable (const HsObject *obj)
{
  return SLOT (obj->type, call) != NULL;
}

HsObject *
hs_object_call_method (HsVM *vm, HsObject *obj, const char *name, HsObject **args, gsize nargs,
                       HsObject *kwnames)
{
  HsObject *f = hs_object_getattr_cstr (vm, obj, name), *r;
  if (f == NULL)
    return NULL;
  r = hs_object_call (vm, f, args, nargs, kwnames);
  hs_decref (vm, f);
  return r;
}

HsObject *
hs_object_call (HsVM *vm, HsObject *callable, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *(*call) (HsVM *, HsObject *, HsObject **, gsize, HsObject *)
      = SLOT (callable->type, call);
  if (call == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not callable", hs_type_name (callable));
      return NULL;
    }
  /* a built-in calling the next one recurses a C level per link (iter(it.__next__, None)
   * chained a million deep); CPython's tp_call checks as it enters */
  if (G_UNLIKELY (hs_stack_exhausted ()))
    {
      hs_err_set_string (vm, &hs_exc_RecursionError,
                         "maximum recursion depth exceeded while calling a Python object");
      return NULL;
    }
  return call (vm, callable, args, nargs, kwnames);
}

/* ---- protocol: attributes ------------------------------------------------------------ */

static HsObject *
type_lookup_uncached (const HsType *type, HsObject *name)
{
  HsObject *mro = (type->type_flags & HS_TYPE_HEAP) ? HS_CLASS (type)->mro : NULL;

  if (mro != NULL)
    {
      for (gsize i = 0; i < hs_tuple_len (mro); i++)
        {
          const HsType *t = (const HsType *)hs_tuple_get_borrow (mro, i);
          HsObject *v = t->dict != NULL ? hs_dict_get_item_borrow (NULL, t->dict, name) : NULL;
          if (v != NULL)
            return v;
        }
      return NULL;
    }
  for (const HsType *t = type; t != NULL; t = t->base)
    if (t->dict != NULL)
      {
        HsObject *v = hs_dict_get_item_borrow (NULL, t->dict, name);
        if (v != NULL)
          return v;
      }
  return NULL;
}

__thread HsTypeLookupEntry hs_type_lookup_cache[HS_TYPE_LOOKUP_CACHE_SIZE];

/* hs_type_lookup_borrow past its cache: looked up, and cached for an immortal name. */
HsObject *
hs_type_lookup_borrow_miss (const HsType *type, HsObject *name)
{
  guint64 tag;
  HsTypeLookupEntry *e;
  HsObject *v;

  if (!hs_is_immortal (name)) /* a mortal name's address may come back with other text */
    return type_lookup_uncached (type, name);
  tag = hs_type_version_tag (type);
  v = type_lookup_uncached (type, name);
  if (tag == 0)
    return v;
  e = &hs_type_lookup_cache[(((guintptr)type >> 4) ^ ((guintptr)name >> 4))
                            % HS_TYPE_LOOKUP_CACHE_SIZE];
  *e = (HsTypeLookupEntry){ type, name, tag, v };
  return v;
}

/* Generic attribute lookup on an instance: the type's dict, binding method descriptors. */
HsObject *
hs_object_generic_getattr (HsVM *vm, HsObject *obj, HsObject *name)
{
  HsObject *v = hs_type_lookup_borrow (obj->type, name), *w;

  if (v == NULL && strcmp (hs_str_utf8 (name), "__class__") == 0)
    return hs_incref ((HsObject *)obj->type);
  /* a dunder the type fills by a slot wins over object's own (().__repr__) */
  if ((v == NULL || v == hs_type_lookup_borrow (&hs_object_type, name))
      && (w = hs_slot_wrapper_lookup (vm, obj, name)) != NULL)
    return w;
  if (v != NULL)
    {
      if (hs_method_descr_check (v))
        {
          HsCFunctionObject *d = (HsCFunctionObject *)v;
          return hs_cfunction_new_method (vm, d->def, d->owner, obj);
        }
      if (HS_IS (v, &hs_classmethod_descr_type))
        {
          HsCFunctionObject *d = (HsCFunctionObject *)v;
          return hs_cfunction_new_method (vm, d->def, d->owner, (HsObject *)obj->type);
        }
      if (HS_IS (v, &hs_getset_descr_type))
        return hs_getset_get (vm, v, obj);
      return hs_incref (v);
    }
  hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                 hs_type_name (obj), hs_str_utf8 (name));
  return NULL;
}

HsObject *
hs_object_getattr (HsVM *vm, HsObject *obj, HsObject *name)
{
  HsObject *(*getattr) (HsVM *, HsObject *, HsObject *) = SLOT (obj->type, getattr);
  HsObject *r
      = getattr != NULL ? getattr (vm, obj, name) : hs_object_generic_getattr (vm, obj, name);
  if (r == NULL)
    {
      hs_cpython_refuse_missing (vm, obj, name);
      hs_err_set_attribute_context (vm, obj, name);
    }
  return r;
}

HsObject *
hs_object_getattr_cstr (HsVM *vm, HsObject *obj, const char *name)
{
  HsObject *n = hs_str_intern_cstr (name);
  return hs_object_getattr (vm, obj, n);
}

int
hs_object_setattr (HsVM *vm, HsObject *obj, HsObject *name, HsObject *value)
{
  if (!hs_instance_check (obj) && hs_is_class_name (name)) /* object's own descriptor */
    return hs_object_set_class (vm, obj, value);
  int (*setattr) (HsVM *, HsObject *, HsObject *, HsObject *) = SLOT (obj->type, setattr);
  if (setattr != NULL)
    return setattr (vm, obj, name, value);
  HsObject *d = hs_type_lookup_borrow (obj->type, name);
  /* a built-in type's getset or member descriptor says why not (int.real, complex.real) */
  if (d != NULL && HS_IS (d, &hs_getset_descr_type))
    return hs_getset_set (vm, d, obj, value);
  if (d != NULL && HS_IS (d, &hs_member_descr_type))
    return hs_member_set (vm, d, obj, value);
  if (d != NULL)
    hs_err_format (vm, &hs_exc_AttributeError, "'%s' object attribute '%s' is read-only",
                   hs_type_name (obj), hs_str_utf8 (name));
  else
    hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                   hs_type_name (obj), hs_str_utf8 (name));
  return -1;
}

void
hs_object_refs (HsObject *obj, HsVisitFn visit, gpointer user_data)
{
  void (*refs) (HsObject *, HsVisitFn, gpointer) = SLOT (obj->type, refs);
  if (refs != NULL)
    refs (obj, visit, user_data);
}

const char *
hs_ref_row_by_key (HsObject *holder, const HsRef *ref, HsObject *key)
{
  return hs_str_check (key) ? hs_str_utf8 (key) : "?";
}

static HsObject **
field_at (HsObject *self, const HsRefField *field)
{
  return (HsObject **)((char *)self + field->offset);
}

void
hs_visit_fields (HsObject *self, const HsRefField *fields, gsize n, HsVisitFn visit, gpointer data)
{
  for (gsize i = 0; i < n; i++)
    {
      HsObject *child = *field_at (self, &fields[i]);
      if (child != NULL)
        hs_visit_named (visit, child, fields[i].kind, fields[i].name, data);
    }
}

void
hs_clear_fields (HsVM *vm, HsObject *self, const HsRefField *fields, gsize n)
{
  for (gsize i = 0; i < n; i++)
    HS_CLEAR (vm, *field_at (self, &fields[i]));
}

typedef struct
{
  HsObject *target;
  guint n;
} CountRefs;

static void
count_target (HsObject *child, const HsRef *ref, gpointer data)
{
  CountRefs *c = data;
  c->n += child == c->target;
}

guint
hs_object_refs_to (HsObject *obj, HsObject *target)
{
  CountRefs c = { target, 0 };
  hs_object_refs (obj, count_target, &c);
  return c.n;
}

HsObject *
hs_sequence_fast (HsVM *vm, HsObject *iterable, const char *not_iterable)
{
  HsObject *it, *list;

  if (HS_IS (iterable, &hs_list_type) || HS_IS (iterable, &hs_tuple_type))
    return hs_incref (iterable);
  it = hs_object_iter (vm, iterable);
  if (it == NULL)
    {
      if (not_iterable != NULL && hs_err_matches (vm, &hs_exc_TypeError))
        {
          hs_err_clear (vm);
          hs_err_set_string (vm, &hs_exc_TypeError, not_iterable);
        }
      return NULL;
    }
  list = hs_list_from_iterable (vm, it);
  hs_decref (vm, it);
  return list;
}
