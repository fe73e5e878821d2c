/* hs-vm-private.h — the VM's state, shared by the core's own modules only.
 *
 * Invariant: `live` lists every mortal heap object of this VM exactly once, in
 * allocation order; `heap_bytes` is the sum of the object sizes and side buffers
 * allocated through hs_object_alloc/hs_mem_realloc and not yet freed.
 */
#pragma once

#include "hs-inspect.h"

G_BEGIN_DECLS

#define HS_FREE_CLASSES 16 /* 16-byte size classes of small object blocks, up to 256 bytes */

/* the collector's per-VM state; see hs-gc.h. Generations are
 * ranges of allocation ids: an object with id >= young_start[0] is in generation 0,
 * one with young_start[1] <= id < young_start[0] in generation 1, older ones in 2. */
typedef struct
{
  gint64 count[3];  /* gen 0: GC allocations - deallocations; 1, 2: collections */
  int threshold[3]; /* 0 until initialised: then 700, 10, 10 */
  guint64 young_start[2];
  gint64 long_lived_total;
  gint64 long_lived_pending;
  guint64 collections; /* how many ran (hs_inspect_give_back_serials) */
  gboolean initialised;
  gboolean disabled;
  gboolean collecting;
  gboolean redo;      /* an automatic collection deferred its finalizers: redo it after them */
  GPtrArray *garbage; /* the unreachable objects while their finalizers run, else NULL */
} HsGCState;

/* One level of the exceptions being handled (CPython's _PyErr_StackItem). */
typedef struct _HsExcItem
{
  HsObject *value; /* the exception its innermost except block handles (owned), or NULL */
  struct _HsExcItem *previous; /* the level below while this one is pushed, else NULL */
} HsExcItem;

/* Writes program output (print) through the output function and the output hook,
 * counting bytes against the output cap; -1 with the run stopped past the cap. */
int hs_vm_write_output (HsVM *vm, const char *text, gsize len);
/* The same for what the program writes on stderr (sys.stderr.write), through the error
 * output function: counted against the same cap. */
int hs_vm_write_error (HsVM *vm, const char *text, gsize len);
/* time.sleep() returns at once (a recorded program's time is its steps, not the wall clock)
 * and moves the program's clocks on instead: hs_vm_add_sleep adds to what the run has slept,
 * in nanoseconds, and time(), monotonic(), perf_counter() and datetime's now() add
 * hs_vm_slept_ns to the system's clocks. */
void hs_vm_add_sleep (HsVM *vm, gint64 ns);
gint64 hs_vm_slept_ns (HsVM *vm);
/* Reports the current exception, which code called for `where` (a __del__, a weakref
 * callback) could not raise, as CPython's default unraisable hook: "Exception ignored in:
 * <repr of where>" and the traceback on the run's stderr; clears it. */
void hs_vm_write_unraisable (HsVM *vm, HsObject *where);
/* Reports a SyntaxWarning the compiler found, as CPython's warnings module prints it on
 * stderr ("FILE:LINE: SyntaxWarning: MESSAGE" and the stripped source line when there is
 * one); a warning in the program itself (`record`) is also kept in vm->warnings. */
void hs_vm_write_syntax_warning (HsVM *vm, const char *filename, int lineno, const char *message,
                                 const char *line, gboolean record);
/* A DeprecationWarning that C code raises for the running Python code (PyErr_WarnFormat
 * with stacklevel 1), shown as CPython's default filters show it: only when that code is
 * the program's own (`default::DeprecationWarning:__main__`), once per message and line
 * (the "default" action), "FILE:LINE: DeprecationWarning: MESSAGE" and the source line. */
void hs_vm_warn_deprecated (HsVM *vm, const char *format, ...) G_GNUC_PRINTF (2, 3);

struct _HsVM
{
  HsVMConfig config;

