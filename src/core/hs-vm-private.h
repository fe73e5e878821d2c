/* hs-vm-private.h — the VM's state, shared by the core's own modules only.
 *
 * Invariant: `live` lists every mortal heap object of this VM exactly once, in
 * allocation order; `heap_bytes` is the sum of the object sizes and side buffers
 * allocated through hs_object_alloc/hs_mem_realloc and not yet freed.
 */
#pragma once

#include "hs-vm.h"

G_BEGIN_DECLS

struct _HsVM {
  HsVMConfig config;

  /* memory */
  HsObject live;        /* sentinel of the circular list of live objects */
  guint64 next_id;      /* ids start at 1; immortal process-wide objects use their own range */
  gsize heap_bytes;
  gsize live_count;

  /* the current exception (an instance of a BaseException subclass), or NULL */
  HsObject *exc;

  /* host hooks */
  HsOutputFn output_fn;
  gpointer output_data;
  gint cancel_requested; /* atomic */

  /* The VM module (hs-vm.c) adds its own fields below: frames, globals, builtins,
   * step counters, trace hooks. */
  struct _HsVMExec *exec;
};

G_END_DECLS
