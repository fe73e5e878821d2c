/* hs-vm-internal.h — what the machine's own files share: the eval loop (hs-vm.c), call
 * setup (hs-call.c), generator resumption (hs-vm-generator.c) and the frame arena
 * (hs-frame.c). Nothing outside src/core/vm includes it; the rest of the core sees the
 * VM through hs-vm-private.h.
 *
 * Invariant: a frame from hs_vm_frame_push is on the stack (vm->frame) until
 * hs_vm_frame_pop; a heap frame (hs_vm_frame_new_heap) belongs to a generator and is
 * only on the stack while hs_vm_eval_frame runs it.
 */
#pragma once

#include "hs-frame.h"
#include "hs-finalize.h"
#include "hs-function.h"
#include "hs-gc.h"
#include "hs-recursion.h"
#include "hs-tuple.h"
#include "hs-weakref.h"

G_BEGIN_DECLS

/* ---- the frame arena (hs-frame.c) ---- */

void hs_vm_frames_init (HsVM *vm);
void hs_vm_frames_fini (HsVM *vm); /* frees the arena; every frame popped */
HsFrame *hs_vm_frame_push (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals);

/* The arena's chunks: a pushed frame occupies slots[arena_mark, top) of the last. */
typedef struct _HsFrameChunk HsFrameChunk;
struct _HsFrameChunk
{
  HsFrameChunk *prev;
  gsize size; /* slots */
  gsize top;  /* slots in use */
  HsObject *slots[];
};

#define HS_FRAME_HEADER_SLOTS ((sizeof (HsFrame) + sizeof (HsObject *) - 1) / sizeof (HsObject *))

HsFrameChunk *hs_vm_frame_chunk_new (HsFrameChunk *prev, gsize need);
/* NULL with RecursionError. */
HsFrame *hs_vm_frame_push_refused (HsVM *vm);

/* hs_vm_frame_push without unbinding the locals, for a caller that writes each of them
 * (the eval loop's own calls): inline, as CPython 3.11's _PyFrame_PushUnchecked. With
 * c_stack FALSE the C stack is not checked: the caller is the eval loop going on in the
 * new frame, which nests no C call. */
G_ALWAYS_INLINE static inline HsFrame *
hs_vm_frame_push_unset_in (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals,
                           gboolean c_stack)
{
  gsize need = HS_FRAME_HEADER_SLOTS + code->nlocals + code->stacksize;
  HsFrameChunk *c = vm->chunk;
  HsFrame *f;

  /* the C stack too: frames entered from C (a __repr__, map's function) nest C calls */
  if (vm->depth >= vm->config.recursion_limit || (c_stack && hs_stack_exhausted ()))
    return hs_vm_frame_push_refused (vm);
  if (G_UNLIKELY (c->top + need > c->size))
    c = vm->chunk = hs_vm_frame_chunk_new (c, need);
  f = (HsFrame *)&c->slots[c->top];
  f->arena_mark = c->top;
  c->top += need;
  f->back = vm->frame;
  f->code = code;
  f->func = func != NULL ? hs_incref (func) : NULL; /* CPython 3.11's f_func */
  f->globals = globals;
  f->holds_globals = func == NULL; /* a frame that runs no function holds its globals */
  if (f->holds_globals)
    hs_incref (globals)->flags |= HS_FLAG_NAMESPACE;
  f->id = vm->next_frame_id++;
  f->ip = 0;
  f->sp = 0;
  f->cur_line = -1; /* CPython 3.11 traces the first line of every frame */
  f->after_lineless = FALSE;
  f->parent_frame_id = func != NULL ? HS_FUNCTION (func)->parent_frame_id : 0;
  f->ns = NULL;
  f->gen = NULL;
  f->exc_state = (HsExcItem){ NULL, NULL };
  f->is_init = FALSE;
  f->back_holds = FALSE;
  f->call_held = NULL;
  f->n_call_held = 0;
  f->call_held_cap = 0;
  f->stack = f->locals + code->nlocals;
  vm->frame = f;
  vm->depth++;
  return f;
}

static inline HsFrame *
hs_vm_frame_push_unset (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals)
{
  return hs_vm_frame_push_unset_in (vm, code, func, globals, TRUE);
}

HsFrame *hs_vm_frame_new_heap (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals,
                               gsize *size);
void hs_vm_frame_clear (HsVM *vm, HsFrame *f);
/* Drops what f holds for the class call running (HsFrame.call_held). */
void hs_vm_frame_release_call (HsVM *vm, HsFrame *f);
void hs_vm_frame_pop (HsVM *vm, HsFrame *f);

/* hs_vm_frame_pop inline for the eval loop's returns, when the frame holds nothing but
 * its locals and its function (no class call's values, no namespace or globals of its own, no
 * generator, an empty value stack), and its caller nothing for it but what an __init__'s class
 * call holds: that first, then each local emptied before its value goes, as hs_vm_frame_clear
 * does, then the slots given back. */
