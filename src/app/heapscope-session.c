/* heapscope-session.c — runs in the runner process, layouts on one thread, a per-step cache.
 *
 * Invariants:
 * - `box` is the latest successful trace; workers hold their own reference, so a new
 *   run never frees a trace a layout or an export is reading.
 * - `cache` maps step -> HeapscopeStepInfo (scene, output, explanation) laid out from `box` with
 * the current view options; `generation` changes whenever either changes, and a result from an
 * older generation is dropped on arrival.
 * - `pending` holds the steps queued on the layout pool, so none is queued twice.
 * - `run_task` is the run under way (NULL when none). The program runs in a child process
 *   (heapscope-runner) that streams its steps to stdout; they are read on the main loop,
 *   never blocking it. A run longer than PREVIEW_STEPS shows its first PREVIEW_STEPS steps
 *   (`partial`) while the rest records. A run the user stops keeps the steps recorded so
 *   far; a runner that crashes, hangs past Stop or runs out of memory ends only itself,
 *   and its steps so far come back with HS_TRACE_END_INTERRUPTED and what happened; a run
 *   replaced by a newer one, or cancelled because the window closed, kills its runner
 *   and delivers nothing.
 * - The runner's stdin stays open for the run: the program's text, then every answer the
 *   run was given, in order, through one queue (`outbox`, one write at a time). A run
 *   that asks for more answers than it was given (`at_input`) is shown as it stands.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <string.h>

#include "heapscope-session.h"
#include "hs-diagram.h"
#include "hs-libexec.h"
#include "hs-sandbox.h"
#include "hs-trace-stream.h"

/* Steps recorded and shown before the rest of a long run: small enough to take a few
 * milliseconds, large enough that the user rarely steps past them while waiting. */
#define PREVIEW_STEPS 1000

struct _HeapscopeTraceBox
{
  HsTrace *trace;
};

HeapscopeTraceBox *
heapscope_trace_box_new (HsTrace *trace)
{
  HeapscopeTraceBox *box = g_atomic_rc_box_new0 (HeapscopeTraceBox);

  box->trace = trace;
  return box;
}

HeapscopeTraceBox *
heapscope_trace_box_ref (HeapscopeTraceBox *box)
{
  return g_atomic_rc_box_acquire (box);
}

static void
trace_box_clear (gpointer data)
{
  HeapscopeTraceBox *box = data;

  g_clear_pointer (&box->trace, hs_trace_free);
}

void
heapscope_trace_box_unref (HeapscopeTraceBox *box)
{
  g_atomic_rc_box_release_full (box, trace_box_clear);
}

HsTrace *
heapscope_trace_box_get (HeapscopeTraceBox *box)
{
  return box ? box->trace : NULL;
}

/* ---- view options, copied for workers ---- */

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static GHashTable *
id_set_copy (GHashTable *src)
{
  GHashTable *dst = id_set_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (dst, g_memdup2 (key, sizeof (guint64)));
  return dst;
}

static GHashTable *
str_set_copy (GHashTable *src)
{
  GHashTable *dst = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (dst, g_strdup (key));
  return dst;
}

static void
view_options_init (HeapscopeViewOptions *o)
{
  o->collapsed_ids = id_set_new ();
  o->collapsed_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o->expanded_ids = id_set_new ();
  o->show_refcounts = TRUE;
}

static void
view_options_clear (HeapscopeViewOptions *o)
{
  g_clear_pointer (&o->collapsed_ids, g_hash_table_unref);
  g_clear_pointer (&o->collapsed_types, g_hash_table_unref);
  g_clear_pointer (&o->expanded_ids, g_hash_table_unref);
}

HeapscopeViewOptions *
heapscope_view_options_copy (const HeapscopeViewOptions *o)
{
  HeapscopeViewOptions *c = g_new0 (HeapscopeViewOptions, 1);

  c->collapsed_ids = id_set_copy (o->collapsed_ids);
  c->collapsed_types = str_set_copy (o->collapsed_types);
  c->expanded_ids = id_set_copy (o->expanded_ids);
  c->show_refcounts = o->show_refcounts;
  c->view_flags = o->view_flags;
  return c;
}

void
heapscope_view_options_free (HeapscopeViewOptions *o)
{
  view_options_clear (o);
  g_free (o);
}

/* ---- layout of one step ---- */

