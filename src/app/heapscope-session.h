/* heapscope-session.h — one program's recorded run and its laid-out steps.
 *
 * Recording runs in a child process (heapscope-runner) whose trace stream is read on the
 * main loop; laying out a step (snapshot -> scene) runs on one layout thread and is
 * cached per step, so the main loop never waits for either. */
#pragma once

#include <gio/gio.h>

#include "hs-scene.h"
#include "hs-trace.h"

G_BEGIN_DECLS

/* A recorded trace shared between the session and workers (export, layout). */
typedef struct _HeapscopeTraceBox HeapscopeTraceBox;
HeapscopeTraceBox *heapscope_trace_box_new (HsTrace *trace);
HeapscopeTraceBox *heapscope_trace_box_ref (HeapscopeTraceBox *box);
void heapscope_trace_box_unref (HeapscopeTraceBox *box);
HsTrace *heapscope_trace_box_get (HeapscopeTraceBox *box);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeapscopeTraceBox, heapscope_trace_box_unref)

/* What the user chose to see, beyond the snapshot itself. */
typedef struct
{
  GHashTable *collapsed_ids;   /* guint64* object ids drawn as a small box */
  GHashTable *collapsed_types; /* type names whose objects are all collapsed */
  GHashTable *expanded_ids;    /* collections whose elided "…" the user opened */
  gboolean show_refcounts;
  HsViewFlags view_flags; /* the learner's view, or the interpreter's internals too */
} HeapscopeViewOptions;

HeapscopeViewOptions *heapscope_view_options_copy (const HeapscopeViewOptions *options);
void heapscope_view_options_free (HeapscopeViewOptions *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeapscopeViewOptions, heapscope_view_options_free)

/* Lays out step k with the view options (any thread: the diagram layer serialises
 * Graphviz). The result is new, or NULL when the layout failed. */
HsScene *heapscope_layout_step (HsTrace *trace, int k, const HeapscopeViewOptions *options);
/* Same, from a snapshot the caller owns, already in the view (hs_trace_view). */
HsScene *heapscope_layout_snapshot (const HsSnapshot *snap, const HeapscopeViewOptions *options);

#define HEAPSCOPE_TYPE_SESSION (heapscope_session_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeSession, heapscope_session, HEAPSCOPE, SESSION, GObject)

HeapscopeSession *heapscope_session_new (void);

/* The runner's address-space limit in MiB (0: none) for the runs that follow. */
void heapscope_session_set_memory_limit (HeapscopeSession *self, guint64 mib);
/* Records `source`; a run already under way is cancelled. The program's input() calls
 * get `answers` (NULL-terminated, may be NULL) in order; past them the run pauses:
 * "input-wanted" shows its steps so far and heapscope_session_answer goes on. On
 * success the session's trace is replaced (notify::trace) before `callback` runs. */
void heapscope_session_run_async (HeapscopeSession *self, const char *source, const char *filename,
                                  const HsTraceOptions *options, const char *const *answers,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean heapscope_session_run_finish (HeapscopeSession *self, GAsyncResult *result,
                                       GError **error);
/* Cancels the run under way; it delivers nothing (a new run, the window closing). */
void heapscope_session_cancel (HeapscopeSession *self);
/* The user's Stop: the run ends at the next step and its callback gets the steps
 * recorded so far (hs_trace_get_end () == HS_TRACE_END_CANCELLED, get_stopped); a
 * runner that does not reach a step within 100 ms is killed, keeping the same steps. */
void heapscope_session_stop (HeapscopeSession *self);
/* TRUE while the trace is the first steps of a run that still records
 * ("preview-ready" or "input-wanted" announced it); unless get_at_input, its last step is
 * the preview's limit, not the program's. */
gboolean heapscope_session_get_partial (HeapscopeSession *self);
/* TRUE while the trace is a run paused at an input() ("input-wanted"): its last step is
 * the line that asks, its output ends with the prompt. */
gboolean heapscope_session_get_at_input (HeapscopeSession *self);
/* The answer to the input() the run waits at: it goes on recording. FALSE when no run
 * waits for one. */
gboolean heapscope_session_answer (HeapscopeSession *self, const char *answer);
/* TRUE when the trace is a run the user stopped. */
gboolean heapscope_session_get_stopped (HeapscopeSession *self);
gboolean heapscope_session_get_running (HeapscopeSession *self);
/* While a run records: how many steps have arrived from the runner so far. */
int heapscope_session_get_recorded_steps (HeapscopeSession *self);

HsTrace *heapscope_session_get_trace (HeapscopeSession *self);
HeapscopeTraceBox *heapscope_session_ref_trace_box (HeapscopeSession *self);

/* The view options used for layouts (owned by the session). Call
 * heapscope_session_options_changed after editing them: the cache is dropped. */
HeapscopeViewOptions *heapscope_session_get_view_options (HeapscopeSession *self);
void heapscope_session_options_changed (HeapscopeSession *self);

/* Everything the window shows of one step that needs a snapshot. */
typedef struct
{
  HsScene *scene;        /* NULL if the layout failed */
  char *console_text;    /* the output so far as a terminal shows it (stdout and stderr) */
  GArray *stderr_ranges; /* guint32 (start, end) pairs: its parts written to stderr */
  char *exception_msg;   /* this step's exception, or NULL */
  char **explanation;    /* hs_trace_explain_step */
  int n_objects;         /* objects in the snapshot */
} HeapscopeStepInfo;

/* Step k if ready (borrowed; valid until the cache is dropped), else NULL, and k is
 * prepared in the background: "step-ready" (int k) follows. Neighbours of k are
 * prepared ahead so stepping stays instant. */
const HeapscopeStepInfo *heapscope_session_get_step (HeapscopeSession *self, int k);
/* Prepares step k now, on the calling thread (tests, exports). */
const HeapscopeStepInfo *heapscope_session_get_step_sync (HeapscopeSession *self, int k);

G_END_DECLS
