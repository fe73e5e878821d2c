/* hs-finalize.h — running `__del__` (CPython 3.11's PEP 442 finalizers).
 *
 * Invariant: an object's finalizer runs at most once (HS_FLAG_FINALIZED is set before it
 * is called and never cleared). An object whose count reaches zero while its finalizer
 * has not run is not freed: it is resurrected into vm->del_pending (the queue owns one
 * reference, CPython's temporary one) and its __del__ runs at the next event, call or
 * resumption, when the frames are in a state the trace may look at; it is freed when the
 * queue's reference goes, unless __del__ stored it somewhere (resurrection).
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* Whether obj's class defines __del__ and it has not run yet. */
gboolean hs_finalize_needed (HsObject *obj);
/* Called by hs_object_free when obj's count reached zero: TRUE when it took obj (now
 * with a count of one, owned by the queue) to finalize it first. */
gboolean hs_finalize_defer (HsVM *vm, HsObject *obj);
/* Queues obj (a new reference) to run its finalizer at the next event. */
void hs_finalize_queue (HsVM *vm, HsObject *obj);
/* Runs obj's __del__ now (obj borrowed, kept alive by the caller) and marks it finalized;
 * an exception it raises is reported as CPython reports an unraisable one ("Exception
 * ignored in: ...") and the exception pending before (if any) is kept. */
void hs_finalize_call (HsVM *vm, HsObject *obj);
/* Runs the queued finalizers, oldest first and one after the other, as CPython calls them
 * while the decrefs free their objects (those a finalizer queues run inside it, and those
 * its object's dealloc queues right after it, before the next one). */
void hs_finalize_run_pending (HsVM *vm);
/* Drops the queue without running anything (the VM is going away). */
void hs_finalize_drop_pending (HsVM *vm);
/* CPython's shutdown: the finalizers of every object still alive, in the order CPython's
 * collector takes them when it collects __main__ (see the .c). */
void hs_finalize_at_exit (HsVM *vm);

G_END_DECLS