HsScene *
heapscope_layout_step (HsTrace *trace, int k, const HeapscopeViewOptions *options)
{
  g_autoptr (HsSnapshot) snap = hs_trace_view (trace, k, options->view_flags);

  return snap ? heapscope_layout_snapshot (snap, options) : NULL;
}

HsScene *
heapscope_layout_snapshot (const HsSnapshot *snap, const HeapscopeViewOptions *options)
{
  g_autoptr (GError) error = NULL;
  HsDiagramOptions opts;
  HsScene *scene;

  hs_diagram_options_init (&opts);
  opts.collapsed_ids = options->collapsed_ids;
  opts.collapsed_types = options->collapsed_types;
  opts.expanded_ids = options->expanded_ids;
  scene = hs_diagram_render (snap, &opts, &error);
  if (scene == NULL)
    g_warning ("Could not lay out step %d: %s", snap->step, error ? error->message : "?");
  return scene;
}

static void
step_info_free (HeapscopeStepInfo *info)
{
  g_clear_pointer (&info->scene, hs_scene_free);
  g_free (info->console_text);
  g_clear_pointer (&info->stderr_ranges, g_array_unref);
  g_free (info->exception_msg);
  g_strfreev (info->explanation);
  g_free (info);
}

static HeapscopeStepInfo *
prepare_step (HsTrace *trace, int k, const HeapscopeViewOptions *options)
{
  HeapscopeStepInfo *info = g_new0 (HeapscopeStepInfo, 1);
  g_autoptr (HsSnapshot) snap = NULL;

  /* The explanation first: it replays step k - 1 then k, and the view of k then finds the
   * trace's replay at k (stepping forward reads one delta, not a keyframe's worth). */
  info->explanation = hs_trace_explain_step (trace, k, options->view_flags);
  snap = hs_trace_view (trace, k, options->view_flags);
  if (snap == NULL)
    return info;
  info->console_text = hs_trace_console_text (trace, k, &info->stderr_ranges);
  info->exception_msg = g_strdup (snap->exception_msg);
  info->n_objects = snap->objects->len;
  info->scene = heapscope_layout_snapshot (snap, options);
  return info;
}

/* ---- the session ---- */

struct _HeapscopeSession
{
  GObject parent_instance;
  HeapscopeTraceBox *box;
  GTask *run_task;
  guint64 memory_mib;
  gboolean partial;
  gboolean at_input;
  gboolean stopped;
  HeapscopeViewOptions options;
  GHashTable *cache;   /* int step -> HsScene* */
  GHashTable *pending; /* int step */
  guint generation;
  int wanted_step; /* atomic: the step the user looks at, for skipping stale jobs */
  GThreadPool *pool;
};

enum
{
  PROP_0,
  PROP_TRACE,
  PROP_RUNNING,
  N_PROPS
};

enum
{
  STEP_READY,
  PREVIEW_READY,
  INPUT_WANTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HeapscopeSession, heapscope_session, G_TYPE_OBJECT)

/* ---- recording, in the runner process ---- */

/* Stop asks the runner to end at its next step (SIGTERM) and waits this long for the
 * steps so far before it kills it: an interpreter stuck in C code never reaches a step. */
#define STOP_GRACE_MS 100
/* What the runner says on stderr is kept for the report (its last few lines). */
#define STDERR_TAIL 4096

/* The variables the runner may see: nothing of the user's environment, only what the
 * sanitizer builds and the tests' fault injection need. */
static const char *const passed_env[] = {
  "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "LD_LIBRARY_PATH", "HS_TEST_CHILD_FAULT",
};

typedef struct
{
  GWeakRef session;
  GSubprocess *proc;
  GCancellable *cancellable; /* the run's I/O: cancelled when it is replaced */
  HsTraceReader *reader;     /* the whole run */
  HsTraceReader *preview;    /* its first PREVIEW_STEPS + 1 steps, until shown */
  GString *errors;           /* the tail of the runner's stderr */
  GByteArray *outbox;        /* the runner's input not written yet */
  gboolean writing;
  guint answers_sent;
  guint inputs_shown; /* the input requests shown (at_input) */
  guint8 buf[65536];
  guint8 errbuf[1024];
  guint64 memory_mib;
  gboolean stdout_done, stderr_done, exited, returned;
  gboolean user_stopped;
  guint kill_id;
} Run;

