/* hs-trace.h — a recorded execution: steps, memory events, and any step's memory.
 *
 * A trace is recorded once (hs_trace_record runs the whole program under the VM's
 * step hook) and is then immutable, so any thread may read it. Step k's memory is
 * rebuilt on demand by hs_trace_snapshot; nothing copies the whole heap per step.
 */
#pragma once

#include <stdio.h>

#include "hs-snapshot.h"
#include "hs-vm.h"

G_BEGIN_DECLS

typedef struct _HsTrace HsTrace;

typedef struct
{
  gint64 max_steps;         /* default 100,000; at most 10,000,000 */
  gboolean heap_primitives; /* ints, floats, strs, bools and None as heap objects */
  /* For tests: at every line step, compare each drawn object's count (the arrows into it)
   * with the runtime's count; mismatches go to hs_trace_get_count_errors. Slow. */
  gboolean verify_counts;
  /* When set: called after each step is recorded, with everything recorded so far (the
   * runner streams the trace out from here: hs_trace_stream_writer_step_done). */
  void (*step_done) (HsTrace *trace, gpointer data);
  gpointer step_done_data;
  /* Where the program's input() reads (NULL: at the end of input, EOFError). */
  HsInputFn input;
  gpointer input_data;
  /* The trace is read from its first step to its last only (the CLI's JSON writer): no
   * keyframes are kept, which only a jump to a step needs (a 900,000-item list changed at
   * every step kept 207 MB of them). Each is still made and measured, so that the recording
   * stops at the step the window's would and the trace is the same. */
  gboolean forward_only;
} HsTraceOptions;

void hs_trace_options_init (HsTraceOptions *options);

typedef enum
{
  HS_TRACE_END_OK,
  HS_TRACE_END_EXCEPTION,    /* the program died: the last step is "uncaught_exception" */
  HS_TRACE_END_SYNTAX_ERROR, /* nothing ran: see hs_trace_get_syntax_error */
  HS_TRACE_END_STEP_LIMIT,   /* stopped at max_steps: the last step says so */
  HS_TRACE_END_CANCELLED,
  HS_TRACE_END_INTERRUPTED, /* the process recording it died: see hs_trace_get_error_text */
  HS_TRACE_END_TOO_LARGE,   /* stopped because what it recorded grew too large (a collection
                             * past the items drawn, the trace past its size): the last step
                             * says so; more steps would not help */
} HsTraceEnd;

/* Records a whole run. `cancel` (may be NULL) is polled between steps: set it to
 * non-zero with g_atomic_int_set from another thread to stop. Never returns NULL. */
HsTrace *hs_trace_record (const char *source, gsize len, const char *filename,
                          const HsTraceOptions *options, const gint *cancel);
/* The same, taking the source (len bytes and a NUL after them, g_malloc'd): a large
 * program is not copied once more. */
HsTrace *hs_trace_record_take (char *source, gsize len, const char *filename,
                               const HsTraceOptions *options, const gint *cancel);
void hs_trace_free (HsTrace *trace);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTrace, hs_trace_free)

int hs_trace_get_n_steps (HsTrace *trace);
HsTraceEnd hs_trace_get_end (HsTrace *trace);
/* The text CPython prints on stderr at the end (traceback, syntax error, limit note),
 * or NULL when the program ended normally. */
const char *hs_trace_get_error_text (HsTrace *trace);
/* For HS_TRACE_END_SYNTAX_ERROR: 1-based line and column range and the message. */
gboolean hs_trace_get_syntax_error (HsTrace *trace, int *line, int *col, int *end_col,
                                    const char **message);
/* The compiler's SyntaxWarnings for the program ("\"is\" with a literal. Did you mean
 * \"==\"?"), in source order: the message of warning i and its 1-based line. */
guint hs_trace_get_n_warnings (HsTrace *trace);
const char *hs_trace_get_warning (HsTrace *trace, guint i, int *line);
/* The warnings as CPython prints them on stderr before the program runs
 * ("FILE:LINE: SyntaxWarning: MESSAGE" and the stripped line), or NULL when none. */
char *hs_trace_format_warnings (HsTrace *trace);
/* When nothing ran because the program uses valid Python Heapscope does not run yet (a
 * NotImplementedError, not a syntax error): the construct, in English as marked for
 * translation ("'match' statements"); else NULL. */