static inline void
hs_vm_frame_pop_plain (HsVM *vm, HsFrame *f)
{
  HsFrameChunk *c;
  HsObject *func;

  if (G_UNLIKELY (f->back_holds || f->call_held != NULL || f->ns != NULL || f->holds_globals
                  || f->gen != NULL || f->sp != 0))
    {
      hs_vm_frame_pop (vm, f);
      return;
    }
  if (f->is_init && f->back->call_held != NULL)
    hs_vm_frame_release_call (vm, f->back);
  for (int i = 0; i < f->code->nlocals; i++)
    HS_CLEAR (vm, f->locals[i]);
  func = f->func;
  f->func = NULL;
  vm->frame = f->back;
  vm->depth -= 1 + f->is_init; /* an __init__'s frame, and its class call's level */
  c = vm->chunk;
  c->top = f->arena_mark;
  if (G_UNLIKELY (c->top == 0 && c->prev != NULL))
    {
      vm->chunk = c->prev;
      g_free (c);
    }
  hs_xdecref (vm, func); /* last, as hs_vm_frame_pop: the frame is gone */
}

/* ---- the loop (hs-vm.c) ---- */

/* Runs `entry` (already pushed) until it returns: its result, or NULL with an error. */
HsObject *hs_vm_eval_frame (HsVM *vm, HsFrame *entry);

/* The run is unwinding with the internal StopRun exception (see stop_run in hs-vm.c). */
static inline gboolean
hs_vm_is_stopping (HsVM *vm)
{
  return vm->exc != NULL && vm->exc == vm->stop_exc;
}

/* ---- calls (hs-call.c) ---- */

/* Called with exactly its positional parameters (no keywords): each argument is one local,
 * in order, with nothing to bind. */
static inline gboolean
hs_call_args_exact (const HsCode *co, gsize nargs)
{
  return nargs == (gsize)co->nparams && co->nkwonly == 0
         && !(co->flags & (HS_CODE_VARARGS | HS_CODE_VARKEYWORDS));
}

/* Whether calling callable, a C function or method, from the running frame is a level
 * against the recursion limit while it runs (CPython's generic call of a C function, before
 * the calling code is quickened: HS_CODE_WARMUP) besides what the callee counts itself. */
gboolean hs_call_c_is_level (HsVM *vm, HsObject *callable);

int hs_call_start (HsVM *vm, HsObject *callable, HsObject **args, gsize nargs, HsObject *kwnames,
                   HsFrame **nf, HsObject **res);
/* The eval loop's call of `callable` with the `nstack` values of its stack from `stack`
 * (the callable, the NULL or self under it, the arguments `args`), which it consumes, and
 * kwnames (owned, or NULL): as hs_call_start, and when that runs a class's __init__ the
 * caller holds what CPython's type call does while it runs (HsFrame.call_held). */
int hs_call_from_stack (HsVM *vm, HsObject *callable, HsObject **stack, gsize nstack,
                        HsObject **args, gsize nargs, HsObject *kwnames, HsFrame **nf,
                        HsObject **res);
/* CPython's _PyObject_FunctionStr: "__main__.f", "__main__.Point", "print" (newly
 * allocated). */
char *hs_call_name (HsObject *fn);
/* After `*it` failed to unpack (into a call to fn, or a display when fn is NULL): a
 * TypeError because it is not iterable gets CPython's words. */
void hs_call_star_error (HsVM *vm, HsObject *fn, HsObject *it);
/* bases[0..nbases) then one value per name in kwnames (NULL: none). */
HsObject *hs_call_build_class (HsVM *vm, HsObject *func, HsObject *name, HsObject **bases,
                               gsize nbases, HsObject *kwnames);

/* ---- pattern matching (hs-vm-match.c) ---- */

gboolean hs_match_is_mapping (HsObject *subject);
gboolean hs_match_is_sequence (HsObject *subject);
HsObject *hs_match_keys (HsVM *vm, HsObject *map, HsObject *keys);
HsObject *hs_match_class (HsVM *vm, HsObject *subject, HsObject *type, gsize nargs,
                          HsObject *names);

/* ---- compile(..., 'single') (hs-exec.c) ---- */

int hs_vm_displayhook (HsVM *vm, HsObject *value);

/* ---- generators freed while suspended (hs-vm-generator.c) ---- */

void hs_vm_close_freed_generators_now (HsVM *vm);
/* Drops the frames still waiting to be closed, without running them (hs_vm_free). */
void hs_vm_drop_closing_frames (HsVM *vm);