static void
run_free (Run *run)
{
  g_weak_ref_clear (&run->session);
  g_clear_handle_id (&run->kill_id, g_source_remove);
  if (run->proc && !run->exited)
    g_subprocess_force_exit (run->proc);
  g_clear_object (&run->proc);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->reader, hs_trace_reader_free);
  g_clear_pointer (&run->preview, hs_trace_reader_free);
  if (run->errors)
    g_string_free (run->errors, TRUE);
  g_clear_pointer (&run->outbox, g_byte_array_unref);
  g_free (run);
}

static void drop_cache (HeapscopeSession *self);

/* Queues `func` on the main loop. Not g_main_context_invoke: that runs it right here,
 * on the worker thread, whenever the main context happens to be free. */
static void
run_on_main (GSourceFunc func, gpointer data, GDestroyNotify notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_attach (source, NULL);
  g_source_unref (source);
}

/* The runner: HEAPSCOPE_RUNNER (tests), else beside the app as installed or as built
 * (src/app/../runner). */
static char *
find_runner (void)
{
  const char *env = g_getenv ("HEAPSCOPE_RUNNER");

  if (env != NULL && *env)
    return g_strdup (env);
  return hs_libexec_path ("heapscope-runner", "../runner");
}

static GSubprocess *
spawn_runner (const char *filename, const HsTraceOptions *options, guint64 memory_mib,
              GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                   | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) envp = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (passed_env); i++)
    if (g_getenv (passed_env[i]) != NULL)
      g_ptr_array_add (envp, g_strdup_printf ("%s=%s", passed_env[i], g_getenv (passed_env[i])));
  g_ptr_array_add (envp, NULL);
  g_subprocess_launcher_set_environ (launcher, (char **)envp->pdata);
  g_ptr_array_add (argv, find_runner ());
  g_ptr_array_add (argv, g_strdup_printf ("--max-steps=%" G_GINT64_FORMAT, options->max_steps));
  g_ptr_array_add (argv, g_strdup_printf ("--memory-limit=%" G_GUINT64_FORMAT, memory_mib));
  g_ptr_array_add (argv, g_strdup_printf ("--name=%s", filename));
  if (options->heap_primitives)
    g_ptr_array_add (argv, g_strdup ("--heap-primitives"));
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, error);
}

static gboolean
is_current (HeapscopeSession *self, GTask *task)
{
  return self != NULL && self->run_task == task;
}

/* The first steps of a long run, shown while the rest records. */
static void
deliver_preview (GTask *task, Run *run)
{
  g_autoptr (HeapscopeSession) self = g_weak_ref_get (&run->session);
  HsTrace *trace;

  if (run->preview == NULL || !hs_trace_reader_is_complete (run->preview))
    return;
  if (hs_trace_reader_is_complete (run->reader) || !is_current (self, task))
    {
      /* the whole run is in as soon: no preview */
      g_clear_pointer (&run->preview, hs_trace_reader_free);
      return;
    }
  trace = hs_trace_reader_finish (g_steal_pointer (&run->preview), HS_TRACE_END_STEP_LIMIT, NULL);
  g_clear_pointer (&self->box, heapscope_trace_box_unref);
  self->box = heapscope_trace_box_new (trace);
  self->partial = TRUE;
  self->at_input = FALSE;
  self->stopped = FALSE;
  drop_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACE]);
  g_signal_emit (self, signals[PREVIEW_READY], 0);
}

/* The program asks for an answer it was not given: its steps so far are shown, and the
 * run waits (the runner blocks on its stdin) for heapscope_session_answer. */
static void
deliver_input_wanted (GTask *task, Run *run)
{
  g_autoptr (HeapscopeSession) self = g_weak_ref_get (&run->session);
  guint wanted = hs_trace_reader_get_inputs_wanted (run->reader);

  if (wanted <= run->answers_sent || wanted <= run->inputs_shown || !is_current (self, task))
    return;
  run->inputs_shown = wanted;
  g_clear_pointer (&run->preview, hs_trace_reader_free);
  g_clear_pointer (&self->box, heapscope_trace_box_unref);
  self->box = heapscope_trace_box_new (hs_trace_reader_copy_trace (run->reader, HS_TRACE_END_OK));
  self->partial = TRUE;
  self->at_input = TRUE;
  self->stopped = FALSE;
  drop_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACE]);
  g_signal_emit (self, signals[INPUT_WANTED], 0);
}

