/* hs-generator.h — generator objects.
 *
 * Invariant: a generator owns its frame (allocated outside the VM's frame arena, so it
 * survives between resumptions) until the frame returns or raises; a suspended frame
 * has back == NULL and is reachable only through its generator, whose refs visits
 * the frame's references (function, locals, value stack), so the diagram keeps it
 * visible. Each resumption runs the frame in a nested evaluation loop.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct _HsFrame HsFrame;
typedef struct _HsCode HsCode;

typedef struct
{
  HsObject header;
  HsFrame *frame;   /* owned; NULL once finished */
  gsize frame_size; /* bytes of `frame` */
  gboolean running;
  gboolean yielded; /* set by YIELD_VALUE while the frame runs */
  HsObject *thrown; /* owned: raised at the `yield` when the frame is next entered */
  /* resumed past its `yield from` by throw() (CPython's frame skips its RESUME, so a
   * tracer sees no 'call' event) */
  gboolean past_send;
  HsCode *code;              /* borrowed: the VM keeps every code until it ends */
  HsObject *name, *qualname; /* owned: what __name__/__qualname__ were set to, or NULL */
} HsGenerator;

#define HS_GENERATOR(o) ((HsGenerator *)(o))

extern HsType hs_generator_type;

/* Takes ownership of a frame made by the VM (not on the stack yet). */
HsObject *hs_generator_new (HsVM *vm, HsFrame *frame, gsize frame_size);

/* send(value) without the StopIteration: the next value yielded, or NULL with an error,
 * or NULL when the generator is done, with *returned (when asked for) set to what it
 * returned (a new reference, or NULL if it had finished before). */
HsObject *hs_generator_send (HsVM *vm, HsObject *gen, HsObject *value, HsObject **returned);

/* Implemented in hs-vm-generator.c: runs the frame until it yields (returns the value) or ends
 * (NULL: with an exception set, or exhausted without one, and then *returned, if asked
 * for, gets its return value). */
HsObject *hs_vm_generator_resume (HsVM *vm, HsObject *gen, HsObject *value, HsObject **returned);
/* throw(): raises exc (stolen) at the `yield` the generator is suspended at, after
 * passing it to the generator it delegates to with `yield from`; the next value yielded,
 * or NULL as hs_vm_generator_resume. A finished generator raises exc at once. */
HsObject *hs_vm_generator_throw (HsVM *vm, HsObject *gen, HsObject *exc, HsObject **returned);
/* close(): raises GeneratorExit at the `yield` the generator is suspended at (after
 * closing the generator it delegates to with `yield from`), running its handlers and
 * finally blocks. 0, or -1 with an exception set. */
int hs_vm_generator_close (HsVM *vm, HsObject *gen);
/* Called by a generator's dealloc: its frame, if suspended, is taken over and closed at
 * the next event, as CPython closes it (not during a collection, nor when the run is
 * over or stopping). */
void hs_vm_generator_finalize (HsVM *vm, HsObject *gen);
/* Frees a finished or abandoned generator frame (drops its references). */
void hs_vm_generator_release_frame (HsVM *vm, HsObject *gen);
/* What the suspended generator delegates to with `yield from` (borrowed), or NULL. */
HsObject *hs_vm_generator_delegate (HsObject *gen);
/* Whether it is suspended at a `yield` (CPython's gi_suspended). */
gboolean hs_vm_generator_suspended (HsObject *gen);
/* Installs gi_running, gi_suspended, gi_yieldfrom, gi_frame, gi_code, __name__ and
 * __qualname__ on the generator type. */
void hs_generator_runtime_init (void);

G_END_DECLS
