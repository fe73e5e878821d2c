/* hs-vm-generator.c — running generators: resume (send), throw and close, with the
 * delegation of `yield from`, and the closing of generators freed while suspended.
 *
 * Invariant: a generator's frame lives outside the frame arena; it is on the frame stack
 * (back != NULL) only while generator_run runs it, and `running` refuses re-entry. A
 * generator freed while suspended is not closed at once but queued in vm->closing and
 * closed at the next event, call or resumption (hs_vm_run_deferred).
 */
#include "config.h"

#include "hs-exceptions.h"
#include "hs-generator.h"
#include "hs-vm-internal.h"
#include "hs-recursion.h"

void
hs_vm_generator_release_frame (HsVM *vm, HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsFrame *f = g->frame;
  if (f == NULL)
    return;
  g->frame = NULL;
  hs_vm_frame_clear (vm, f);
  hs_mem_realloc (vm, f, g->frame_size, 0);
}

/* PEP 479: a StopIteration escaping a generator's frame would end the loop that drives it
 * without a word, so CPython replaces it with RuntimeError, whose cause it is
 * (_PyErr_FormatFromCause in gen_send_ex2). */
static void
replace_escaped_stop (HsVM *vm)
{
  HsObject *stop = hs_err_fetch (vm);
  hs_err_set_string (vm, &hs_exc_RuntimeError, "generator raised StopIteration");
  HsObject *e = hs_err_fetch (vm);
  /* raised while the StopIteration may be the one being handled (thrown in by a
   * contextmanager's __exit__), so it may already be the context: replaced, not leaked */
  HS_CLEAR (vm, HS_EXCEPTION (e)->context);
  HS_EXCEPTION (e)->cause = hs_incref (stop);
  HS_EXCEPTION (e)->context = stop;
  HS_EXCEPTION (e)->suppress_context = TRUE;
  hs_err_set_object (vm, e);
  hs_decref (vm, e);
}

/* Resumes a generator with `value` as the result of its `yield`, or with `exc` (stolen,
 * then value is unused) raised at that `yield`, as CPython's send() and throw(). When it
 * returns, *returned (if asked for) gets its return value. */
static HsObject *
generator_run (HsVM *vm, HsObject *gen, HsObject *value, HsObject *exc, HsObject **returned)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsFrame *f;
  hs_vm_run_deferred (vm);
  f = g->frame;
  if (f == NULL || hs_vm_is_stopping (vm))
    {
      hs_xdecref (vm, exc);
      return NULL;
    }
  if (g->running)
    {
      hs_xdecref (vm, exc);
      hs_err_set_string (vm, &hs_exc_ValueError, "generator already executing");
      return NULL;
    }
  /* the C stack too: frames entered from C (a __repr__, map's function) nest C calls */
  if (vm->depth >= vm->config.recursion_limit || hs_stack_exhausted ())
    {
      hs_xdecref (vm, exc);
      hs_err_set_string (vm, &hs_exc_RecursionError, "maximum recursion depth exceeded");
      return NULL;
    }
  if (exc != NULL)
    g->thrown = exc; /* raised by hs_vm_eval_frame once the frame is entered */
  else if (f->ip != 0)
    f->stack[f->sp++] = hs_incref (value); /* the value of the `yield` expression */
  f->back = vm->frame;
  vm->frame = f;
  vm->depth++;
  g->running = TRUE;
  g->yielded = FALSE;
  hs_incref (gen);
  /* its own handled exceptions on top of the caller's while it runs (CPython's gi_exc_state) */
  f->exc_state.previous = vm->exc_top;
  vm->exc_top = &f->exc_state;
  HsObject *r = hs_vm_eval_frame (vm, f);
  vm->exc_top = f->exc_state.previous;
  f->exc_state.previous = NULL;
  g->running = FALSE;
  HS_CLEAR (vm, g->thrown); /* not raised: the run stopped on entering the frame */
  if (!g->yielded)
    {
      /* finished: the frame was popped (cleared) */
      hs_vm_generator_release_frame (vm, gen);
      if (r == NULL && hs_err_matches (vm, &hs_exc_StopIteration))
        replace_escaped_stop (vm);
      if (returned != NULL)
        *returned = g_steal_pointer (&r);
      HS_CLEAR (vm, r);
    }
  hs_decref (vm, gen);
  return r;
}

HsObject *
hs_vm_generator_resume (HsVM *vm, HsObject *gen, HsObject *value, HsObject **returned)
{
  return generator_run (vm, gen, value, NULL, returned);
}

/* The iterator a generator suspended in `yield from` delegates to, or NULL: the compiled
 * loop is SEND then YIELD_VALUE, with the iterator on top of the stack. */
static HsObject *
generator_delegate (HsFrame *f)
{
  const guint32 *code = f->code->code;
  if (f->ip < 2 || f->sp < 1 || HS_INSTR_OP (code[f->ip - 1]) != HS_OP_YIELD_VALUE
      || HS_INSTR_OP (code[f->ip - 2]) != HS_OP_SEND)
    return NULL;
  return f->stack[f->sp - 1];
}

HsObject *
hs_vm_generator_delegate (HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  return g->frame != NULL && !g->running ? generator_delegate (g->frame) : NULL;
}

gboolean
hs_vm_generator_suspended (HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  return g->frame != NULL && !g->running && hs_frame_at_yield (g->frame);
}

/* The delegate of a `yield from` returned `value` while the generator was not running
 * (during throw()): the generator goes on after its SEND with that value, as CPython's
 * _gen_throw moves the frame past it. */