/* What happened to a runner that ended without ending its stream. */
static char *
describe_failure (Run *run, int n)
{
  g_autofree char *limit
      = g_format_size_full (run->memory_mib * 1024 * 1024, G_FORMAT_SIZE_IEC_UNITS);

  if (strstr (run->errors->str, "failed to allocate") != NULL
      || strstr (run->errors->str, "out of memory") != NULL)
    /* Translators: the limit is a size such as "2.0 GiB" */
    return g_strdup_printf (_ ("Heapscope’s interpreter ran out of memory at step %d (the limit "
                               "is %s; see Preferences).\n"),
                            n, limit);
  if (g_subprocess_get_if_signaled (run->proc))
    return g_strdup_printf (_ ("Heapscope’s interpreter stopped unexpectedly at step %d (signal "
                               "%d). The steps before it are shown; your text is safe.\n"),
                            n, g_subprocess_get_term_sig (run->proc));
  return g_strdup_printf (_ ("Heapscope’s interpreter stopped unexpectedly at step %d (exit "
                             "status %d). The steps before it are shown; your text is safe.\n"),
                          n, g_subprocess_get_exit_status (run->proc));
}

static void
run_return (GTask *task, Run *run, GError *error)
{
  g_autoptr (GError) owned = error;

  if (run->returned)
    return;
  run->returned = TRUE;
  g_clear_handle_id (&run->kill_id, g_source_remove);
  if (error != NULL)
    {
      if (run->proc && !run->exited)
        g_subprocess_force_exit (run->proc);
      g_cancellable_cancel (run->cancellable);
      g_task_return_error (task, g_steal_pointer (&owned));
      return;
    }
  if (hs_trace_reader_is_complete (run->reader))
    g_task_return_pointer (task, hs_trace_reader_finish (g_steal_pointer (&run->reader), 0, NULL),
                           (GDestroyNotify)hs_trace_free);
  else if (run->user_stopped)
    g_task_return_pointer (
        task, hs_trace_reader_finish (g_steal_pointer (&run->reader), HS_TRACE_END_CANCELLED, NULL),
        (GDestroyNotify)hs_trace_free);
  else
    {
      g_autofree char *what = describe_failure (run, hs_trace_reader_get_n_steps (run->reader));

      g_task_return_pointer (
          task,
          hs_trace_reader_finish (g_steal_pointer (&run->reader), HS_TRACE_END_INTERRUPTED, what),
          (GDestroyNotify)hs_trace_free);
    }
}

static void
maybe_done (GTask *task, Run *run)
{
  if (run->stdout_done && run->stderr_done && run->exited)
    run_return (task, run, NULL);
}

static void read_stdout (GTask *task);

static void
on_stdout (GObject *stream, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (stream), result, &error);

  if (run->returned)
    {
      g_clear_error (&error);
      return;
    }
  if (n < 0)
    {
      run_return (task, run, error);
      return;
    }
  if (n == 0)
    {
      run->stdout_done = TRUE;
      maybe_done (task, run);
      return;
    }
  if (!hs_trace_reader_feed (run->reader, run->buf, n, NULL))
    g_subprocess_force_exit (run->proc); /* not a trace: it says why on stderr */
  if (run->preview != NULL)
    hs_trace_reader_feed (run->preview, run->buf, n, NULL);
  deliver_preview (task, run);
  deliver_input_wanted (task, run);
  read_stdout (task);
}

static void
read_stdout (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  g_input_stream_read_async (g_subprocess_get_stdout_pipe (run->proc), run->buf, sizeof run->buf,
                             G_PRIORITY_DEFAULT, run->cancellable, on_stdout, g_object_ref (task));
}

static void read_stderr (GTask *task);

static void
on_stderr (GObject *stream, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (stream), result, NULL);

  if (run->returned)
    return;
  if (n <= 0)
    {
      run->stderr_done = TRUE;
      maybe_done (task, run);
      return;
    }
  g_string_append_len (run->errors, (const char *)run->errbuf, n);
  if (run->errors->len > STDERR_TAIL)
    g_string_erase (run->errors, 0, run->errors->len - STDERR_TAIL);
  read_stderr (task);
}

static void
read_stderr (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  g_input_stream_read_async (g_subprocess_get_stderr_pipe (run->proc), run->errbuf,
                             sizeof run->errbuf, G_PRIORITY_DEFAULT, run->cancellable, on_stderr,
                             g_object_ref (task));
}

