/* hs-frame.c — the frame arena: frames pushed and popped in chunks of slots (no malloc
 * per call), the heap frames of generators, and what a frame refers to.
 *
 * Invariant: the arena's chunks form a stack; a pushed frame occupies the slots from its
 * arena_mark to the chunk's top (header, locals, value stack) until it is popped, and a
 * chunk emptied by a pop is freed unless it is the first.
 */
#include "config.h"

#include <string.h>

#include "hs-exceptions.h"
#include "hs-object-private.h"
#include "hs-recursion.h"
#include "hs-vm-internal.h"

#define CHUNK_SLOTS (64 * 1024)

HsFrameChunk *
hs_vm_frame_chunk_new (HsFrameChunk *prev, gsize need)
{
  gsize size = MAX (need, CHUNK_SLOTS);
  HsFrameChunk *c = g_malloc (sizeof (HsFrameChunk) + size * sizeof (HsObject *));
  c->prev = prev;
  c->size = size;
  c->top = 0;
  return c;
}

/* A frame that runs no function holds its globals (HsFrame.holds_globals). */
static void
hold_globals (HsFrame *f, HsObject *func)
{
  f->holds_globals = func == NULL;
  if (f->holds_globals)
    hs_incref (f->globals)->flags |= HS_FLAG_NAMESPACE;
}

HsFrame *
hs_vm_frame_push_refused (HsVM *vm)
{
  hs_err_set_string (vm, &hs_exc_RecursionError, "maximum recursion depth exceeded");
  return NULL;
}

/* A new frame with all locals unbound; NULL with RecursionError past the limit. */
HsFrame *
hs_vm_frame_push (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals)
{
  HsFrame *f = hs_vm_frame_push_unset (vm, code, func, globals);

  if (f != NULL)
    memset (f->locals, 0, sizeof (HsObject *) * code->nlocals);
  return f;
}

/* A frame for a generator: outside the arena, not on the stack. */
HsFrame *
hs_vm_frame_new_heap (HsVM *vm, HsCode *code, HsObject *func, HsObject *globals, gsize *size)
{
  gsize bytes = sizeof (HsObject *) * (HS_FRAME_HEADER_SLOTS + code->nlocals + code->stacksize);
  HsFrame *f = hs_mem_realloc (vm, NULL, 0, bytes);
  if (f == NULL)
    return NULL;
  memset (f, 0, bytes);
  f->code = code;
  f->func = func != NULL ? hs_incref (func) : NULL;
  f->globals = globals;
  /* it holds its globals, for the function of that code */
  hold_globals (f, NULL);
  f->id = vm->next_frame_id++;
  f->cur_line = -1;
  f->after_lineless = FALSE;
  f->parent_frame_id = 0;
  f->stack = f->locals + code->nlocals;
  *size = bytes;
  return f;
}

void
hs_frame_grow_held (HsFrame *f, gsize n)
{
  gsize cap;

  if (f->call_held == NULL && n <= HS_FRAME_HELD_INLINE)
    {
      f->call_held = f->held_inline;
      f->call_held_cap = HS_FRAME_HELD_INLINE;
      return;
    }
  cap = MAX (f->n_call_held + n, 2 * (gsize)f->call_held_cap);
  if (f->call_held == f->held_inline)
    {
      f->call_held = g_new (HsObject *, cap);
      memcpy (f->call_held, f->held_inline, sizeof (HsObject *) * f->n_call_held);
    }
  else
    f->call_held = g_renew (HsObject *, f->call_held, cap);
  f->call_held_cap = (guint)cap;
}

void
hs_vm_frame_release_call (HsVM *vm, HsFrame *f)
{
  HsObject **held = g_steal_pointer (&f->call_held);
  guint n = f->n_call_held;

  f->n_call_held = 0;
  f->call_held_cap = 0;
  for (guint i = 0; i < n; i++)
    hs_decref (vm, held[i]);
  hs_frame_free_held (f, held);
}

/* Drops the frame's references but its function's, which it returns (CPython's
 * _PyFrame_Clear drops f_func last). */
static HsObject *
clear_but_func (HsVM *vm, HsFrame *f)
{
  if ((f->is_init || f->back_holds) && f->back != NULL && f->back->call_held != NULL)
    hs_vm_frame_release_call (vm, f->back);
  if (f->call_held != NULL)
    hs_vm_frame_release_call (vm, f);
  /* each slot emptied before its value goes: a free may run code (a generator's close)
   * that looks at the frames */
  for (int i = 0; i < f->sp; i++)
    HS_CLEAR (vm, f->stack[i]);
  f->sp = 0;
  for (int i = 0; i < f->code->nlocals; i++)
    HS_CLEAR (vm, f->locals[i]);
  HS_CLEAR (vm, f->ns);
  HS_CLEAR (vm, f->exc_state.value);
  if (f->holds_globals)
    hs_decref (vm, f->globals);
  f->holds_globals = FALSE;
  return g_steal_pointer (&f->func);
}

void
hs_vm_frame_clear (HsVM *vm, HsFrame *f)
{
  hs_xdecref (vm, clear_but_func (vm, f));
}

/* Drops the frame's references and gives its slots back to the arena; its function goes
 * last, once the frame is gone (freeing it may run code that looks at the frames). */
void
hs_vm_frame_pop (HsVM *vm, HsFrame *f)
{
  HsObject *func = clear_but_func (vm, f);
  vm->frame = f->back;
  vm->depth -= 1 + f->is_init; /* an __init__'s frame, and its class call's level */
  if (f->gen != NULL)
    f->back = NULL; /* generator frames live outside the arena */
  else
    {
      HsFrameChunk *c = vm->chunk;
      c->top = f->arena_mark;
      if (c->top == 0 && c->prev != NULL)
        {
          vm->chunk = c->prev;
          g_free (c);
        }
    }
  hs_xdecref (vm, func);
}

HsFrame *
hs_vm_current_frame (HsVM *vm)
{
  return vm->frame;
}

void
hs_frame_refs (const HsFrame *f, HsVisitFn visit, gpointer data)
{
  for (int i = 0; i < f->code->nlocals; i++)
    if (f->locals[i] != NULL)
      hs_visit_named (visit, f->locals[i], HS_REF_ATTR, hs_code_varname (f->code, i), data);
  for (int i = 0; i < f->sp; i++)
    if (f->stack[i] != NULL)
      hs_visit_named (visit, f->stack[i], HS_REF_ATTR, "pending", data);
  for (guint i = 0; i < f->n_call_held; i++)
    hs_visit_named (visit, f->call_held[i], HS_REF_ATTR, "pending", data);
  if (f->ns != NULL)
    hs_visit_named (visit, f->ns, HS_REF_HIDDEN, "namespace", data);
  if (f->exc_state.value != NULL) /* a generator's, also while suspended */
    hs_visit_named (visit, f->exc_state.value, HS_REF_ATTR, "handling", data);
  if (f->holds_globals)
    hs_visit_named (visit, f->globals, HS_REF_HIDDEN, "f_globals", data);
  if (f->func != NULL) /* a suspended generator's frame's (HS_FRAME_FUNC_LABEL) */
    hs_visit_named (visit, f->func, HS_REF_ATTR, HS_FRAME_FUNC_LABEL, data);
}

void
hs_vm_frames_init (HsVM *vm)
{
  vm->chunk = hs_vm_frame_chunk_new (NULL, 0);
}

void
hs_vm_frames_fini (HsVM *vm)
{
  while (vm->chunk != NULL)
    {
      HsFrameChunk *prev = vm->chunk->prev;
      g_free (vm->chunk);
      vm->chunk = prev;
    }
}
