/* hs-inspect.h — how a tool looks inside a running VM (the trace recorder does), as Lua's
 * debug API: step hooks, the frames on the stack, the live objects, the objects changed
 * since the last step. A tool includes this and the public headers of the object types,
 * never the VM's private headers, so the machine can change without the tool noticing.
 *
 * Invariant: everything returned is borrowed and stays valid until the program runs on
 * (the hook returns). Hooks never re-enter: while a hook runs, nothing it makes the VM do
 * (a repr that calls a __repr__ method) is reported to the hooks, as CPython's tracer
 * does not trace itself.
 */
#pragma once

#include "hs-ast.h"
#include "hs-code.h"
#include "hs-vm.h"

G_BEGIN_DECLS

typedef struct _HsFrame HsFrame;

/* ---- hooks ------------------------------------------------------------------------ */

/* `step` is called where CPython's sys.settrace fires: LINE (a new line is about to run),
 * CALL (a frame starts; line = its def line), RETURN (arg = return value, or NULL when the
 * frame is left by an exception), EXCEPTION (arg = the exception, once per frame it passes
 * through), UNCAUGHT (arg = the exception, frame = the outermost frame, before it is
 * popped). Returning FALSE stops the run (HS_RUN_CANCELLED). `free` is called before
 * dealloc, the object still intact. */
typedef enum
{
  HS_STEP_LINE,
  HS_STEP_CALL,
  HS_STEP_RETURN,
  HS_STEP_EXCEPTION,
  HS_STEP_UNCAUGHT,
} HsStepEvent;

typedef struct
{
  gboolean (*step) (HsVM *vm, HsStepEvent ev, HsFrame *f, int line, HsObject *arg, gpointer data);
  void (*alloc) (HsVM *vm, HsObject *obj, gpointer data);
  void (*free) (HsVM *vm, HsObject *obj, gpointer data);
  void (*output) (HsVM *vm, const char *text, gsize len, gpointer data);
  /* the cycle collector found unreachable[0..n) and is about to break their cycles and
   * free them (each then also gets a `free` call) */
  void (*gc) (HsVM *vm, HsObject *const *unreachable, gsize n, gpointer data);
  /* input() read `line` (without its newline) after writing its prompt as output */
  void (*input) (HsVM *vm, const char *line, gsize len, gpointer data);
} HsVMHooks;

void hs_vm_set_hooks (HsVM *vm, const HsVMHooks *hooks, gpointer data);

/* ---- frames ----------------------------------------------------------------------- */

/* The innermost frame of the running program, or NULL. */
HsFrame *hs_vm_current_frame (HsVM *vm);
/* The caller, or NULL for the outermost frame (and for a suspended generator's). */
HsFrame *hs_inspect_frame_back (const HsFrame *f);
/* A serial, never reused within a VM (but for frames a hook's repr ran and ended, whose ids
 * hs_inspect_give_back_serials may give back). */
guint64 hs_inspect_frame_id (const HsFrame *f);
HsCode *hs_inspect_frame_code (const HsFrame *f);
/* The line the frame is executing. */
int hs_inspect_frame_line (const HsFrame *f);
/* The fast variables in co_varnames order (NULL: unbound), code->nlocals of them. */
HsObject *const *hs_inspect_frame_locals (const HsFrame *f);
/* The live part of the value stack, bottom first (a slot may be NULL), *n slots. */
HsObject *const *hs_inspect_frame_stack (const HsFrame *f, int *n);
/* What the frame holds for a class call whose __init__ runs (HsFrame.call_held). */
HsObject *const *hs_inspect_frame_call_held (const HsFrame *f, guint *n);
/* A class body's namespace dict, or NULL. */
HsObject *hs_inspect_frame_namespace (const HsFrame *f);
/* The generator running this frame, or NULL. */
HsObject *hs_inspect_frame_generator (const HsFrame *f);
/* Whether the frame's last instruction was a `yield` (its 'return' step leaves it paused). */
gboolean hs_inspect_frame_at_yield (const HsFrame *f);
/* The globals dict the frame runs in (exec() may give other globals than the program's). */
HsObject *hs_inspect_frame_globals (const HsFrame *f);
/* The id of the frame that made the function running, or 0. */
guint64 hs_inspect_frame_parent_id (const HsFrame *f);
/* The function the frame runs, which it holds (CPython 3.11's f_func), or NULL. */
HsObject *hs_inspect_frame_func (const HsFrame *f);

/* The label of a frame's reference to the function it runs: no program can name it. */
#define HS_FRAME_FUNC_LABEL ".f_func"

/* Visits every reference the frame holds, labelled as the objects' `refs` are: its locals
 * (unbound ones skipped) in co_varnames order, named by their variables, then its live
 * value stack from the bottom ("pending"), then a class body's namespace (hidden), then
 * the function it runs (HS_FRAME_FUNC_LABEL). */
void hs_frame_refs (const HsFrame *f, HsVisitFn visit, gpointer data);

/* ---- the VM's roots and state ---------------------------------------------------- */

/* The module's globals dict. */
HsObject *hs_inspect_globals (HsVM *vm);
/* The exception an except/finally block of the program is handling (sys.exc_info() outside
 * generators), or NULL; a generator's own is a row of its frame (hs_frame_refs). */