static void
on_exited (GObject *proc, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Run *run = g_task_get_task_data (task);

  if (!g_subprocess_wait_finish (G_SUBPROCESS (proc), result, NULL) || run->returned)
    return;
  run->exited = TRUE;
  maybe_done (task, run);
}

static void write_input (GTask *task);

/* A runner that died before reading its input is reported by its exit, not here. */
static void
on_input_written (GObject *stream, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  gsize written = 0;

  run->writing = FALSE;
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (stream), result, &written, NULL))
    return;
  g_byte_array_remove_range (run->outbox, 0, (guint)written);
  write_input (task);
}

/* Writes what the outbox holds, one write at a time. */
static void
write_input (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->writing || run->outbox->len == 0 || run->returned)
    return;
  run->writing = TRUE;
  g_output_stream_write_all_async (g_subprocess_get_stdin_pipe (run->proc), run->outbox->data,
                                   run->outbox->len, G_PRIORITY_DEFAULT, run->cancellable,
                                   on_input_written, g_object_ref (task));
}

static void
queue_answer (GTask *task, const char *answer)
{
  Run *run = g_task_get_task_data (task);

  hs_trace_input_put (run->outbox, HS_TRACE_INPUT_ANSWER, answer, strlen (answer));
  run->answers_sent++;
  write_input (task);
}

gboolean
heapscope_session_answer (HeapscopeSession *self, const char *answer)
{
  Run *run;

  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);
  if (self->run_task == NULL)
    return FALSE;
  run = g_task_get_task_data (self->run_task);
  if (hs_trace_reader_get_inputs_wanted (run->reader) <= run->answers_sent)
    return FALSE;
  queue_answer (self->run_task, answer);
  return TRUE;
}

int
heapscope_session_get_recorded_steps (HeapscopeSession *self)
{
  Run *run;

  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), 0);
  if (self->run_task == NULL)
    return 0;
  run = g_task_get_task_data (self->run_task);
  return run->reader ? hs_trace_reader_get_n_steps (run->reader) : 0;
}

static gboolean
get_running (HeapscopeSession *self)
{
  return self->run_task != NULL;
}

void
heapscope_session_set_memory_limit (HeapscopeSession *self, guint64 mib)
{
  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  self->memory_mib = mib;
}