const char *hs_trace_get_refused_construct (HsTrace *trace);
const char *hs_trace_get_source (HsTrace *trace);
/* The program's output up to step k as a terminal shows it: standard output and standard
 * error (sys.stderr, "Exception ignored in" reports) in the order written, with the answers
 * it read echoed after their prompts; k = -1: all of it, up to where the program stopped,
 * past its last step too (the prompt of an input() it waits at). With err_ranges, a new
 * array of guint32 (start, end) byte offset pairs, one per part written to stderr. */
char *hs_trace_console_text (HsTrace *trace, int k, GArray **err_ranges);
/* What the program wrote to stderr up to step k: *len bytes at the result. */
const char *hs_trace_get_stderr (HsTrace *trace, int k, gsize *len);

/* With HsTraceOptions.verify_counts: one line per mismatch found, or NULL if none. */
const char *hs_trace_get_count_errors (HsTrace *trace);

/* Cheap per-step facts (no snapshot needed). */
int hs_trace_step_line (HsTrace *trace, int k);
const char *hs_trace_step_event (HsTrace *trace, int k);
/* For a "return" step where an exception leaves the frame: the exception's type name
 * (the frame raised, it did not return); else NULL. */
const char *hs_trace_step_raised (HsTrace *trace, int k);
/* The error step k shows (its snapshot's exception_msg), or NULL. */
const char *hs_trace_step_exception (HsTrace *trace, int k);
/* The line that runs after step k's line (the "next line" marker), or 0. */
int hs_trace_step_next_line (HsTrace *trace, int k);

/* The complete memory at step k (0 <= k < n_steps); the caller frees it. */
HsSnapshot *hs_trace_snapshot (HsTrace *trace, int k);
/* Step k as the diagram and the panel show it (hs_snapshot_apply_view), a long sequence
 * summarised to its first and last HS_VIEW_MAX_CELLS cells (HsSnapObject.n_omitted). */
HsSnapshot *hs_trace_view (HsTrace *trace, int k, HsViewFlags flags);

/* "What happened" at step k in the view `flags`, as translated sentences, e.g.
 * "created list #12 (1 reference)", "`b` now refers to #12 too: 2 references",
 * "#12 freed: no references left", "gc found 2 unreachable objects and freed them".
 * A NULL-terminated array; free with g_strfreev. */
char **hs_trace_explain_step (HsTrace *trace, int k, HsViewFlags flags);

#define HS_TRACE_ERROR (hs_trace_error_quark ())
GQuark hs_trace_error_quark (void);

typedef enum
{
  HS_TRACE_ERROR_IO,         /* the JSON could not be written */
  HS_TRACE_ERROR_BAD_STREAM, /* not a trace stream this reader knows (hs-trace-stream.h) */
} HsTraceError;

typedef struct
{
  /* 0: no limit. The format repeats the whole memory at every step, so a long run over a
   * big heap grows without bound: the step that would pass this many bytes is written as
   * the last, an `instruction_limit_reached` step saying why. */
  gsize max_bytes;
  /* Each step's heap, refcounts and other per-object maps hold only the entries that
   * changed since the previous step, `heapscope_removed` those gone, and `stdout` what the
   * step printed (docs/trace-format.md, "Compact traces"). */
  gboolean compact;
  /* When set, receives how many steps were written from what they touched alone
   * (hs-trace-json-delta.c), not from their whole snapshot: tests read it. */
  int *n_told;
  /* Every step written from its whole snapshot, as before each step was told by what it
   * touched (compact or whole): the same bytes, which tests compare. */
  gboolean whole_steps;
} HsJsonOptions;

void hs_json_options_init (HsJsonOptions *opts);
/* Python Tutor's JSON format plus Heapscope's keys (docs/trace-format.md), written to
 * `file` step by step as it is made. Returns the number of steps written, `*stopped`
 * (may be NULL) telling whether max_bytes cut the trace short, or -1 with `error` set when
 * the file could not be written. */
int hs_trace_write_json (HsTrace *trace, const HsJsonOptions *opts, FILE *file, gboolean *stopped,
                         GError **error);
/* The same in memory, with `max_bytes` as the only option (NULL on a write error). */
char *hs_trace_to_json (HsTrace *trace, gsize max_bytes, GError **error);

G_END_DECLS