  /* memory */
  HsObject live;   /* sentinel of the circular list of live objects */
  guint64 next_id; /* ids start at 1; immortal process-wide objects use their own range */
  gsize heap_bytes;
  gsize live_count;
  /* live instances of classes (HS_TYPE_HEAP: the only objects with a __del__) and live
   * generators: the exit's walks of `live` looking for them are skipped when there are none */
  gsize live_instances;
  gsize live_generators;
  /* small objects' blocks: carved from arenas, freed ones kept by size class for reuse
   * (see hs-object.c) */
  gpointer free_blocks[HS_FREE_CLASSES];
  gpointer arenas; /* chained through each arena's first word */
  guint8 *arena_next;
  gsize arena_left;
  guint arena_count;
  /* deferred deallocation: hs_object_free past a nesting depth queues
   * objects here, chained through `next`, and the outermost free drains the queue. */
  guint dealloc_depth;
  HsObject *dealloc_pending;
  /* objects dirtied since hs_heap_dirty_reset, kept only while
   * track_dirty is set (the trace engine sets it): see hs-object-private.h. */
  gboolean track_dirty;
  GArray *dirty;           /* of HsDirtyEntry */
  GHashTable *dirty_index; /* HsObject * -> index + 1 in `dirty`, only while a step has
                            * dirtied many (hs-object.c's dirty_find scans a few) */
  /* while track_dirty is set, the strs a concatenation made of a str of at least
   * HS_INSPECT_STR_ORIGIN_BYTES and a tail: by the new str's id (direct-mapped), what it starts
   * with (hs_inspect_str_origin) */
  struct
  {
    guint64 id, from_id;
    gsize from_len;
  } str_origins[16];

  /* the current exception (an instance of a BaseException subclass), or NULL */
  HsObject *exc;

  /* host hooks */
  HsOutputFn output_fn;
  gpointer output_data;
  HsInputFn input_fn;
  gpointer input_data;
  gint cancel_requested; /* atomic */