HsObject *hs_inspect_handled_exception (HsVM *vm);
/* Objects the VM itself holds, which a frame shows as held values. */
typedef enum
{
  HS_VM_HELD_DEL_RUNNING,       /* count reached zero, __del__ running (CPython's temporary
                                 * reference while finalizing) */
  HS_VM_HELD_DEL_PENDING,       /* count reached zero, __del__ waiting to run (the
                                 * next to run last) */
  HS_VM_HELD_FINALIZE_REGISTRY, /* the weakref.finalize objects alive (its registry) */
} HsVMHeld;

/* The objects the VM holds as `which`, *n of them. */
HsObject *const *hs_inspect_vm_held (HsVM *vm, HsVMHeld which, guint *n);
/* The exception propagating (a RETURN step left by it), or NULL. */
HsObject *hs_inspect_raised_exception (HsVM *vm);
/* Every reference held is where the diagram finds it: the step is between lines of the
 * main loop, or of the Python code a class call runs (which lists what it holds on its
 * caller's frame), so no C function that called back into Python holds references in its
 * C locals. */
gboolean hs_inspect_holds_listed (HsVM *vm);
/* The code objects compiled so far (each with its children): they hold the constants.
 * *version changes when exec(), eval() or compile() adds one. */
HsCode *const *hs_inspect_codes (HsVM *vm, guint *n, guint *version);
/* Why the last program did not compile, or NULL. */
const HsSyntaxError *hs_inspect_syntax_error (HsVM *vm);
/* The runtime's repr/str of obj as newly allocated UTF-8, or NULL when it raised (the
 * exception is dropped: looking must not disturb the program). */
char *hs_inspect_repr (HsVM *vm, HsObject *obj);
char *hs_inspect_str (HsVM *vm, HsObject *obj);
/* Appends hs_inspect_repr's text of an exact str to out without making the repr's str (a
 * long str's text is copied once, not three times); the id that str would have had is used
 * up all the same, so later ids are as hs_inspect_repr leaves them. FALSE, out unchanged,
 * where the repr could fail (near the heap's limit, the C stack's): ask hs_inspect_repr. */
gboolean hs_inspect_str_repr (HsVM *vm, HsObject *str, GString *out);
/* Whether str was made, while dirty marks are tracked, by concatenating a str of at least
 * HS_INSPECT_STR_ORIGIN_BYTES and a tail: that str's id and length, the text str starts
 * with (of the last 16 such strs made). */
#define HS_INSPECT_STR_ORIGIN_BYTES 256
gboolean hs_inspect_str_origin (HsVM *vm, HsObject *str, guint64 *from_id, gsize *from_len);
/* hs_inspect_str_repr's text of str from byte `from` on (a character boundary), for a repr
 * whose head (its quote and the escapes of the bytes before) is known: the escapes, then
 * the closing quote, appended to out. The id and the conditions are hs_inspect_str_repr's. */
gboolean hs_inspect_str_repr_tail (HsVM *vm, HsObject *str, gsize from, char quote, GString *out);
/* The two ends of hs_inspect_str_repr's text of a str of more than head + tail bytes: the
 * quote and the escapes of its first characters, at least head bytes, appended to out_head,
 * and the escapes of its last ones and the closing quote, at least tail bytes, to out_tail
 * (a long str's clipped text is made from them without escaping the middle). The id and
 * the conditions are hs_inspect_str_repr's. */
gboolean hs_inspect_str_repr_ends (HsVM *vm, HsObject *str, gsize head, gsize tail,
                                   GString *out_head, GString *out_tail);

/* Where the VM's serials stand: what a tool then makes the VM compute (a repr, which may
 * run a __repr__ method) can give back the object and frame ids it used, so that the
 * program's ids do not depend on when the tool looked (hs_inspect_give_back_serials). */
typedef struct
{
  guint64 next_id;
  guint64 next_frame_id;
  guint64 collections;
} HsSerials;

void hs_inspect_serials (HsVM *vm, HsSerials *mark);
/* Gives back the ids used since `mark` when none of their objects is alive and no
 * collection ran since (a collection's generations are ranges of ids). */
void hs_inspect_give_back_serials (HsVM *vm, const HsSerials *mark);

/* ---- objects --------------------------------------------------------------------- */

/* Calls fn (kind, name, data) once per reference into o that the module machinery holds
 * where the diagram draws no arrow: a module's (its dict, an entry of it: sys.modules in
 * sys's, an attribute of a module the program made), sys's dict copy, the interpreter's
 * sys.modules, a function's __globals__, a frame's or generator's globals. Nothing for most
 * objects (a flag says). */
typedef void (*HsHolderFn) (const char *kind, const char *name, gpointer data);
void hs_inspect_namespace_holders (HsVM *vm, HsObject *o, HsHolderFn fn, gpointer data);

/* The VM's mortal objects in allocation order: for (o = first; o; o = next (vm, o)). */
HsObject *hs_inspect_live_first (HsVM *vm);
HsObject *hs_inspect_live_next (HsVM *vm, HsObject *obj);

/* Objects whose contents changed since the last reset, kept while tracking is on. */
typedef struct
{
  HsObject *obj; /* NULL: freed after being dirtied */
  gsize lo;      /* item range that may have changed; (0, G_MAXSIZE) for "all" */
  gsize hi;
} HsDirtyEntry;

void hs_inspect_track_dirty (HsVM *vm, gboolean track);
const HsDirtyEntry *hs_heap_dirty (HsVM *vm, gsize *n);
/* The range dirtied in obj since the last reset: FALSE when it is not dirty. */
gboolean hs_heap_dirty_range (HsVM *vm, HsObject *obj, gsize *lo, gsize *hi);
void hs_heap_dirty_reset (HsVM *vm); /* clears the entries and their objects' flags */

G_END_DECLS