void
heapscope_session_run_async (HeapscopeSession *self, const char *source, const char *filename,
                             const HsTraceOptions *options, const char *const *answers,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  HsTraceOptions opts;
  Run *run;

  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  g_return_if_fail (source != NULL);

  heapscope_session_cancel (self);
  if (options)
    opts = *options;
  else
    hs_trace_options_init (&opts);
  filename = filename ? filename : "<string>";
  run = g_new0 (Run, 1);
  g_weak_ref_init (&run->session, self);
  run->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  run->reader = hs_trace_reader_new (source, filename, &opts, 0);
  if (opts.max_steps > PREVIEW_STEPS + 1)
    /* its last step is hidden, as the last of a run cut at the step limit */
    run->preview = hs_trace_reader_new (source, filename, &opts, PREVIEW_STEPS + 1);
  run->errors = g_string_new (NULL);
  run->outbox = g_byte_array_new ();
  run->memory_mib = self->memory_mib;

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, heapscope_session_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);
  run->proc = spawn_runner (filename, &opts, run->memory_mib, &error);
  if (run->proc == NULL)
    {
      g_prefix_error (&error, _ ("Heapscope could not start its interpreter: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->run_task = g_object_ref (task);
  hs_trace_input_put_header (run->outbox);
  hs_trace_input_put (run->outbox, HS_TRACE_INPUT_SOURCE, source, strlen (source));
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    queue_answer (task, answers[i]);
  write_input (task);
  read_stdout (task);
  read_stderr (task);
  g_subprocess_wait_async (run->proc, NULL, on_exited, g_object_ref (task));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
drop_cache (HeapscopeSession *self)
{
  self->generation++;
  g_hash_table_remove_all (self->cache);
  g_hash_table_remove_all (self->pending);
}

gboolean
heapscope_session_run_finish (HeapscopeSession *self, GAsyncResult *result, GError **error)
{
  HsTrace *trace;
  gboolean current;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  current = self->run_task == G_TASK (result);
  trace = g_task_propagate_pointer (G_TASK (result), error);
  if (trace == NULL || !current)
    {
      /* a newer run replaced this one, or the window went away, while it recorded */
      if (trace != NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("The run was cancelled"));
      g_clear_pointer (&trace, hs_trace_free);
      if (current)
        {
          g_clear_object (&self->run_task);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
        }
      return FALSE;
    }
  g_clear_object (&self->run_task);
  g_clear_pointer (&self->box, heapscope_trace_box_unref);
  self->box = heapscope_trace_box_new (trace);
  self->partial = FALSE;
  self->at_input = FALSE;
  self->stopped = hs_trace_get_end (trace) == HS_TRACE_END_CANCELLED;
  drop_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACE]);
  return TRUE;
}

void
heapscope_session_cancel (HeapscopeSession *self)
{
  g_autoptr (GTask) task = NULL;
  Run *run;

  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  if (self->run_task == NULL)
    return;
  task = g_steal_pointer (&self->run_task);
  run = g_task_get_task_data (task);
  run_return (task, run,
              g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("The run was cancelled")));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static gboolean
kill_runner (gpointer data)
{
  Run *run = data;

  run->kill_id = 0;
  g_subprocess_force_exit (run->proc);
  return G_SOURCE_REMOVE;
}

void
heapscope_session_stop (HeapscopeSession *self)
{
  Run *run;

  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  if (self->run_task == NULL)
    return;
  run = g_task_get_task_data (self->run_task);
  if (run->user_stopped)
    return;
  run->user_stopped = TRUE;
  /* stays "running" until the runner hands back the steps recorded so far */
  g_subprocess_send_signal (run->proc, SIGTERM);
  run->kill_id = g_timeout_add (STOP_GRACE_MS, kill_runner, run);
}

gboolean
heapscope_session_get_partial (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  return self->partial;
}

gboolean
heapscope_session_get_at_input (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  return self->at_input;
}

gboolean
heapscope_session_get_stopped (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  return self->stopped;
}

gboolean
heapscope_session_get_running (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), FALSE);
  return get_running (self);
}

HsTrace *
heapscope_session_get_trace (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  return heapscope_trace_box_get (self->box);
}

HeapscopeTraceBox *
heapscope_session_ref_trace_box (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  return self->box ? heapscope_trace_box_ref (self->box) : NULL;
}

/* ---- layouts ---- */

typedef struct
{
  GWeakRef session;
  HeapscopeTraceBox *box;
  HeapscopeViewOptions *options;
  guint generation;
  int step;
  const int *wanted_step;
  HeapscopeStepInfo *info;
} LayoutJob;

static void
layout_job_free (LayoutJob *job)
{
  g_weak_ref_clear (&job->session);
  g_clear_pointer (&job->box, heapscope_trace_box_unref);
  g_clear_pointer (&job->options, heapscope_view_options_free);
  g_clear_pointer (&job->info, step_info_free);
  g_free (job);
}

static gboolean
deliver_layout (gpointer data)
{
  LayoutJob *job = data;
  g_autoptr (HeapscopeSession) self = g_weak_ref_get (&job->session);

  if (self == NULL || job->generation != self->generation)
    return G_SOURCE_REMOVE;
  g_hash_table_remove (self->pending, GINT_TO_POINTER (job->step));
  if (job->info == NULL)
    return G_SOURCE_REMOVE;
  g_hash_table_replace (self->cache, GINT_TO_POINTER (job->step), g_steal_pointer (&job->info));
  g_signal_emit (self, signals[STEP_READY], 0, job->step);
  return G_SOURCE_REMOVE;
}

static void
layout_worker (gpointer data, gpointer pool_data)
{
  LayoutJob *job = data;
  int wanted = g_atomic_int_get (job->wanted_step);

  /* the user scrubbed far away: this prefetch is no longer worth its time */
  if (ABS (job->step - wanted) <= 4)
    job->info = prepare_step (job->box->trace, job->step, job->options);
  run_on_main (deliver_layout, job, (GDestroyNotify)layout_job_free);
}

