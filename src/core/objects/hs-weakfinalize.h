/* hs-weakfinalize.h — weakref.finalize: a call made once, when an object dies, when it is
 * called, or at exit (see hs-weakfinalize.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_weakfinalize_type;

/* Runs the finalizers still alive whose atexit is set, newest first (CPython's atexit
 * hook of weakref.finalize). */
void hs_weakfinalize_at_exit (HsVM *vm);
/* Drops the registry without running anything (the VM is going away). */
void hs_weakfinalize_drop_registry (HsVM *vm);

G_END_DECLS