  /* execution state, owned by hs-vm.c */
  const HsVMHooks *hooks; /* NULL: no trace; checked with one pointer test */
  gpointer hooks_data;
  HsObject *builtins;          /* dict shared by every frame */
  HsObject *globals;           /* dict of __main__ */
  HsFrame *frame;              /* innermost running frame, or NULL */
  int depth;                   /* frames on the stack (module frame = 1) */
  guint64 next_frame_id;       /* frame serials start at 1 */
  struct _HsFrameChunk *chunk; /* frame/stack arena (hs-frame.c) */
  gint64 line_steps;           /* line events of the current run */
  int stop_reason;             /* HsRunResult of a forced stop (limits, cancel), else HS_RUN_OK */
  gsize output_bytes;
  gint64 slept_ns;     /* what time.sleep() has slept, at once (hs_vm_add_sleep) */
  GPtrArray *codes;    /* HsCode * compiled in this VM (freed with it) */
  GArray *warnings;    /* HsVMWarning: the program's compile-time warnings */
  GHashTable *warned;  /* "LINE:MESSAGE" of the run-time warnings shown (once each) */
  guint codes_version; /* bumped when exec(), eval() or compile() adds one */
  /* a preallocated MemoryError, handed to the program when it is raised (a caught one is
   * the program's alone, as CPython's fresh instance) and made again at once, past the cap
   * if need be; NULL when even that failed (the process is out of memory) */
  HsObject *memory_exc;
  HsObject *memory_exc_shared; /* raised, and kept, only when memory_exc is NULL */
  gboolean memory_refilling;
  HsObject *last_exc; /* the uncaught exception of the last run */
  HsSyntaxError *last_syntax_error;
  /* the program's source declares its encoding (a coding line, a BOM): CPython's parser
   * then reports a program's columns in characters, else in bytes */
  gboolean source_declares_encoding;
  char *source; /* text of the last program, for traceback lines */
  gsize source_len;
  gboolean source_lent; /* source is the caller's (hs_vm_run_source_lent), not freed */
  char *filename;
  HsObject *stop_exc; /* preallocated internal exception used to unwind on a stop */
  int eval_depth;     /* hs_vm_eval_frame loops running: 1 in the main loop, more inside C calls */
  int listed_calls;   /* of those, the ones a class call entered with what it holds listed on
                       * its caller's frame (hs_class_call_held) */
  guint class_call;   /* HsClassCall bits of the call an instruction starts (hs-class.h) */
  /* The exceptions being handled (`except`/`finally` bodies), as CPython's exc_info
   * chain: exc_base is the program's own level (its value owned, a VM root like `exc`);
   * a running generator's frame pushes its own level (HsFrame.exc_state) on top while it
   * runs. PUSH_EXC_INFO/POP_EXCEPT change exc_top's value; sys.exc_info(), a bare `raise`
   * and implicit chaining read the topmost one set (hs_vm_handled_exception). */
  HsExcItem exc_base;
  HsExcItem *exc_top;
  /* While traced, the frame of the FOR_ITER asking for the next item, else NULL. A
   * __next__ method ending that loop with StopIteration leaves the exception in
   * for_iter_stop (owned) instead of dropping it: CPython's tracer reports it there. */
  HsFrame *for_iter_frame;
  HsObject *for_iter_stop;
  /* cycle collector state (hs-gc.c; all-zero means the defaults:
   * enabled, thresholds 700/10/10) and the module cache (hs-module.c). */
  HsGCState gc;
  HsObject *modules;      /* dict: module name -> module object (sys.modules), or NULL */
  HsObject *main_module;  /* __main__, whose dict is `globals` (owned: the reference CPython's
                           * runner keeps while the program runs), or NULL */
  HsObject *sys_copy;     /* the copy of sys's dict CPython keeps to make sys again (its
                           * module def's m_copy; owned, holds sys.modules), or NULL */
  GArray *closing;        /* suspended generator frames whose generator was freed: closed at
                           * the next event (hs-vm-generator.c), or NULL */
  gboolean finalizing;    /* hs_vm_finalize is clearing __main__: freed generators close at once */
  GPtrArray *del_pending; /* objects whose __del__ runs at the next event (owned), or NULL:
                           * a stack of levels (hs-finalize.c) */
  /* del_pending's first items wait for the finalizer running to end (CPython called their
   * __del__ one after the other, as the decrefs freed them, not one inside another); from
   * here on, what was freed since it started */
  guint del_floor;
  GPtrArray *del_running;  /* objects whose __del__ is running, innermost last (their
                            * caller holds them), or NULL */
  GHashTable *weakrefs;    /* referent -> GPtrArray of its weak references (hs-weakref.h) */
  GHashTable *subclasses;  /* type -> GPtrArray of its live subclasses (hs-class-mro.c) */
  GHashTable *re_cache;    /* live re Patterns by flags and source, unowned (hs-regex.c) */
  GPtrArray *wr_callbacks; /* cleared weak references whose callback runs next (owned): a
                            * stack of levels (hs-weakref.c) */
  guint wr_floor;          /* wr_callbacks' items below it wait for the callback running */
  /* Something may wait for the next event (closing, del_pending, wr_callbacks, gc.redo):
   * set by whatever queues it, cleared once hs_vm_has_deferred finds nothing; while FALSE
   * the events' test of the four queues is one load (hs-vm-internal.h). */
  gboolean maybe_deferred;
  /* Line events the loop may take by only counting them (hs-vm.c's line_event_is_plain):
   * 0 whenever one must look further (hooks, something deferred, the step limit next). */
  gint64 plain_lines;
  GPtrArray *finalize_registry; /* the weakref.finalize objects still alive (owned) */
  GHashTable *interned; /* the program's interned strs, keyed by themselves, not owned (hs-str.c) */
  HsOutputFn err_fn;    /* stderr of the run ("Exception ignored in: ..."), or NULL */
  gpointer err_data;
  char **argv;            /* sys.argv as the host gave it (hs_vm_set_argv), or NULL: [filename] */
  GString *stdin_buf;     /* what sys.stdin read from input_fn and not yet returned (hs-stdio.c) */
  gboolean stdin_eof;     /* input_fn said the input ended */
  int int_max_str_digits; /* sys.set_int_max_str_digits: 0 no limit, else at least 640 */
};

/* The exception being handled (sys.exc_info()'s, borrowed), or NULL: the topmost level
 * that has one, as CPython's _PyErr_GetTopmostException. */
static inline HsObject *
hs_vm_handled_exception (HsVM *vm)
{
  HsExcItem *item = vm->exc_top;
  while (item->value == NULL && item->previous != NULL)
    item = item->previous;
  return item->value;
}

/* Reverses a's items from `from` on (the open level of del_pending or wr_callbacks, which
 * then runs from its end in the order it was queued). */
static inline void
hs_ptr_array_reverse_from (GPtrArray *a, guint from)
{
  for (guint i = from, j = a->len; i + 1 < j; i++, j--)
    {
      gpointer t = a->pdata[i];
      a->pdata[i] = a->pdata[j - 1];
      a->pdata[j - 1] = t;
    }
}

/* Something now waits for the next event (hs_vm_run_deferred). */
static inline void
hs_vm_note_deferred (HsVM *vm)
{
  vm->maybe_deferred = TRUE;
  vm->plain_lines = 0;
}

G_END_DECLS