static void
queue_layout (HeapscopeSession *self, int k)
{
  LayoutJob *job;

  if (k < 0 || k >= hs_trace_get_n_steps (self->box->trace)
      || g_hash_table_contains (self->cache, GINT_TO_POINTER (k))
      || g_hash_table_contains (self->pending, GINT_TO_POINTER (k)))
    return;
  job = g_new0 (LayoutJob, 1);
  g_weak_ref_init (&job->session, self);
  job->box = heapscope_trace_box_ref (self->box);
  job->options = heapscope_view_options_copy (&self->options);
  job->generation = self->generation;
  job->step = k;
  job->wanted_step = &self->wanted_step;
  g_hash_table_add (self->pending, GINT_TO_POINTER (k));
  g_thread_pool_push (self->pool, job, NULL);
}

static void
trim_cache (HeapscopeSession *self, int k)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->cache) < 256)
    return;
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (ABS (GPOINTER_TO_INT (key) - k) > 64)
      g_hash_table_iter_remove (&iter);
}

const HeapscopeStepInfo *
heapscope_session_get_step (HeapscopeSession *self, int k)
{
  const HeapscopeStepInfo *info;

  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  if (self->box == NULL || k < 0 || k >= hs_trace_get_n_steps (self->box->trace))
    return NULL;
  g_atomic_int_set (&self->wanted_step, k);
  trim_cache (self, k);
  info = g_hash_table_lookup (self->cache, GINT_TO_POINTER (k));
  queue_layout (self, k);
  queue_layout (self, k + 1);
  queue_layout (self, k - 1);
  queue_layout (self, k + 2);
  return info;
}

const HeapscopeStepInfo *
heapscope_session_get_step_sync (HeapscopeSession *self, int k)
{
  HeapscopeStepInfo *info;

  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  if (self->box == NULL || k < 0 || k >= hs_trace_get_n_steps (self->box->trace))
    return NULL;
  info = g_hash_table_lookup (self->cache, GINT_TO_POINTER (k));
  if (info)
    return info;
  info = prepare_step (self->box->trace, k, &self->options);
  g_hash_table_replace (self->cache, GINT_TO_POINTER (k), info);
  return info;
}

HeapscopeViewOptions *
heapscope_session_get_view_options (HeapscopeSession *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_SESSION (self), NULL);
  return &self->options;
}

void
heapscope_session_options_changed (HeapscopeSession *self)
{
  g_return_if_fail (HEAPSCOPE_IS_SESSION (self));
  drop_cache (self);
}

static void
heapscope_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HeapscopeSession *self = HEAPSCOPE_SESSION (object);

  switch (prop_id)
    {
      case PROP_TRACE:
        g_value_set_pointer (value, heapscope_session_get_trace (self));
        break;
      case PROP_RUNNING:
        g_value_set_boolean (value, get_running (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heapscope_session_dispose (GObject *object)
{
  HeapscopeSession *self = HEAPSCOPE_SESSION (object);

  heapscope_session_cancel (self);
  if (self->pool)
    {
      /* wait for the layout in progress: it reads self->wanted_step */
      g_thread_pool_free (self->pool, TRUE, TRUE);
      self->pool = NULL;
    }
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->box, heapscope_trace_box_unref);
  view_options_clear (&self->options);
  G_OBJECT_CLASS (heapscope_session_parent_class)->dispose (object);
}

static void
heapscope_session_class_init (HeapscopeSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* a runner that dies while its program is still being written to it must not take
   * the app with it */
  signal (SIGPIPE, SIG_IGN);
  object_class->dispose = heapscope_session_dispose;
  object_class->get_property = heapscope_session_get_property;

  properties[PROP_TRACE] = g_param_spec_pointer (
      "trace", NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING]
      = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STEP_READY] = g_signal_new ("step-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* the first steps of a long run are shown while it still records */
  signals[PREVIEW_READY] = g_signal_new ("preview-ready", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* the program waits at an input() for an answer it was not given: the trace is its
   * steps so far (get_at_input) */
  signals[INPUT_WANTED] = g_signal_new ("input-wanted", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
heapscope_session_init (HeapscopeSession *self)
{
  self->memory_mib = HS_SANDBOX_DEFAULT_MEMORY_MIB;
  view_options_init (&self->options);
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)step_info_free);
  self->pending = g_hash_table_new (NULL, NULL);
  /* one thread: Graphviz layouts cannot run in parallel anyway */
  self->pool = g_thread_pool_new_full (layout_worker, NULL, (GDestroyNotify)layout_job_free, 1,
                                       FALSE, NULL);
}

HeapscopeSession *
heapscope_session_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_SESSION, NULL);
}
