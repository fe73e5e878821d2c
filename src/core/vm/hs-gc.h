/* hs-gc.h — the cycle collector (CPython's Modules/gcmodule.c, in miniature).
 *
 * Invariant: an object takes part in collection only while it is tracked
 * (HS_FLAG_GC_TRACKED, set by hs_gc_track once the object is fully built) and mortal.
 * Every reference a tracked object holds is reported by its type's `refs` and owned
 * (counted in the referent's refcount); then "refcount minus references from tracked
 * objects of the collected generations" is the number of references from outside
 * (frames, the VM's roots, C locals), and whatever no such reference reaches is garbage.
 *
 * Generations are allocation-id ranges of the VM's live list (see HsGCState in
 * hs-vm-private.h): collecting generation g examines every tracked object allocated
 * since generation g last began and promotes the survivors to g + 1, as CPython merges
 * its young list into the next one. Automatic collection follows CPython 3.11:
 * count[0] = allocations - deallocations of GC-typed objects; past threshold[0] the
 * oldest generation whose count exceeds its threshold is collected (the oldest only when
 * a quarter of the long-lived objects are new).
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

#define HS_GC_GENERATIONS 3

/* Called by hs_object_alloc for every object whose type has HS_TYPE_GC (after linking,
 * before the object is built): counts it, and may run an automatic collection. */
void hs_gc_note_alloc (HsVM *vm);
/* Called when such an object is freed. */
void hs_gc_note_free (HsVM *vm);

/* Collects generations 0..generation; returns the number of unreachable objects found
 * (what CPython's gc.collect() returns), or 0 if a collection is already running. */
gsize hs_gc_collect (HsVM *vm, int generation);

/* An object of the garbage being finalized was freed: it leaves the collection. */
void hs_gc_forget (HsVM *vm, HsObject *obj);
/* Redoes a collection whose finalizers were deferred to the next event (they ran). */
void hs_gc_redo (HsVM *vm);

gboolean hs_gc_is_enabled (HsVM *vm);
void hs_gc_set_enabled (HsVM *vm, gboolean enabled);
void hs_gc_get_count (HsVM *vm, gint64 out[HS_GC_GENERATIONS]);
void hs_gc_get_threshold (HsVM *vm, int out[HS_GC_GENERATIONS]);
/* Sets thresholds[0..n) (n <= 3), like gc.set_threshold(t0[, t1[, t2]]). */
void hs_gc_set_threshold (HsVM *vm, const int *t, gsize n);

/* Heap checker for tests: TRUE if, for every tracked mortal object, the references
 * reported by refs from tracked objects do not exceed its refcount. */
gboolean hs_gc_check_heap (HsVM *vm);

G_END_DECLS