/* What a free could not do in the middle of an instruction, done at the next event, call
 * or resumption: closing the generators freed while suspended, the callbacks of the weak
 * references cleared, then the queued __del__ finalizers (hs-finalize.c). Called on every event, so
 * the test is inline. */
static inline gboolean
hs_vm_has_deferred (HsVM *vm)
{
  if (G_LIKELY (!vm->maybe_deferred))
    return FALSE;
  if ((vm->closing != NULL && vm->closing->len > 0)
      || (vm->wr_callbacks != NULL && vm->wr_callbacks->len > vm->wr_floor)
      || (vm->del_pending != NULL && vm->del_pending->len > vm->del_floor)
      || (vm->gc.redo && !vm->gc.collecting))
    return TRUE;
  vm->maybe_deferred = vm->gc.redo; /* a redo waits for its collection to end */
  return FALSE;
}

/* Until none is left: what each runs may free more (a __del__'s object, once freed,
 * clears its weak references). */
void hs_vm_run_deferred_now (HsVM *vm);

static inline void
hs_vm_run_deferred (HsVM *vm)
{
  if (G_UNLIKELY (hs_vm_has_deferred (vm)))
    hs_vm_run_deferred_now (vm);
}

/* Called with its first nargs positional parameters, the others taken from its defaults
 * (no keywords): each argument is one local, in order, then each default missing. */
static inline gboolean
hs_call_args_with_defaults (const HsFunction *fn, gsize nargs)
{
  const HsCode *co = fn->code;

  if (hs_call_args_exact (co, nargs))
    return TRUE;
  return nargs < (gsize)co->nparams && fn->defaults != NULL
         && (gsize)co->nparams - nargs <= hs_tuple_len (fn->defaults) && co->nkwonly == 0
         && !(co->flags & (HS_CODE_VARARGS | HS_CODE_VARKEYWORDS));
}

/* The eval loop's own call (CPython 3.11's CALL_PY_EXACT_ARGS and CALL_PY_WITH_DEFAULTS): a
 * Python function, no generator, no cells to make (free variables are only copied: a method
 * calling super() has `__class__`), called with its positional parameters (the last
 * ones possibly from its defaults), while nothing waits to run at a call boundary
 * (hs_call_start's deferred work) or stops the run. */
static inline gboolean
hs_call_is_lean (HsVM *vm, HsObject *callable, gsize nargs)
{
  const HsCode *co;

  if (!HS_IS (callable, &hs_function_type))
    return FALSE;
  co = HS_FUNCTION (callable)->code;
  return hs_call_args_with_defaults (HS_FUNCTION (callable), nargs)
         && !(co->flags & HS_CODE_GENERATOR) && co->ncells == 0 && vm->class_call == 0
         && !hs_vm_has_deferred (vm) && !hs_vm_is_stopping (vm);
}

/* A new frame's free variables: the cells of the function's closure. */
static inline void
hs_call_bind_frees (const HsFunction *fn, HsObject **locals)
{
  const HsCode *co = fn->code;

  for (int i = 0; i < co->nfrees && fn->closure != NULL; i++)
    locals[co->frees[i]] = hs_incref (hs_tuple_get_borrow (fn->closure, i));
}

/* After a lean call's first nargs locals (hs_call_is_lean): the defaults of the parameters
 * left out (shared, as hs_function_bind_args does), then the other locals unbound, then
 * the free variables. */
static inline void
hs_call_bind_rest (HsFunction *fn, HsObject **locals, gsize nargs)
{
  int nparams = fn->code->nparams;

  if (G_UNLIKELY (nargs < (gsize)nparams))
    {
      gsize first_default = nparams - hs_tuple_len (fn->defaults);
      for (gsize i = nargs; i < (gsize)nparams; i++)
        locals[i] = hs_incref (hs_tuple_get_borrow (fn->defaults, i - first_default));
    }
  for (int i = nparams; i < fn->code->nlocals; i++)
    locals[i] = NULL;
  if (G_UNLIKELY (fn->code->nfrees != 0))
    hs_call_bind_frees (fn, locals);
}

/* The text CPython prints for an exception (its chain, traceback and last line), newly
 * allocated (hs-traceback.c). */
char *hs_vm_format_exception (HsVM *vm, HsObject *exc);
/* The traceback module's report: CPython's format_exception (or, `only`,
 * format_exception_only) as a new list of strs; `limit` frames of each traceback (G_MAXINT:
 * all). */
HsObject *hs_vm_format_exception_list (HsVM *vm, HsObject *exc, int limit, gboolean chain,
                                       gboolean only);
/* Line `lineno` of the program's source when filename is the program's (else NULL), newly
 * allocated; the caret line StackSummary.format writes for the instruction at ip. */
char *hs_vm_source_line (HsVM *vm, const char *filename, int lineno);
char *hs_vm_frame_carets (HsVM *vm, HsCode *code, int ip);

G_END_DECLS
