/* hs-frame.h — execution frames, readable by the trace engine.
 *
 * Invariant: a frame lives in the VM's frame arena (no malloc per call) from its call
 * to its return. `locals[0..code->nlocals)` are its fast variables (NULL: unbound) in
 * co_varnames order; `stack[0..sp)` is the live part of its value stack, every slot an
 * owned reference (a `for` loop's iterator sits there while the loop runs) except that
 * LOAD_METHOD may leave one NULL slot. `sp` and `ip` are saved whenever the frame is not
 * the one executing or a hook runs, so readers always see a consistent frame.
 * The module frame has no locals: its variables are `globals` (a dict).
 */
#pragma once

#include "hs-code.h"
#include "hs-vm-private.h"

G_BEGIN_DECLS

#define HS_FRAME_HELD_INLINE 8

struct _HsFrame
{
  HsFrame *back; /* the caller, or NULL for the outermost frame */
  HsCode *code;
  /* The function running, owned: CPython 3.11's frame holds its f_func, so a function's
   * count while it runs is one more per frame running it (a generator's frame holds it
   * until the generator finishes). NULL for the module frame and code run without a
   * function (exec). */
  HsObject *func;
  HsObject *globals; /* the module dict */
  /* Whether the frame holds a reference to globals: not when a function runs (the function
   * holds them, as CPython's func_globals); for code run without a function (an exec()'s
   * text, a generator's frame: CPython's function of that code holds them) and for the
   * program's module frame (its f_locals; vm->globals stands for its function's). */
  gboolean holds_globals;
  guint64 id;              /* stable serial, never reused within a VM */
  int ip;                  /* index of the instruction executing (or about to) */
  int sp;                  /* number of live value-stack slots */
  int cur_line;            /* line of the last line event (-1 forces the next one) */
  gboolean after_lineless; /* an exception left code without a line (a cleanup re-raising) for
                            * a handler: CPython 3.11 traces the handler's first line even when
                            * it is cur_line, as it compares with the last instruction's line */
  int raise_ip;            /* the instruction a frame left by an exception reports: where the
                            * exception was last raised, not the cleanup code re-raising it
                            * (CPython 3.11's f_lasti restored by RERAISE) */
  gsize arena_mark;        /* arena offset to restore when the frame is popped */
  guint64 parent_frame_id; /* the frame that made the function running; 0 if none */
  HsObject *ns;            /* class body: its namespace dict (owned); else NULL */
  gboolean is_init;        /* runs a class's __init__: its caller already holds the instance */
  gboolean back_holds;     /* its caller holds what the call made for it (call_held) until
                            * this frame goes: f(*a, **k)'s tuple and dict, as on CPython's
                            * stack while CALL_FUNCTION_EX's call runs */
  /* While a class call runs Python code (its __init__ in a frame of its own, or __new__
   * and __init__ called from C): what CPython holds for the call (the caller's stack,
   * type_call's argument tuple and keyword dict, the copy of the arguments a keyword call
   * makes), owned; released when that frame goes, or by hs_frame_unhold. */
  HsObject **call_held;
  guint n_call_held;
  guint call_held_cap; /* slots of call_held */
  HsObject *gen;       /* generator owning this frame (borrowed), or NULL; a suspended
                        * generator's frame has back == NULL and is not on the stack */
  /* A generator's frame: the exceptions its except blocks handle (CPython's gi_exc_state),
   * pushed on the VM's exc_top while it runs (hs-vm-generator.c); unused by other frames */
  HsExcItem exc_state;
  /* call_held's first slots, in the frame itself: a class call from a loop or a method
   * (`return Vector(...)`) allocates nothing to hold its arguments while __init__ runs */
  HsObject *held_inline[HS_FRAME_HELD_INLINE];
  HsObject **stack;   /* = locals + code->nlocals */
  HsObject *locals[]; /* nlocals slots, then stacksize slots */
};

/* What a class call made in C holds while the Python code it calls runs, listed on the
 * frame that made the call (HsFrame.call_held) so that the diagram draws it with that
 * frame's pending values: first (unless NULL) and args[0..n), each held until
 * hs_frame_unhold. Without a running frame nothing is held: no program can see it. */
typedef struct
{
  HsFrame *frame;
  guint mark;
} HsFrameHold;

/* hs_frame_reserve_held's way when call_held has no room. */
void hs_frame_grow_held (HsFrame *f, gsize n);

/* Makes room for n more references in f->call_held (kept for the frame's next calls). */
static inline void
hs_frame_reserve_held (HsFrame *f, gsize n)
{
  if (f->n_call_held + n > f->call_held_cap)
    hs_frame_grow_held (f, n);
}

/* hs_frame_hold listed on frame f (the caller, once the callee's frame is pushed). Inline,
 * as hs_frame_hold and hs_frame_unhold: every dunder a slot runs (a sort's __lt__) holds
 * its method. */
static inline HsFrameHold
hs_frame_hold_in (HsFrame *f, HsObject *first, HsObject **args, gsize n)
{
  HsFrameHold hold = { f, f != NULL ? f->n_call_held : 0 };

  if (f == NULL)
    return hold;
  hs_frame_reserve_held (f, n + 1);
  if (first != NULL)
    f->call_held[f->n_call_held++] = hs_incref (first);
  for (gsize i = 0; i < n; i++)
    f->call_held[f->n_call_held++] = hs_incref (args[i]);
  return hold;
}

static inline HsFrameHold
hs_frame_hold (HsVM *vm, HsObject *first, HsObject **args, gsize n)
{
  return hs_frame_hold_in (vm->frame, first, args, n);
}

/* Gives call_held's memory back (not the frame's own slots). */
static inline void
hs_frame_free_held (HsFrame *f, HsObject **held)
{
  if (held != f->held_inline)
    g_free (held);
}

static inline void
hs_frame_unhold (HsVM *vm, HsFrameHold hold)
{
  HsFrame *f = hold.frame;

  if (f == NULL)
    return;
  while (f->n_call_held > hold.mark)
    hs_decref (vm, f->call_held[--f->n_call_held]);
  if (f->n_call_held == 0 && f->call_held != NULL)
    {
      hs_frame_free_held (f, g_steal_pointer (&f->call_held));
      f->call_held_cap = 0;
    }
}

/* The frame of a generator object (suspended or running), or NULL once it finished. */
HsFrame *hs_generator_frame (HsObject *gen);

/* The line the frame is executing. */
static inline int
hs_frame_line (HsFrame *f)
{
  return hs_code_line (f->code, f->ip);
}

/* Whether the last instruction the frame ran is a `yield` (a generator's, paused there or
 * reporting that it leaves). */
static inline gboolean
hs_frame_at_yield (const HsFrame *f)
{
  return f->ip > 0 && HS_INSTR_OP (f->code->code[f->ip - 1]) == HS_OP_YIELD_VALUE;
}

G_END_DECLS