static HsObject *
generator_end_delegation (HsVM *vm, HsObject *gen, HsObject *value, HsObject **returned)
{
  HsFrame *f = HS_GENERATOR (gen)->frame;
  HsObject *inner = f->stack[--f->sp];
  f->ip = (int)HS_INSTR_ARG (f->code->code[f->ip - 2]);
  HS_GENERATOR (gen)->past_send = TRUE;
  hs_decref (vm, inner);
  HsObject *r = generator_run (vm, gen, value, NULL, returned);
  hs_decref (vm, value);
  return r;
}

int
hs_vm_generator_close (HsVM *vm, HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsFrame *f = g->frame;
  HsObject *inner, *exc, *r;
  int err = 0;

  if (f == NULL)
    return 0;
  if (g->running)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "generator already executing");
      return -1;
    }
  inner = generator_delegate (f);
  if (inner != NULL && HS_IS (inner, &hs_generator_type))
    {
      g->running = TRUE;
      err = hs_vm_generator_close (vm, inner);
      g->running = FALSE;
    }
  /* CPython throws the delegate's error, if closing it failed, instead of GeneratorExit */
  exc = err < 0 ? hs_err_fetch (vm) : hs_exception_new (vm, &hs_exc_GeneratorExit, NULL);
  if (exc == NULL)
    return -1;
  r = generator_run (vm, gen, NULL, exc, NULL);
  if (r != NULL)
    {
      hs_decref (vm, r);
      hs_err_set_string (vm, &hs_exc_RuntimeError, "generator ignored GeneratorExit");
      return -1;
    }
  if (hs_err_matches (vm, &hs_exc_GeneratorExit) || hs_err_matches (vm, &hs_exc_StopIteration))
    hs_err_clear (vm);
  return hs_err_occurred (vm) ? -1 : 0;
}

HsObject *
hs_vm_generator_throw (HsVM *vm, HsObject *gen, HsObject *exc, HsObject **returned)
{
  HsGenerator *g = HS_GENERATOR (gen);
  HsObject *inner = g->frame != NULL && !g->running ? generator_delegate (g->frame) : NULL;

  if (g->frame == NULL)
    {
      hs_err_set_object (vm, exc);
      hs_decref (vm, exc);
      return NULL;
    }
  if (inner != NULL && HS_IS (inner, &hs_generator_type))
    {
      gboolean closing = HS_IS (exc, &hs_exc_GeneratorExit);
      HsObject *r = NULL, *inner_returned = NULL;
      g->running = TRUE;
      if (closing)
        {
          if (hs_vm_generator_close (vm, inner) < 0)
            {
              hs_decref (vm, exc);
              exc = hs_err_fetch (vm);
            }
        }
      else
        r = hs_vm_generator_throw (vm, inner, exc, &inner_returned);
      g->running = FALSE;
      if (r != NULL)
        return r;
      if (!closing && !hs_err_occurred (vm))
        return generator_end_delegation (
            vm, gen, inner_returned != NULL ? inner_returned : hs_incref (hs_None), returned);
      if (!closing)
        exc = hs_err_fetch (vm);
    }
  return generator_run (vm, gen, NULL, exc, returned);
}

/* A suspended generator frame whose generator was freed, waiting to be closed. */
typedef struct
{
  HsFrame *frame;
  gsize size;
} ClosingFrame;

void
hs_vm_generator_finalize (HsVM *vm, HsObject *gen)
{
  HsGenerator *g = HS_GENERATOR (gen);
  ClosingFrame c = { g->frame, g->frame_size };

  /* Not while the collector frees a cycle, nor once the run is over or stopping: then
   * the frame is just dropped. */
  if (c.frame == NULL || (vm->frame == NULL && !vm->finalizing) || vm->gc.collecting
      || hs_vm_is_stopping (vm))
    return;
  if (vm->closing == NULL)
    vm->closing = g_array_new (FALSE, FALSE, sizeof (ClosingFrame));
  c.frame->gen = NULL;
  g->frame = NULL;
  g_array_append_val (vm->closing, c);
  hs_vm_note_deferred (vm);
}

static void
drop_closing_frame (HsVM *vm, ClosingFrame *c)
{
  hs_vm_frame_clear (vm, c->frame);
  hs_mem_realloc (vm, c->frame, c->size, 0);
}

void
hs_vm_drop_closing_frames (HsVM *vm)
{
  for (guint i = 0; vm->closing != NULL && i < vm->closing->len; i++)
    drop_closing_frame (vm, &g_array_index (vm->closing, ClosingFrame, i));
  if (vm->closing != NULL)
    g_array_unref (vm->closing);
}

/* Closes the generators freed while suspended. CPython closes them at once, but a free
 * can happen in the middle of an instruction, when the frames on the stack are not in a
 * state a hook may look at; so they are closed at the next event, call or resumption,
 * before anything of the program that could tell the difference runs. */
void
hs_vm_close_freed_generators_now (HsVM *vm)
{
  while (vm->closing->len > 0)
    {
      ClosingFrame c = g_array_index (vm->closing, ClosingFrame, 0);
      HsObject *saved, *heir;

      g_array_remove_index (vm->closing, 0);
      if (hs_vm_is_stopping (vm))
        {
          drop_closing_frame (vm, &c);
          continue;
        }
      saved = hs_err_fetch (vm); /* an event of an exception being raised */
      heir = hs_generator_new (vm, c.frame, c.size);
      if (heir == NULL)
        drop_closing_frame (vm, &c);
      else
        {
          hs_vm_generator_close (vm, heir);
          hs_decref (vm, heir);
        }
      if (hs_vm_is_stopping (vm))
        {
          hs_xdecref (vm, saved);
          continue;
        }
      hs_err_clear (vm); /* CPython reports a failed close as unraisable (on stderr) */
      vm->exc = saved;
    }
}
