/* hs-object-private.h — heap set-up and inspection shared by the core's modules.
 *
 * Invariant: between hs_heap_init and hs_heap_fini, vm->live lists every mortal object of
 * the VM; hs_heap_fini frees them all, cycles included, without running Python code.
 */
#pragma once

#include "hs-vm-private.h"

G_BEGIN_DECLS

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
